using System.Diagnostics;
using AssetTrace.Benchmarks.Measuring;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>What the writer did in one phase, and how long each write took to show on each server.</summary>
internal sealed record WriterResult(
    int Writes, int Failures, string? FirstFailure, TimeSpan Duration, Latencies WriteTimes,
    IReadOnlyDictionary<string, Latencies> VisibleAfter, IReadOnlyDictionary<string, int> NeverVisible)
{
    public double WritesPerSecond => Writes / Duration.TotalSeconds;
}

/// <summary>
/// Analysts writing at a steady rate through the GraphQL API during the read load (#18), in turn through each server
/// given; after each write, a <see cref="VisibilityProbe"/> on every server. The writes are sent on a clock, not one
/// after another: ten a second is what an office does whatever one write takes, so a slow write does not lower the
/// rate (only a change of share waits for the edge it changes).
/// </summary>
internal sealed class Writer
{
    private readonly IReadOnlyList<GraphQLSession> _servers;
    private readonly Dictionary<string, Latencies> _visible;
    private readonly Dictionary<string, int> _never;
    private readonly Latencies _writeTimes = new();
    private readonly List<Task> _probes = [];
    private int _failures;
    private string? _firstFailure;

    private Writer(IReadOnlyList<GraphQLSession> servers)
    {
        _servers = servers;
        _visible = servers.ToDictionary(s => s.Name, _ => new Latencies());
        _never = servers.ToDictionary(s => s.Name, _ => 0);
    }

    public static async Task<WriterResult> RunAsync(IReadOnlyList<GraphQLSession> servers, IEnumerable<OwnershipWrite> writes, double perSecond, CancellationToken stop)
    {
        var writer = new Writer(servers);
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var sent = new List<Task<bool>>();
        var started = Stopwatch.GetTimestamp();
        using var plan = writes.GetEnumerator();
        while (!stop.IsCancellationRequested && plan.MoveNext())
        {
            var due = interval * sent.Count - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(due, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            var previous = plan.Current.FollowsPrevious && sent.Count > 0 ? sent[^1] : null;
            sent.Add(writer.WriteAsync(servers[sent.Count % servers.Count], plan.Current, previous));
        }
        var duration = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(sent);
        Task[] probes;
        lock (writer._probes)
        {
            probes = [.. writer._probes];
        }
        await Task.WhenAll(probes);
        return new WriterResult(sent.Count, writer._failures, writer._firstFailure, duration, writer._writeTimes, writer._visible, writer._never);
    }

    /// <returns>Whether the write committed.</returns>
    private async Task<bool> WriteAsync(GraphQLSession through, OwnershipWrite write, Task<bool>? previous)
    {
        if (previous is not null && !await previous)
        {
            Fail("the edge whose share it changes was not written");
            return false;
        }
        var sent = Stopwatch.GetTimestamp();
        try
        {
            await through.DataAsync(write.Mutation, write.Variables, CancellationToken.None);
        }
        catch (InvalidOperationException e)
        {
            Fail(e.Message);
            return false;
        }
        var committed = Stopwatch.GetTimestamp();
        lock (_probes)
        {
            _writeTimes.Add(Stopwatch.GetElapsedTime(sent, committed));
            _probes.AddRange(_servers.Select(server => ProbeAsync(server, write, committed)));
        }
        return true;
    }

    private void Fail(string message)
    {
        lock (_probes)
        {
            _failures++;
            _firstFailure ??= message;
        }
    }

    private async Task ProbeAsync(GraphQLSession server, OwnershipWrite write, long committed)
    {
        var after = await VisibilityProbe.WaitAsync(server, write, committed, CancellationToken.None);
        lock (_probes)
        {
            if (after is { } seen)
            {
                _visible[server.Name].Add(seen);
            }
            else
            {
                _never[server.Name]++;
            }
        }
    }
}
