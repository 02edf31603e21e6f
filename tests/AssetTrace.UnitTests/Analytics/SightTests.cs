using AssetTrace.Accounts;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;
using AssetTrace.Visibility;

namespace AssetTrace.UnitTests.Analytics;

/// <summary>
/// The engine computes over what the viewer may see (#11): a restricted node or edge behaves as one
/// not valid on the date, for every walk, also after its restriction changes in the snapshot.
/// </summary>
public sealed class SightTests
{
    private static readonly Viewer Outsider = Viewer.User("outsider", [Role.Analyst], []);
    private static readonly Viewer Insider = Viewer.User("insider", [Role.Analyst], ["case-1"]);

    /// <summary>H is held 60% by P (open) and 40% by S (restricted to case-1 when <paramref name="restricted"/>); H owns T.</summary>
    private static SnapshotBuilder Graph(bool restricted)
    {
        var b = new SnapshotBuilder().Person("P", "S").Company("H", "T")
            .Owns("P", "H", 60).Owns("S", "H", 40).Owns("H", "T", 100);
        if (restricted)
        {
            Restrict(b.Graph, "S", "case-1");
        }
        return b;
    }

    private static void Restrict(GraphSnapshot graph, string id, string? caseId) =>
        graph.Upsert(id, n => n.Restriction = graph.NumberCase(caseId));

    private static T As<T>(Viewer viewer, GraphSnapshot graph, Func<T> calculate) => Sight.Within(viewer, graph, calculate);

    [Fact]
    public void A_restricted_owner_is_counted_for_the_case_team_and_not_for_anyone_else()
    {
        var graph = Graph(restricted: true).Graph;

        var forInsider = As(Insider, graph, () => BeneficialOwnerFinder.Find(graph, "T", 10, null, 5));
        var forOutsider = As(Outsider, graph, () => BeneficialOwnerFinder.Find(graph, "T", 10, null, 5));

        Assert.Equal(["P", "S"], forInsider.Select(o => o.PersonId).Order());
        Assert.Equal(["P"], forOutsider.Select(o => o.PersonId));
        Assert.Null(As(Outsider, graph, () => graph.Find("S")));
        Assert.NotNull(As(Insider, graph, () => graph.Find("S")));
    }

    [Fact]
    public void Outside_any_sight_restricted_facts_are_hidden()
    {
        var graph = Graph(restricted: true).Graph;
        Assert.Null(Sight.Current);

        Assert.Equal(["P"], BeneficialOwnerFinder.Find(graph, "T", 10, null, 0).Select(o => o.PersonId));
        Assert.Null(graph.Find("S"));
    }

    [Fact]
    public void A_restriction_set_or_lifted_after_the_links_were_made_takes_effect_at_once()
    {
        var graph = Graph(restricted: false).Graph;
        Assert.Equal(2, As(Outsider, graph, () => BeneficialOwnerFinder.Find(graph, "T", 10, null, 0)).Count);

        Restrict(graph, "S", "case-1");
        Assert.Single(As(Outsider, graph, () => BeneficialOwnerFinder.Find(graph, "T", 10, null, 0)));
        // No path starts at, or runs through, a node the viewer may not see: here S-H-P is the only way from S to P.
        Assert.Throws<AssetTrace.Common.UserInputException>(() => As(Outsider, graph, () => SnapshotPaths.Shortest(graph, "S", "P", 4, null, Direction.Both, null, 10)));
        Assert.Single(As(Insider, graph, () => SnapshotPaths.Shortest(graph, "S", "P", 4, null, Direction.Both, null, 10)));

        Restrict(graph, "S", null);
        Assert.Equal(2, As(Outsider, graph, () => BeneficialOwnerFinder.Find(graph, "T", 10, null, 0)).Count);
    }

    [Fact]
    public void A_restricted_edge_between_open_nodes_is_hidden_and_its_ends_stay()
    {
        var b = Graph(restricted: false);
        var edge = b.Graph.Nodes.Single(n => n.Id == "S").Out.Single();
        b.Graph.UpsertEdge(edge.Id, "S", "H", e => e.Restriction = b.Graph.NumberCase("case-1"));

        Assert.Equal(["P"], As(Outsider, b.Graph, () => BeneficialOwnerFinder.Find(b.Graph, "T", 10, null, 0)).Select(o => o.PersonId));
        Assert.NotNull(As(Outsider, b.Graph, () => b.Graph.Find("S")));
        Assert.Equal(2, As(Insider, b.Graph, () => BeneficialOwnerFinder.Find(b.Graph, "T", 10, null, 0)).Count);
    }
}
