using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;

namespace AssetTrace.Benchmarks.ConsolePages;

/// <summary>
/// The loaded SQLite store the console is measured on, kept in the work directory: a run reuses it
/// when an earlier run of the same node count and seed finished loading it (its <c>loaded</c> file).
/// </summary>
public sealed record ConsoleStore(BenchStore Store, int NodeCount, int EdgeCount, string HubId, IReadOnlyList<string> Names)
{
    private const string LoadedMarker = "loaded";

    public static async Task<ConsoleStore> OpenOrLoadAsync(ConsoleBenchOptions options, Action<string> step, CancellationToken ct)
    {
        var directory = options.StoreDirectory;
        var marker = Path.Combine(directory, LoadedMarker);
        if (File.Exists(marker))
        {
            step($"reusing the store in {directory}");
            var lines = await File.ReadAllLinesAsync(marker, ct);
            return new ConsoleStore(BenchStore.ExistingSqlite(directory), int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture), lines[2], lines[3..]);
        }
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        step($"generating {options.Nodes:N0} nodes (seed {options.Seed}) and the hub");
        var (graph, hub) = ConsoleGraph.Generate(options.Nodes, options.Seed);
        var nameKeys = BulkRows.NameKeys(graph);
        step($"loading {graph.Nodes.Count:N0} nodes, {graph.Edges.Count:N0} edges, {nameKeys.Count:N0} name keys into SQLite");
        var store = await BenchStore.CreateSqliteInAsync(directory, ct);
        var load = SqliteBulkLoader.Load(store.SqliteFile!, graph, nameKeys);
        step($"loaded {load.TotalRows:N0} rows in {load.Total.TotalSeconds:0.0} s");
        // Names to type into the search box: a sample of the graph's own, in the scripts it mixes.
        var random = new Random(options.Seed);
        var names = Enumerable.Range(0, 2_000).Select(_ => graph.Nodes[random.Next(graph.Nodes.Count)].Name).ToList();
        var result = new ConsoleStore(store, graph.Nodes.Count, graph.Edges.Count, GeneratedGraph.NodeId(hub), names);
        await File.WriteAllLinesAsync(marker, [
            graph.Nodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            graph.Edges.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            result.HubId, .. names], ct);
        return result;
    }
}
