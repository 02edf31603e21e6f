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
/// An analyst writing at a steady rate through the GraphQL API during the read load (#18), in turn through each
/// server given; after each write, a <see cref="VisibilityProbe"/> on every server.
/// </summary>
internal static class Writer
{
    public static async Task<WriterResult> RunAsync(IReadOnlyList<GraphQLSession> servers, IEnumerable<OwnershipWrite> writes, double perSecond, CancellationToken stop)
    {
        var interval = (long)(Stopwatch.Frequency / perSecond);
        var visible = servers.ToDictionary(s => s.Name, _ => new Latencies());
        var never = servers.ToDictionary(s => s.Name, _ => 0);
        var writeTimes = new Latencies();
        var probes = new List<Task>();
        var (count, failures) = (0, 0);
        string? firstFailure = null;
        var started = Stopwatch.GetTimestamp();
        var due = started;
        using var plan = writes.GetEnumerator();
        while (!stop.IsCancellationRequested && plan.MoveNext())
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            // A slow write delays the next but does not make up for it later: the rate reported is the rate achieved.
            due = Math.Max(due + interval, Stopwatch.GetTimestamp());
            var write = plan.Current;
            var through = servers[count % servers.Count];
            count++;
            var sent = Stopwatch.GetTimestamp();
            try
            {
                await through.DataAsync(write.Mutation, write.Variables, CancellationToken.None);
            }
            catch (InvalidOperationException e)
            {
                failures++;
                firstFailure ??= e.Message;
                continue;
            }
            var committed = Stopwatch.GetTimestamp();
            writeTimes.Add(Stopwatch.GetElapsedTime(sent, committed));
            probes.AddRange(servers.Select(server => Probe(server, write, committed, visible, never)));
        }
        var duration = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(probes);
        return new WriterResult(count, failures, firstFailure, duration, writeTimes, visible, never);
    }

    private static async Task Probe(GraphQLSession server, OwnershipWrite write, long committed, Dictionary<string, Latencies> visible, Dictionary<string, int> never)
    {
        var after = await VisibilityProbe.WaitAsync(server, write, committed, CancellationToken.None);
        lock (visible)
        {
            if (after is { } seen)
            {
                visible[server.Name].Add(seen);
            }
            else
            {
                never[server.Name]++;
            }
        }
    }
}
