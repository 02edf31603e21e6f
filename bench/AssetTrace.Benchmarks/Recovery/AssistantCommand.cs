using System.Diagnostics;
using AssetTrace.Accounts;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Hosting;
using AssetTrace.Recovery;
using AssetTrace.Recovery.Assistant;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetTrace.Benchmarks.Recovery;

/// <summary>
/// The investigator's assistant (issue #17) on the demo case inside a generated graph of <c>--nodes</c> nodes: the
/// first answer after a start (it loads the analytics snapshot) and <c>--calls</c> answers on the warm server, as a
/// case officer gets them (the playbook's rules on the snapshot, the case's requests, consents and leads read from
/// the store), per store.
/// </summary>
public static class AssistantCommand
{
    public static async Task<int> RunAsync(string[] args, string repositoryRoot, string command)
    {
        var options = CommandOptions.Parse(args, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--nodes"] = "1000000", ["--calls"] = "200", ["--stores"] = "sqlite", ["--seed"] = "42",
            ["--work"] = Path.Combine(Path.GetTempPath(), "assettrace-assistant-bench"), ["--out"] = "",
        }, "assistant [--nodes 1000000] [--calls 200] [--stores sqlite,postgres] [--postgres CONNECTION] [--seed 42] [--work DIR] [--out FILE.md]", "assistantbench");
        if (options is null)
        {
            return 2;
        }
        int Number(string name) => options.Number(name);
        var stores = options.Stores;
        var work = Path.GetFullPath(options["--work"]);
        Directory.CreateDirectory(work);
        var ct = CancellationToken.None;
        var started = DateTimeOffset.UtcNow;
        Console.WriteLine($"generating {Number("--nodes"):N0} nodes, seed {Number("--seed")}");
        var graph = GraphGenerator.Generate(Number("--nodes"), Number("--seed"));

        var lines = new List<string>();
        foreach (var kind in stores)
        {
            var store = await LoadedStore.CreateAsync(kind, work, options, "assistantbench", graph, ct);
            lines.Add(await MeasureAsync(kind, store, graph.Nodes.Count, Number("--calls"), ct));
            Console.WriteLine(lines[^1]);
        }
        await CommandReport.WriteAsync(options, repositoryRoot, command, started,
            "The demo case (the corruption playbook, all its rules) loaded into the generated graph; an officer of the case asks; one caller at a time.",
            "| store | nodes | first answer (snapshot loaded) | warm p50 | warm p99 | warm max | recommendations |\n|---|---:|---:|---:|---:|---:|---:|", lines, ct);
        return 0;
    }

    private static async Task<string> MeasureAsync(StoreKind kind, BenchStore store, int nodes, int calls, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>(store.Settings) { ["Demo:Load"] = "true", ["Logging:LogLevel:Default"] = "Error" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error))
            .AddSingleton<IConfiguration>(configuration)
            .AddAssetTraceCore(configuration)
            .AddRecovery()
            .BuildServiceProvider();
        await CoreServices.PrepareStoreAsync(services, configuration, ct);
        var assistant = services.GetRequiredService<RecoveryAssistant>();
        var officer = Viewer.User("bench-officer", [Role.Officer], ["demo-case"]);

        var watch = Stopwatch.StartNew();
        var answer = await assistant.RecommendAsync(officer, "demo-case", ct);
        var first = watch.Elapsed;
        var warm = new Latencies();
        for (var i = 0; i < calls; i++)
        {
            watch.Restart();
            answer = await assistant.RecommendAsync(officer, "demo-case", ct);
            warm.Add(watch.Elapsed);
        }
        return $"| {kind} | {nodes:N0} | {first.TotalSeconds:0.0} s | {warm.P50:0.0} ms | {warm.P99:0.0} ms | {warm.Max:0.0} ms | {answer.Recommendations.Count} |";
    }
}
