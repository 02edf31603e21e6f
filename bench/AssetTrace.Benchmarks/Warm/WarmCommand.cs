using AssetTrace.Benchmarks.Generation;

namespace AssetTrace.Benchmarks.Warm;

/// <summary>
/// A warm server in seconds (issue #18): a generated graph of <c>--nodes</c> nodes in each store, the built server
/// started twice on it, first without a snapshot file (every row read from the store, and the file written after)
/// and then with it; each time, how long from the start of the process until it listens and until its first
/// analytics answer (asked every 100 ms, "warming" answers counted until a real one comes).
/// </summary>
public static class WarmCommand
{
    public static async Task<int> RunAsync(string[] args, string repositoryRoot, string command)
    {
        var options = CommandOptions.Parse(args, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--nodes"] = "1000000", ["--stores"] = "sqlite", ["--seed"] = "42",
            ["--server-dll"] = Path.Combine(repositoryRoot, "src/AssetTrace/bin/Release/net10.0/assettrace.dll"),
            ["--work"] = Path.Combine(Path.GetTempPath(), "assettrace-warm-bench"), ["--out"] = "", ["--child-load"] = "",
        }, "warm [--nodes 1000000] [--stores sqlite,postgres] [--postgres CONNECTION] [--seed 42] [--server-dll PATH] [--work DIR] [--out FILE.md]", "warmbench");
        if (options is null)
        {
            return 2;
        }
        if (options["--child-load"] is { Length: > 0 } resultFile)
        {
            return await StoreLoadChild.RunAsync(resultFile, options, CancellationToken.None);
        }
        var work = Path.GetFullPath(options["--work"]);
        Directory.CreateDirectory(work);
        var ct = CancellationToken.None;
        var started = DateTimeOffset.UtcNow;
        var (nodes, seed) = (options.Number("--nodes"), options.Number("--seed"));
        var (lines, indexed) = (new List<string>(), new List<string>());
        var question = "";
        foreach (var kind in options.Stores)
        {
            // Generated and loaded in a child process for each store: the servers measured below need the machine.
            var (store, asked) = await StoreLoadChild.LoadAsync(kind, nodes, seed, work, options, ct);
            question = asked;
            // Each server keeps its own file: here a folder of this run's (SQLite's would be its data folder anyway).
            var folder = Path.Combine(work, $"snapshot-{kind}-{Guid.NewGuid():N}");
            var settings = new Dictionary<string, string?>(store.Settings) { ["Analytics:Snapshot:Directory"] = folder };

            string coldRow, warmRow, coldAnswer, warmAnswer;
            var file = Path.Combine(folder, "analytics-snapshot.bin");
            await using (var cold = await ServerStart.MeasureAsync(options["--server-dll"], settings, question, Path.Combine(work, $"{kind}-cold.log"), ct))
            {
                await ServerStart.WaitForFileAsync(file, ct);
                (coldRow, coldAnswer) = (cold.Row(kind, nodes, "none: every row from the store"), cold.Answer);
            }
            await using (var warm = await ServerStart.MeasureAsync(options["--server-dll"], settings, question, Path.Combine(work, $"{kind}-warm.log"), ct))
            {
                (warmRow, warmAnswer) = (warm.Row(kind, nodes, $"{new FileInfo(file).Length / 1048576.0:0} MiB"), warm.Answer);
                var searched = await warm.SearchOnceAsync("Akhmetov", ct);
                indexed.Add($"| {kind} | {nodes:N0} | {searched.TotalSeconds:0.0} s | {warm.Server.PeakResidentBytes() / 1073741824.0:0.00} GiB |");
            }
            // After the warm server has stopped: the snapshot read here is as large as the server's, and at ten million
            // nodes the two together would not fit the machine.
            var alone = await FileReadAlone.MeasureAsync(file, new BenchStoreIdentity(kind, store.Open()), ct);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            lines.Add(coldRow + " | |");
            lines.Add(warmRow + (coldAnswer == warmAnswer ? " yes |" : " NO |") + $" {alone.Cell} |");
            Console.WriteLine(lines[^2]);
            Console.WriteLine(lines[^1]);
        }
        await CommandReport.WriteAsync(options, repositoryRoot, command, started,
            $"The question: `{question}`, asked every 100 ms from the moment the server listens; times from the start of its process.",
            "| store | nodes | snapshot file | listening | first analytics answer | WARMING answers before it | peak RSS | same answer | the file read alone, in the benchmark's process |\n|---|---:|---|---:|---:|---:|---:|---|---|",
            [.. lines, "", "Then one name search on the warm server, which builds its name index (#14): the peak memory of a server that has answered both kinds of question.", "",
             "| store | nodes | the first search, index build included | peak RSS after it |", "|---|---:|---:|---:|", .. indexed], ct);
        return 0;
    }
}

/// <summary>The analytics question the benchmark asks: the beneficial owners of the generated graph's most-owned company.</summary>
internal static class FirstQuestion
{
    public static string For(GeneratedGraph graph)
    {
        var target = graph.Edges.Where(e => e.Kind == AssetTrace.Graph.Model.EdgeKind.Owns).GroupBy(e => e.Target)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return $$"""{ beneficialOwners(id: "{{GeneratedGraph.NodeId(target)}}") { personId lowPercent highPercent } }""";
    }
}
