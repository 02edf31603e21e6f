using System.Diagnostics;

namespace AssetTrace.Benchmarks.Measuring;

/// <summary>Query times of one measurement, in milliseconds, with the percentiles the report shows.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];
    private double[]? _sorted;

    public int Count => _milliseconds.Count;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Mean => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Average();

    public double Max => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Max();

    public void Add(double milliseconds)
    {
        _milliseconds.Add(milliseconds);
        _sorted = null;
    }

    public void Add(TimeSpan elapsed) => Add(elapsed.TotalMilliseconds);

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double fraction)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }
        _sorted ??= [.. _milliseconds.Order()];
        var rank = (int)Math.Ceiling(fraction * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    /// <summary>Runs <paramref name="query"/> on every input once to warm up, then again timed; returns the times and the timed run's answers.</summary>
    public static (Latencies Times, List<TResult> Results) Measure<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> query)
    {
        foreach (var input in inputs)
        {
            query(input);
        }
        var times = new Latencies();
        var results = new List<TResult>(inputs.Count);
        foreach (var input in inputs)
        {
            var started = Stopwatch.GetTimestamp();
            var result = query(input);
            times.Add(Stopwatch.GetElapsedTime(started));
            results.Add(result);
        }
        return (times, results);
    }

    /// <summary>The same as <see cref="Measure{TInput, TResult}"/> for queries that wait on a database.</summary>
    public static async Task<(Latencies Times, List<TResult> Results)> MeasureAsync<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, Task<TResult>> query)
    {
        foreach (var input in inputs)
        {
            await query(input);
        }
        var times = new Latencies();
        var results = new List<TResult>(inputs.Count);
        foreach (var input in inputs)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await query(input);
            times.Add(Stopwatch.GetElapsedTime(started));
            results.Add(result);
        }
        return (times, results);
    }
}
