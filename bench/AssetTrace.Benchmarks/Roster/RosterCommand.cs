using System.Diagnostics;
using AssetTrace.Accounts;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Hosting;
using AssetTrace.Roster.Candidates;
using AssetTrace.Roster.Deadlines;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetTrace.Benchmarks.Roster;

/// <summary>
/// The Commission's candidate list (issue #16) on a generated graph of <c>--nodes</c> nodes with the demo case, per
/// store: the first list after a start (it loads the analytics snapshot), <c>--computed</c> lists computed on the warm
/// snapshot (each for a viewer of another case, so none is answered from the cache), and <c>--cached</c> lists for one
/// viewer answered from the cache by graph version; the ratio of the two is the cache's gain, measured in one process.
/// </summary>
public static class RosterCommand
{
    public static async Task<int> RunAsync(string[] args, string repositoryRoot, string command)
    {
        var options = CommandOptions.Parse(args, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--nodes"] = "1000000", ["--computed"] = "10", ["--cached"] = "200", ["--stores"] = "sqlite", ["--seed"] = "42",
            ["--work"] = Path.Combine(Path.GetTempPath(), "assettrace-roster-bench"), ["--out"] = "",
        }, "roster [--nodes 1000000] [--computed 10] [--cached 200] [--stores sqlite,postgres] [--postgres CONNECTION] [--seed 42] [--work DIR] [--out FILE.md]",
            "rosterbench");
        if (options is null)
        {
            return 2;
        }
        var work = Path.GetFullPath(options["--work"]);
        Directory.CreateDirectory(work);
        var ct = CancellationToken.None;
        var started = DateTimeOffset.UtcNow;
        Console.WriteLine($"generating {options.Number("--nodes"):N0} nodes, seed {options.Number("--seed")}");
        var graph = GraphGenerator.Generate(options.Number("--nodes"), options.Number("--seed"));

        var lines = new List<string>();
        foreach (var kind in options.Stores)
        {
            var store = await LoadedStore.CreateAsync(kind, work, options, "rosterbench", graph, ct);
            lines.Add(await MeasureAsync(kind, store, graph.Nodes.Count, options.Number("--computed"), options.Number("--cached"), ct));
            Console.WriteLine(lines[^1]);
        }
        await CommandReport.WriteAsync(options, repositoryRoot, command, started,
            "`RosterCandidates.ListAsync` as the GraphQL field calls it, for today, with the default threshold (100 million USD); one caller at a time.",
            "| store | nodes | first list (snapshot loaded) | computed p50 | computed max | cached p50 | cached p99 | computed / cached (p50) | candidates |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|", lines, ct);
        return 0;
    }

    private static async Task<string> MeasureAsync(StoreKind kind, BenchStore store, int nodes, int computedCalls, int cachedCalls, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>(store.Settings) { ["Demo:Load"] = "true", ["Logging:LogLevel:Default"] = "Error" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error))
            .AddSingleton<IConfiguration>(configuration)
            .AddAssetTraceCore(configuration)
            .BuildServiceProvider();
        await CoreServices.PrepareStoreAsync(services, configuration, ct);
        var candidates = services.GetRequiredService<RosterCandidates>();
        var today = LegalCalendar.Today(TimeProvider.System);
        var analyst = Viewer.User("bench-analyst", [Role.Analyst], ["demo-case"]);

        var watch = Stopwatch.StartNew();
        var list = await candidates.ListAsync(analyst, today, ct);
        var first = watch.Elapsed;
        var computed = new Latencies();
        for (var i = 0; i < computedCalls; i++)
        {
            // Another case on the viewer is another cache key: the list is computed again, on the snapshot already loaded.
            var other = Viewer.User($"bench-analyst-{i}", [Role.Analyst], ["demo-case", $"bench-case-{i}"]);
            watch.Restart();
            _ = await candidates.ListAsync(other, today, ct);
            computed.Add(watch.Elapsed);
        }
        var cached = new Latencies();
        for (var i = 0; i < cachedCalls; i++)
        {
            watch.Restart();
            list = await candidates.ListAsync(analyst, today, ct);
            cached.Add(watch.Elapsed);
        }
        return $"| {kind} | {nodes:N0} | {first.TotalSeconds:0.0} s | {computed.P50:0.0} ms | {computed.Max:0.0} ms | {cached.P50:0.00} ms | {cached.P99:0.00} ms | " +
            $"{computed.P50 / cached.P50:0}× | {list.Count:N0} |";
    }
}
