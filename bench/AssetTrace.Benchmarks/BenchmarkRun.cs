using System.Diagnostics;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Benchmarks.Baselines;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Benchmarks.Reporting;
using AssetTrace.Benchmarks.Server;
using AssetTrace.Storage;
using Npgsql;

namespace AssetTrace.Benchmarks;

/// <summary>One full run: generate, load each store, measure engine and baselines on the same queries, load the server, report.</summary>
public sealed class BenchmarkRun(BenchOptions options, TimeProvider clock, TextWriter log)
{
    private const string PostgresDatabase = "assettrace_bench";

    public async Task<RunResults> RunAsync(string command, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(options.Work);

        Step($"generating {options.Nodes:N0} nodes (seed {options.Seed})");
        var graph = GraphGenerator.Generate(options.Nodes, options.Seed);
        var nameKeys = BulkRows.NameKeys(graph);
        var samples = Samples.Draw(graph, options.Queries, options.Seed);
        Step($"generated {graph.Nodes.Count:N0} nodes, {graph.Edges.Count:N0} edges, {nameKeys.Count:N0} name keys");

        Step("igraph baseline: shortest paths");
        var igraph = await IgraphBaseline.RunAsync(graph, samples.PathPairs, Path.Combine(options.Work, "igraph"), ct);
        Step($"igraph {igraph.Version}: p50 {igraph.Times.P50:0.###} ms, p99 {igraph.Times.P99:0.###} ms");

        var stores = new List<StoreResults>();
        foreach (var kind in options.Stores)
        {
            stores.Add(await MeasureStoreAsync(kind, graph, nameKeys, samples, igraph, ct));
        }
        return new RunResults(command, started, watch.Elapsed, MachineInfo.Read(), options.Seed, graph.NodeCounts(), graph.EdgeCounts(),
            nameKeys.Count, igraph, stores, options);
    }

    private async Task<StoreResults> MeasureStoreAsync(
        StoreKind kind, GeneratedGraph graph, List<(string Key, int Node)> nameKeys, Samples samples, IgraphResult igraph, CancellationToken ct)
    {
        Step($"{kind}: creating the store");
        var store = kind == StoreKind.Sqlite
            ? await BenchStore.CreateSqliteAsync(options.Work, ct)
            : await BenchStore.CreatePostgresAsync(options.Postgres!, PostgresDatabase, ct);
        try
        {
            Step($"{kind}: bulk load");
            var load = kind == StoreKind.Sqlite
                ? SqliteBulkLoader.Load(store.SqliteFile!, graph, nameKeys)
                : await PostgresBulkLoader.LoadAsync(store.PostgresConnectionString!, graph, nameKeys, ct);
            Step($"{kind}: {load.TotalRows:N0} rows in {load.Total.TotalSeconds:0.0} s ({load.RowsPerSecond:N0} rows/s)");

            await using var database = store.Open();
            var version = await VersionAsync(database, ct);
            var (snapshot, snapshotTime, snapshotBytes) = await SnapshotLoad.RunAsync(database, ct);
            Step($"{kind}: snapshot of {snapshot.NodeCount:N0} nodes and {snapshot.EdgeCount:N0} edges loaded in {snapshotTime.TotalSeconds:0.0} s");

            var owners = await OwnershipComparison.RunAsync(database, snapshot, samples.OwnershipTargets, ct, m => Step($"{kind}: beneficial owners, {m}"));
            Step($"{kind}: beneficial owners p50/p99 {owners.Engine.P50:0.###}/{owners.Engine.P99:0.###} ms; CTE {owners.Cte.P50:0.###}/{owners.Cte.P99:0.###} ms; {owners.Disagreements.Count} disagreements");
            var (holdings, _) = Latencies.Measure(samples.Holders, id => HoldingsFinder.Find(snapshot, id, false, Samples.AsOf, 3));
            Step($"{kind}: holdings p50/p99 {holdings.P50:0.###}/{holdings.P99:0.###} ms");
            var paths = PathComparison.Run(snapshot, samples.PathPairs, igraph);
            Step($"{kind}: shortest paths p50/p99 {paths.Engine.P50:0.###}/{paths.Engine.P99:0.###} ms; {paths.Disagreements.Count} disagreements");
            snapshot = null;
            GC.Collect();

            var search = await SearchMeasurement.RunAsync(database, samples.NameQueries, options.SearchBudget, ct);
            Step($"{kind}: name search p50/p99 {search.Times.P50:0.###}/{search.Times.P99:0.###} ms over {search.Times.Count} queries, {search.Failures.Count} failed");

            GraphQLLoadResult? graphql = null;
            GraphQLLoadResult? withoutSearch = null;
            string? graphqlError = null;
            if (options.ServerDll is { } dll)
            {
                Step($"{kind}: GraphQL load, {options.Clients} clients for {options.LoadDuration.TotalSeconds:0} s");
                try
                {
                    await using var server = await ServerProcess.StartAsync(dll, store.Settings, Path.Combine(options.Work, $"server-{kind}.log"), ct);
                    graphql = await GraphQLLoad.RunAsync(server, samples, options.Clients, options.LoadDuration, options.Seed, withSearch: true, ct);
                    Step($"{kind}: {graphql.RequestsPerSecond:0.0} requests/s, {graphql.Failures} failures, server peak {graphql.PeakResidentBytes / 1048576.0:N0} MiB");
                    foreach (var line in graphql.ServerFigures)
                    {
                        Step($"{kind}: {line}");
                    }
                    withoutSearch = await GraphQLLoad.RunAsync(server, samples, options.Clients, options.LoadDuration, options.Seed, withSearch: false, ct);
                    Step($"{kind}: without search {withoutSearch.RequestsPerSecond:0.0} requests/s, {withoutSearch.Failures} failures, server peak {withoutSearch.PeakResidentBytes / 1048576.0:N0} MiB");
                    foreach (var line in withoutSearch.ServerFigures)
                    {
                        Step($"{kind}: without search, {line}");
                    }
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or TaskCanceledException)
                {
                    // Reported, not fatal: the figures measured so far still go into the report.
                    graphqlError = e.Message;
                    Step($"{kind}: the GraphQL load failed: {e.Message}");
                }
            }
            return new StoreResults(kind, version, load, snapshotTime, snapshotBytes, owners, holdings, paths, search, samples.NameQueries.Count, graphql, withoutSearch, graphqlError);
        }
        finally
        {
            await RemoveAsync(store, ct);
        }
    }

    private static async Task<string> VersionAsync(Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return database.Kind == StoreKind.Sqlite
            ? "SQLite " + await connection.ScalarAsync<string>(null, "SELECT sqlite_version()", ct)
            : "PostgreSQL " + await connection.ScalarAsync<string>(null, "SHOW server_version", ct);
    }

    private async Task RemoveAsync(BenchStore store, CancellationToken ct)
    {
        if (store.SqliteFile is { } file)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await BenchStore.DropPostgresAsync(options.Postgres!, PostgresDatabase, ct);
    }

    private void Step(string message) => log.WriteLine($"[{clock.GetUtcNow():HH:mm:ss}] {message}");
}
