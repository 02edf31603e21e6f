using AssetTrace.Benchmarks.Generation;
using AssetTrace.Graph.Model;

namespace AssetTrace.IntegrationTests.Benchmarks;

/// <summary>The benchmark's generator: the same graph for the same seed, in the proportions issue #3 asks for.</summary>
public sealed class GraphGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_graph()
    {
        var first = GraphGenerator.Generate(5_000, 7);
        var second = GraphGenerator.Generate(5_000, 7);
        Assert.Equal(first.Nodes, second.Nodes);
        Assert.Equal(first.Edges, second.Edges);
    }

    [Fact]
    public void At_least_two_and_a_half_edges_per_node_and_owners_within_100_percent()
    {
        var graph = GraphGenerator.Generate(5_000, 11);
        Assert.True(graph.Edges.Count >= 2.5 * graph.Nodes.Count, $"{graph.Edges.Count} edges for {graph.Nodes.Count} nodes.");
        var onDate = new DateOnly(2026, 1, 1);
        var declared = graph.Edges
            .Where(e => e.Kind == EdgeKind.Owns && (e.ValidTo is null || e.ValidTo >= onDate))
            .GroupBy(e => e.Target)
            .Select(g => (Target: g.Key, Total: g.Sum(e => e.ShareHigh ?? 0)));
        Assert.All(declared, d => Assert.True(d.Total <= 100, $"{GeneratedGraph.NodeId(d.Target)} declares {d.Total}% of owners."));
    }
}
