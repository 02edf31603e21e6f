using AssetTrace.Graph.Model;

namespace AssetTrace.Benchmarks.Generation;

/// <summary>A node as the generator makes it; its id is <see cref="GeneratedGraph.NodeId"/> of its index.</summary>
public readonly record struct GeneratedNode(NodeKind Kind, string Name, string? AlternateName, string? Country, decimal? Value);

/// <summary>
/// An edge as the generator makes it. Shares are percent; both null when unknown, and different
/// when only a range is known. <see cref="Detail"/> is the relationship, role or currency the kind needs.
/// </summary>
public readonly record struct GeneratedEdge(
    EdgeKind Kind, int Source, int Target, decimal? ShareLow, decimal? ShareHigh,
    DateOnly? ValidFrom, DateOnly? ValidTo, string? Detail = null, decimal? Amount = null, DateOnly? Date = null, bool Nominee = false);

/// <summary>The generated graph: nodes by index, edges by index, and what the samplers need to know about them.</summary>
public sealed class GeneratedGraph(int seed, List<GeneratedNode> nodes, List<GeneratedEdge> edges)
{
    public int Seed { get; } = seed;

    public IReadOnlyList<GeneratedNode> Nodes { get; } = nodes;

    public IReadOnlyList<GeneratedEdge> Edges { get; } = edges;

    // Fixed width, so that ids sort as their indexes do and load in index order.
    public static string NodeId(int index) => $"n{index:D8}";

    public static string EdgeId(int index) => $"e{index:D9}";

    public int CountNodes(Func<GeneratedNode, bool> predicate) => Nodes.Count(predicate);

    public Dictionary<EdgeKind, int> EdgeCounts() =>
        Edges.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());

    public Dictionary<NodeKind, int> NodeCounts() =>
        Nodes.GroupBy(n => n.Kind).ToDictionary(g => g.Key, g => g.Count());
}
