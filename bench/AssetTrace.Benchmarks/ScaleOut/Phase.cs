using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Benchmarks.Server;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>One timed stretch of the read load on one or more servers, with or without the writer (#18).</summary>
internal sealed record Phase(string Store, IReadOnlyList<string> Servers, GraphQLLoadResult Load, WriterResult? Writes, CacheCounters Cache)
{
    public Latencies Reads => Latencies.Combined(Load.ByOperation.Values);

    public string ServersCell => Servers.Count == 1 ? $"one ({Servers[0]})" : $"{Servers.Count} ({string.Join(" + ", Servers)})";

    /// <summary>The main benchmark's 16-client load without search on <paramref name="servers"/>, and the writer alongside when <paramref name="write"/> is given.</summary>
    public static async Task<Phase> RunAsync(string store, IReadOnlyList<GraphQLSession> servers, Samples samples, ScaleOutSettings settings,
        Func<IEnumerable<OwnershipWrite>>? write, CancellationToken ct)
    {
        Console.WriteLine($"{store}, {servers.Count} server(s): {settings.Seconds} s of reads{(write is null ? "" : $" with {settings.WritesPerSecond} writes/s")}");
        var before = await CountersAsync(servers, ct);
        using var stop = new CancellationTokenSource();
        var writer = write is null ? null : Task.Run(() => Writer.RunAsync(servers, write(), settings.WritesPerSecond, stop.Token), ct);
        var load = await GraphQLLoad.RunAsync([.. servers.Select(s => s.Server)], samples, settings.Clients, TimeSpan.FromSeconds(settings.Seconds), settings.Seed, withSearch: false, ct);
        await stop.CancelAsync();
        var writes = writer is null ? null : await writer;
        var phase = new Phase(store, [.. servers.Select(s => s.Name)], load, writes, await CountersAsync(servers, ct) - before);
        Console.WriteLine(ScaleOutReport.PhaseRow(phase));
        return phase;
    }

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
