using AssetTrace.Benchmarks.Generation;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks.Loading;

/// <summary>A fresh store of either kind with the generated graph bulk-loaded into it: how each large-graph command begins.</summary>
public static class LoadedStore
{
    /// <param name="options">Read for <c>--postgres</c> only when the store is PostgreSQL: a SQLite-only run names no server.</param>
    /// <param name="database">The PostgreSQL database's name prefix, one per command so that runs do not meet.</param>
    public static async Task<BenchStore> CreateAsync(StoreKind kind, string work, CommandOptions options, string database, GeneratedGraph graph, CancellationToken ct)
    {
        var store = kind == StoreKind.Sqlite
            ? await BenchStore.CreateSqliteAsync(work, ct)
            : await BenchStore.CreatePostgresAsync(options["--postgres"], database, ct);
        Console.WriteLine($"{kind}: bulk load of the generated graph");
        var nameKeys = BulkRows.NameKeys(graph);
        _ = kind == StoreKind.Sqlite
            ? SqliteBulkLoader.Load(store.SqliteFile!, graph, nameKeys)
            : await PostgresBulkLoader.LoadAsync(store.PostgresConnectionString!, graph, nameKeys, ct);
        return store;
    }
}
