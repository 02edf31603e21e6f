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

    /// <summary>All the times of several measurements as one, e.g. every read of a load whatever its operation.</summary>
    public static Latencies Combined(IEnumerable<Latencies> parts)
    {
        var all = new Latencies();
        foreach (var part in parts)
        {
            all._milliseconds.AddRange(part._milliseconds);
        }
        return all;
    }

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

    /// <summary>
    /// Warm-up lasts at least this long and two passes: the runtime compiles a method again, fully
    /// optimised, only after it has run a while (through an instrumented tier first), so a short
    /// warm-up would time code a long-running server no longer runs. At 20,000 nodes one second of
    /// passes still left the beneficial-owner p50 three times slower than after two more.
    /// </summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    private const int MinWarmUpPasses = 2;
    private const int MaxWarmUpPasses = 100;

    private static bool Warming(int pass, Stopwatch warming) =>
        pass < MaxWarmUpPasses && (pass < MinWarmUpPasses || warming.Elapsed < WarmUp);

    /// <summary>
    /// Runs <paramref name="query"/> on every input to warm up (see <see cref="WarmUp"/>), then
    /// once more timed; returns the times and the timed run's answers.
    /// </summary>
    public static (Latencies Times, List<TResult> Results) Measure<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> query)
    {
        var warming = Stopwatch.StartNew();
        for (var pass = 0; Warming(pass, warming); pass++)
        {
            foreach (var input in inputs)
            {
                query(input);
            }
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
        var warming = Stopwatch.StartNew();
        for (var pass = 0; Warming(pass, warming); pass++)
        {
            foreach (var input in inputs)
            {
                await query(input);
            }
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
