using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Hosting;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Analytics.Snapshots;

/// <summary>The benchmark's generated graph written into a migrated test store, beside what it holds (#18).</summary>
internal static class GeneratedRows
{
    public static async Task<GeneratedGraph> LoadAsync(IDictionary<string, string?> settings, StoreKind kind, int nodes)
    {
        var graph = GraphGenerator.Generate(nodes, 18);
        var keys = BulkRows.NameKeys(graph);
        if (kind == StoreKind.Sqlite)
        {
            SqliteBulkLoader.Load(new StorageOptions { DataDirectory = settings["Storage:DataDirectory"]! }.SqliteFile, graph, keys);
        }
        else
        {
            await PostgresBulkLoader.LoadAsync(settings["ConnectionStrings:Graph"]!, graph, keys, CancellationToken.None);
        }
        return graph;
    }
}
