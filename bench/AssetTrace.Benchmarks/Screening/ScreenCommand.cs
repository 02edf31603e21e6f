using System.Diagnostics;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Reporting;
using AssetTrace.Cli;
using AssetTrace.Graph.Model;
using AssetTrace.Hosting;
using AssetTrace.Matching.Screening;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.Benchmarks.Screening;

/// <summary>
/// Screening of a list of names (issue #14): a CSV of <c>--rows</c> names (the generated graph's persons and
/// companies in another romanisation or word order, and as many names made up from the same pools, which may
/// or may not be there) screened with <see cref="Screener"/> as <c>assettrace screen</c> does, on the demo
/// case and on the generated graph, per store: the first run (it builds the match index and loads the
/// analytics snapshot) and a second one on the warm server, beside the time to read and write the files.
/// </summary>
public static class ScreenCommand
{
    public static async Task<int> RunAsync(string[] args, string repositoryRoot, string command)
    {
        var options = CommandOptions.Parse(args, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--nodes"] = "100000", ["--rows"] = "10000", ["--stores"] = "sqlite", ["--seed"] = "42",
            ["--work"] = Path.Combine(Path.GetTempPath(), "assettrace-screen-bench"), ["--out"] = "",
        }, "screen [--nodes 100000] [--rows 10000] [--stores sqlite,postgres] [--postgres CONNECTION] [--seed 42] [--work DIR] [--out FILE.md]", "screenbench");
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

        Step($"generating {Number("--nodes"):N0} nodes, seed {Number("--seed")}");
        var graph = GraphGenerator.Generate(Number("--nodes"), Number("--seed"));
        var list = Path.Combine(work, "screen-list.csv");
        await File.WriteAllLinesAsync(list, ["name", .. ListNames(graph, Number("--rows"), Number("--seed")).Select(ScreeningCsv.Cell)], ct);

        var lines = new List<string>();
        foreach (var kind in stores)
        {
            foreach (var generated in new[] { false, true })
            {
                var store = kind == StoreKind.Sqlite
                    ? await BenchStore.CreateSqliteAsync(work, ct)
                    : await BenchStore.CreatePostgresAsync(options["--postgres"], "screenbench", ct);
                if (generated)
                {
                    Step($"{kind}: bulk load of the generated graph");
                    var nameKeys = BulkRows.NameKeys(graph);
                    _ = kind == StoreKind.Sqlite
                        ? SqliteBulkLoader.Load(store.SqliteFile!, graph, nameKeys)
                        : await PostgresBulkLoader.LoadAsync(store.PostgresConnectionString!, graph, nameKeys, ct);
                }
                var data = generated ? $"generated, {graph.Nodes.Count:N0} nodes" : "demo case";
                lines.Add(await MeasureAsync(kind, data, store, list, !generated, ct));
                Step(lines[^1]);
            }
        }
        var report = string.Join('\n',
        [
            $"- Date: {started:yyyy-MM-dd HH:mm} UTC. Command (from the repository root): `{command}`",
            $"- Machine: {Machine()}",
            $"- List: {Number("--rows"):N0} names, half the generated graph's persons and companies in another spelling or word order, half made up from the same name pools; top 5 per name.",
            "",
            "| store | data | read the CSV | first screening (index and snapshot built) | second screening | write the CSV | rows with matches | matches |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
            .. lines,
        ]);
        Console.WriteLine(report);
        if (options["--out"].Length > 0)
        {
            await File.WriteAllTextAsync(Path.IsPathRooted(options["--out"]) ? options["--out"] : Path.Combine(repositoryRoot, options["--out"]), report + "\n", ct);
        }
        return 0;
    }

    private static async Task<string> MeasureAsync(StoreKind kind, string data, BenchStore store, string list, bool loadDemo, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>(store.Settings) { ["Demo:Load"] = loadDemo ? "true" : "false" };
        await using var services = ShellServices.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")]);
        await CoreServices.PrepareStoreAsync(services, services.GetRequiredService<IConfiguration>(), ct);
        var screener = services.GetRequiredService<Screener>();
        var viewer = Viewer.System("screen-bench");

        var watch = Stopwatch.StartNew();
        var rows = ScreeningCsv.Read(list, Screener.DefaultTop);
        var read = watch.Elapsed;
        watch.Restart();
        await screener.ScreenAsync(viewer, rows, Screener.DefaultTop, "bench", ct);
        var first = watch.Elapsed;
        watch.Restart();
        var result = await screener.ScreenAsync(viewer, rows, Screener.DefaultTop, "bench", ct);
        var second = watch.Elapsed;
        watch.Restart();
        await ScreeningCsv.WriteAsync(Path.ChangeExtension(list, $".{kind}.screened.csv"), result, ct);
        var write = watch.Elapsed;
        return $"| {kind} | {data} | {read.TotalSeconds:0.00} s | {first.TotalSeconds:0.0} s | {second.TotalSeconds:0.0} s | {write.TotalSeconds:0.00} s | {result.Rows.Count(r => r.Matches.Count > 0):N0} | {result.MatchCount:N0} |";
    }

    /// <summary>Half names of the graph as a list would carry them (Latin for Cyrillic, surname first), half made up.</summary>
    private static List<string> ListNames(GeneratedGraph graph, int count, int seed)
    {
        var random = new Random(seed);
        var named = Enumerable.Range(0, graph.Nodes.Count).Where(i => graph.Nodes[i].Kind is NodeKind.Person or NodeKind.Company).ToList();
        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                var node = graph.Nodes[named[random.Next(named.Count)]];
                var words = (i % 4 == 0 ? NamePools.Latin(node.Name, i / 4) : node.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                names.Add(node.Kind == NodeKind.Person ? string.Join(' ', words.Reverse()) : string.Join(' ', words));
            }
            else
            {
                var first = NamePools.MaleFirst[random.Next(NamePools.MaleFirst.Length)];
                var surname = NamePools.Surnames[random.Next(NamePools.Surnames.Length)];
                names.Add(NamePools.Latin($"{first} {surname}", i));
            }
        }
        return names;
    }

    private static string Machine()
    {
        var m = MachineInfo.Read();
        return $"{m.Cores} cores ({m.CpuModel}), {m.MemoryBytes / 1073741824.0:0.0} GiB memory, {m.OperatingSystem}, {m.Runtime}";
    }

    private static void Step(string message) => Console.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {message}");
}
