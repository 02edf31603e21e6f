using AssetTrace.Benchmarks.Baselines;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Benchmarks.Server;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks.Reporting;

/// <summary>Everything measured on one store.</summary>
public sealed record StoreResults(
    StoreKind Store,
    string Version,
    LoadResult Load,
    TimeSpan SnapshotLoad,
    long SnapshotManagedBytes,
    OwnershipComparisonResult Owners,
    Latencies Holdings,
    PathComparisonResult Paths,
    SearchResult Search,
    int SearchPlanned,
    GraphQLLoadResult? GraphQL,
    GraphQLLoadResult? GraphQLWithoutSearch,
    string? GraphQLError)
{
    public int Disagreements => Owners.Disagreements.Count + Paths.Disagreements.Count;
}

/// <summary>One run: what was generated, the igraph baseline, and each store's figures.</summary>
public sealed record RunResults(
    string Command,
    DateTimeOffset Started,
    TimeSpan Elapsed,
    MachineInfo Machine,
    int Seed,
    IReadOnlyDictionary<NodeKind, int> Nodes,
    IReadOnlyDictionary<EdgeKind, int> Edges,
    int NameKeys,
    IgraphResult Igraph,
    IReadOnlyList<StoreResults> Stores,
    BenchOptions Options);
