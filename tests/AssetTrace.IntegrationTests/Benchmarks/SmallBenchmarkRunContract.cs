using AssetTrace.Benchmarks.Baselines;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Benchmarks;

/// <summary>
/// The benchmark of issue #3 at about 20,000 nodes, with its own code: the generated graph loads
/// into the store, the engine's snapshot holds all of it, and the engine agrees with the baselines
/// on every answer (recursive-CTE beneficial owners on acyclic targets, python3-igraph path
/// lengths). Agreement only: timing is measured by bench/, never asserted here.
/// </summary>
public abstract class SmallBenchmarkRunContract(StoreKind kind)
{
    private const int Nodes = 20_000;
    private const int Seed = 7;
    private const int Queries = 400;

    [Fact]
    public async Task Engine_and_baselines_agree_on_every_answer()
    {
        var ct = CancellationToken.None;
        using var work = new TempFolder();
        var graph = GraphGenerator.Generate(Nodes, Seed);
        var nameKeys = BulkRows.NameKeys(graph);
        var samples = Samples.Draw(graph, Queries, Seed);
        var store = kind == StoreKind.Sqlite
            ? await BenchStore.CreateSqliteAsync(work.Path, ct)
            : await BenchStore.CreatePostgresAsync(TestDatabases.ServerConnectionString(), "at_" + Guid.NewGuid().ToString("N"), ct);

        var load = kind == StoreKind.Sqlite
            ? SqliteBulkLoader.Load(store.SqliteFile!, graph, nameKeys)
            : await PostgresBulkLoader.LoadAsync(store.PostgresConnectionString!, graph, nameKeys, ct);
        Assert.Equal(graph.Nodes.Count + graph.Edges.Count + nameKeys.Count, load.TotalRows);

        await using var database = store.Open();
        var (snapshot, _, _) = await SnapshotLoad.RunAsync(database, ct);
        Assert.Equal(graph.Nodes.Count, snapshot.NodeCount);
        Assert.Equal(graph.Edges.Count, snapshot.EdgeCount);

        var owners = await OwnershipComparison.RunAsync(database, snapshot, samples.OwnershipTargets, ct);
        Assert.True(owners.Compared > Queries / 2, $"only {owners.Compared} of {Queries} targets were acyclic and compared.");
        Assert.True(owners.OwnersCompared > Queries / 4, $"the CTE found only {owners.OwnersCompared} owners: the comparison says little.");
        Assert.True(owners.Disagreements.Count == 0, string.Join("\n", owners.Disagreements.Take(20)));

        var igraph = await IgraphBaseline.RunAsync(graph, samples.PathPairs, work["igraph"], ct);
        Assert.All(igraph.Hops, hops => Assert.InRange(hops, 1, Samples.MaxHops));
        var paths = PathComparison.Run(snapshot, samples.PathPairs, igraph);
        Assert.True(paths.Disagreements.Count == 0, string.Join("\n", paths.Disagreements.Take(20)));
    }
}

public sealed class SqliteSmallBenchmarkRunTests() : SmallBenchmarkRunContract(StoreKind.Sqlite);

public sealed class PostgresSmallBenchmarkRunTests() : SmallBenchmarkRunContract(StoreKind.Postgres);
