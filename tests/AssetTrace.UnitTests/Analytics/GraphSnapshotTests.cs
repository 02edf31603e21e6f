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
        Assert.Empty(graph.Find("C")!.OwnsIn.ToArray());
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
        Assert.Empty(company.OwnsIn.ToArray());
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

        Assert.Equal(["Q", "P"], graph.Find("C")!.OwnsIn.ToArray().Select(e => e.Source.Id));
        Assert.Equal(0.2, ShareOf(graph, "Q", "C"), 12);
    }

    [Fact]
    public void A_board_seat_gives_control_only_while_its_director_acts_as_someones_nominee()
    {
        // The seat is added first and the nominee link after, as an import may bring them.
        var graph = new SnapshotBuilder().Person("D", "P").Company("C").Edge(EdgeKind.DirectorOf, "D", "C").Graph;
        var company = graph.Find("C")!;
        Assert.Empty(company.ControlIn.ToArray());

        graph.UpsertEdge("n1", "D", "P", e => e.Kind = EdgeKind.NomineeFor);
        Assert.Equal(["D"], company.ControlIn.ToArray().Select(e => e.Source.Id));
        Assert.Equal(["C"], graph.Find("D")!.ControlOut.ToArray().Select(e => e.Target.Id));
        Assert.Equal(["P"], BeneficialOwnerFinder.Find(graph, "C", 25, null, 0).Select(o => o.PersonId));

        graph.UpsertEdge("n1", "D", "P", e => e.Deleted = true);
        Assert.Empty(company.ControlIn.ToArray());
        Assert.Empty(graph.Find("D")!.ControlOut.ToArray());
        Assert.Empty(BeneficialOwnerFinder.Find(graph, "C", 25, null, 0));
    }

    [Fact]
    public void A_control_edge_is_listed_whoever_holds_it_and_leaves_with_it()
    {
        var graph = new SnapshotBuilder().Person("D").Company("H", "C")
            .Edge(EdgeKind.Controls, "H", "C").Edge(EdgeKind.DirectorOf, "H", "C").Graph;
        var company = graph.Find("C")!;
        // A company on the board gives no control through the seat; its CONTROLS edge does.
        Assert.Equal([EdgeKind.Controls], company.ControlIn.ToArray().Select(e => e.Kind));

        graph.Upsert("H", n => n.Deleted = true);
        Assert.Empty(company.ControlIn.ToArray());
    }

    [Fact]
    public void A_walk_sees_a_change_to_the_dates_of_an_owner_or_of_its_link_made_after_they_were_linked()
    {
        var graph = new SnapshotBuilder().Person("P").Company("C").Owns("P", "C", 60).Graph;
        var after = new DateOnly(2021, 1, 1);
        double ShareOn(DateOnly day) =>
            ShareFlow.Compute(graph.Find("C")!, FlowDirection.Upstream, day).Shares.GetValueOrDefault(graph.Find("P")!).Low;
        Assert.Equal(0.6, ShareOn(after), 12);

        graph.Upsert("P", n => n.ValidTo = new DateOnly(2020, 12, 31));
        Assert.Equal(0, ShareOn(after));
        Assert.Equal(0.6, ShareOn(new DateOnly(2020, 6, 1)), 12);

        graph.Upsert("P", n => n.ValidTo = null);
        graph.UpsertEdge(graph.Find("C")!.OwnsIn[0].Id, "P", "C", e => e.ValidFrom = new DateOnly(2022, 1, 1));
        Assert.Equal(0, ShareOn(after));
        Assert.Equal(0.6, ShareOn(new DateOnly(2022, 1, 1)), 12);
    }
}
