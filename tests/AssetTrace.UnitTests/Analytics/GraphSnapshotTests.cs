using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;

namespace AssetTrace.UnitTests.Analytics;

/// <summary>The snapshot's adjacency follows edges as they are deleted, restored and change kind.</summary>
public sealed class GraphSnapshotTests
{
    private static double ShareOf(GraphSnapshot graph, string owner, string target) =>
        ShareFlow.Compute(graph.Find(target)!, FlowDirection.Upstream, null).Shares.GetValueOrDefault(graph.Find(owner)!).Low;

    private static void Set(GraphSnapshot graph, EdgeKind kind, bool deleted) =>
        graph.UpsertEdge("e1", "P", "C", e =>
        {
            e.Kind = kind;
            e.ShareLow = e.ShareHigh = 0.6;
            e.Deleted = deleted;
        });

    [Fact]
    public void A_deleted_edge_leaves_the_flow_and_a_restored_one_returns()
    {
        var graph = new SnapshotBuilder().Person("P").Company("C").Graph;
        Set(graph, EdgeKind.Owns, deleted: false);
        Assert.Equal(0.6, ShareOf(graph, "P", "C"), 12);

        Set(graph, EdgeKind.Owns, deleted: true);
        Assert.Empty(graph.Find("C")!.OwnsIn);
        Assert.False(graph.Find("P")!.HasOut(EdgeKind.Owns));
        Assert.Equal(0, ShareOf(graph, "P", "C"));

        Set(graph, EdgeKind.Owns, deleted: false);
        Assert.Single(graph.Find("C")!.In);
        Assert.Equal(0.6, ShareOf(graph, "P", "C"), 12);
    }

    [Fact]
    public void An_edge_that_changes_kind_moves_between_the_ownership_lists_and_the_kind_masks()
    {
        var graph = new SnapshotBuilder().Person("P").Company("C").Graph;
        Set(graph, EdgeKind.Owns, deleted: false);
        Set(graph, EdgeKind.Controls, deleted: false);

        var company = graph.Find("C")!;
        Assert.Empty(company.OwnsIn);
        Assert.Single(company.In);
        Assert.True(company.HasIn(EdgeKind.Controls));
        Assert.False(company.HasIn(EdgeKind.Owns));
        Assert.Single(GraphSnapshot.Incoming(company, EdgeKind.Controls, null));
        Assert.Equal(0, ShareOf(graph, "P", "C"));
    }

    [Fact]
    public void Updating_an_edge_keeps_its_place_among_the_others()
    {
        var graph = new SnapshotBuilder().Person("P", "Q").Company("C").Owns("Q", "C", 10).Graph;
        Set(graph, EdgeKind.Owns, deleted: false);
        graph.UpsertEdge(graph.Find("C")!.OwnsIn[0].Id, "Q", "C", e => e.ShareLow = e.ShareHigh = 0.2);

        Assert.Equal(["Q", "P"], graph.Find("C")!.OwnsIn.Select(e => e.Source.Id));
        Assert.Equal(0.2, ShareOf(graph, "Q", "C"), 12);
    }
}
