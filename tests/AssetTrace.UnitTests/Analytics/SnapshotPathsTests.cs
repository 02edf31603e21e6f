using AssetTrace.Analytics.Engine;
using AssetTrace.Graph.Model;

namespace AssetTrace.UnitTests.Analytics;

public sealed class SnapshotPathsTests
{
    private static SnapshotBuilder Ladder()
    {
        // S → A → T and S → B → T (two shortest paths of 2), and S → C → D → E → T (longer).
        return new SnapshotBuilder().Person("S").Company("A", "B", "C", "D", "E", "T")
            .Owns("S", "A", 10).Owns("A", "T", 10).Owns("S", "B", 10).Owns("B", "T", 10)
            .Owns("S", "C", 10).Owns("C", "D", 10).Owns("D", "E", 10).Owns("E", "T", 10);
    }

    [Fact]
    public void All_shortest_paths_are_found_and_no_longer_one()
    {
        var paths = SnapshotPaths.Shortest(Ladder().Graph, "S", "T", 6, null, Direction.Both, null, 10);

        Assert.Equal([["S", "A", "T"], ["S", "B", "T"]], paths.Select(p => p.NodeIds.ToArray()).OrderBy(p => p[1]));
        Assert.All(paths, p => Assert.Equal(2, p.EdgeIds.Count));
    }

    [Fact]
    public void Direction_kinds_and_hop_limits_are_respected()
    {
        var graph = Ladder().Graph;

        Assert.Empty(SnapshotPaths.Shortest(graph, "T", "S", 6, null, Direction.Outgoing, null, 10));
        Assert.Equal(2, SnapshotPaths.Shortest(graph, "T", "S", 6, null, Direction.Incoming, null, 10).Count);
        Assert.Empty(SnapshotPaths.Shortest(graph, "S", "T", 1, null, Direction.Both, null, 10));
        Assert.Empty(SnapshotPaths.Shortest(graph, "S", "T", 6, [EdgeKind.FamilyOf], Direction.Both, null, 10));
        Assert.Single(SnapshotPaths.Shortest(graph, "S", "T", 6, null, Direction.Both, null, 1));
    }

    [Fact]
    public void A_path_that_only_exists_through_an_expired_link_is_not_found_as_of_a_later_date()
    {
        var b = new SnapshotBuilder().Person("S").Company("T").Owns("S", "T", 50, to: new DateOnly(2016, 1, 1));

        Assert.Single(SnapshotPaths.Shortest(b.Graph, "S", "T", 3, null, Direction.Both, new DateOnly(2015, 1, 1), 5));
        Assert.Empty(SnapshotPaths.Shortest(b.Graph, "S", "T", 3, null, Direction.Both, new DateOnly(2020, 1, 1), 5));
    }
}
