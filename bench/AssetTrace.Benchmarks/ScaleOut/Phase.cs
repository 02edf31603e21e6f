using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Benchmarks.Server;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>One timed stretch of the read load on one or more servers, with or without the writer (#18).</summary>
/// <param name="SnapshotSaves">The servers whose snapshot file was written during the phase: a save holds back catch-ups (docs/SCALING.md).</param>
internal sealed record Phase(string Store, IReadOnlyList<string> Servers, GraphQLLoadResult Load, WriterResult? Writes, CacheCounters Cache, IReadOnlyList<string> SnapshotSaves)
{
    public Latencies Reads => Latencies.Combined(Load.ByOperation.Values);

    public string ServersCell => Servers.Count == 1 ? $"one ({Servers[0]})" : $"{Servers.Count} ({string.Join(" + ", Servers)})";

    /// <summary>The main benchmark's 16-client load without search on <paramref name="servers"/>, and the writer alongside when <paramref name="write"/> is given.</summary>
    public static async Task<Phase> RunAsync(string store, IReadOnlyList<GraphQLSession> servers, Samples samples, ScaleOutSettings settings,
        Func<IEnumerable<OwnershipWrite>>? write, CancellationToken ct)
    {
        Console.WriteLine($"{store}, {servers.Count} server(s): {settings.Seconds} s of reads{(write is null ? "" : $" with {settings.WritesPerSecond} writes/s")}");
        var before = await CountersAsync(servers, ct);
        var saved = servers.Select(s => s.SnapshotSavedAt).ToList();
        using var stop = new CancellationTokenSource();
        var writer = write is null ? null : Task.Run(() => Writer.RunAsync(servers, write(), settings.WritesPerSecond, stop.Token), ct);
        var load = await GraphQLLoad.RunAsync([.. servers.Select(s => s.Server)], samples, settings.Clients, TimeSpan.FromSeconds(settings.Seconds), settings.Seed, withSearch: false, ct);
        await stop.CancelAsync();
        var writes = writer is null ? null : await writer;
        var saves = servers.Where((s, i) => s.SnapshotSavedAt != saved[i]).Select(s => s.Name).ToList();
        var phase = new Phase(store, [.. servers.Select(s => s.Name)], load, writes, await CountersAsync(servers, ct) - before, saves);
        Console.WriteLine(ScaleOutReport.PhaseRow(phase));
        return phase;
    }

    /// <summary>
    /// Seconds of the same load, not reported, on servers that just started: the runtime compiles the hot code fully
    /// optimised only after a while (Latencies.WarmUp), so a first phase would otherwise time code a running server no
    /// longer runs. It asks for the first load targets, which the measured phases (from the middle on) do not meet.
    /// </summary>
    public static async Task WarmUpAsync(IReadOnlyList<GraphQLSession> servers, Samples samples, ScaleOutSettings settings, CancellationToken ct)
    {
        Console.WriteLine($"warming up {string.Join(" + ", servers.Select(s => s.Name))} for {WarmUp.TotalSeconds:0} s");
        await GraphQLLoad.RunAsync([.. servers.Select(s => s.Server)], samples, settings.Clients, WarmUp, settings.Seed + 1, withSearch: false, ct, firstTarget: 0);
    }

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    private static async Task<CacheCounters> CountersAsync(IReadOnlyList<GraphQLSession> servers, CancellationToken ct)
    {
        var sum = new CacheCounters();
        foreach (var server in servers)
        {
            sum += await CacheCounters.ReadAsync(server, ct);
        }
        return sum;
    }
}

/// <summary>The scale-out command's figures of a run, from its command line.</summary>
internal sealed record ScaleOutSettings(int Clients, int Seconds, double WritesPerSecond, int Seed);
