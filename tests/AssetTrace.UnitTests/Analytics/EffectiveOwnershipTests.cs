using AssetTrace.Analytics.Ownership;

namespace AssetTrace.UnitTests.Analytics;

/// <summary>Effective ownership on small graphs whose answers are worked out by hand in each test.</summary>
public sealed class EffectiveOwnershipTests
{
    private static Dictionary<string, FlowShare> OwnersOf(SnapshotBuilder b, string target, DateOnly? asOf = null) =>
        ShareFlow.Compute(b.Graph.Find(target)!, FlowDirection.Upstream, asOf).Shares.ToDictionary(s => s.Key.Id, s => s.Value);

    [Fact]
    public void A_chain_multiplies_its_shares()
    {
        // P 60% → A 50% → B 100% → T: 0.6 × 0.5 × 1 = 30%.
        var b = new SnapshotBuilder().Person("P").Company("A", "B", "T").Owns("P", "A", 60).Owns("A", "B", 50).Owns("B", "T", 100);

        var owners = OwnersOf(b, "T");

        Assert.Equal(0.30, owners["P"].Low, 12);
        Assert.Equal(0.50, owners["A"].Low, 12);
        Assert.Equal(1.00, owners["B"].Low, 12);
    }

    [Fact]
    public void A_diamond_sums_its_chains()
    {
        // P holds 50% of A and 50% of B; A holds 40% and B 60% of T: 0.5×0.4 + 0.5×0.6 = 50%.
        var b = new SnapshotBuilder().Person("P").Company("A", "B", "T")
            .Owns("P", "A", 50).Owns("P", "B", 50).Owns("A", "T", 40).Owns("B", "T", 60);

        Assert.Equal(0.50, OwnersOf(b, "T")["P"].High, 12);
    }

    [Fact]
    public void A_cross_holding_is_solved_and_ultimate_owners_add_up_to_the_whole()
    {
        // A and B hold 50% of T each and 20% of each other; P1 holds 80% of A, P2 80% of B.
        // e(A) = 0.5 + 0.2·e(B), e(B) = 0.5 + 0.2·e(A)  ⇒  e(A) = e(B) = 0.625; P1 = P2 = 0.8 × 0.625 = 0.5.
        var b = new SnapshotBuilder().Person("P1", "P2").Company("A", "B", "T")
            .Owns("A", "T", 50).Owns("B", "T", 50).Owns("A", "B", 20).Owns("B", "A", 20).Owns("P1", "A", 80).Owns("P2", "B", 80);

        var flow = ShareFlow.Compute(b.Graph.Find("T")!, FlowDirection.Upstream, null);

        Assert.True(flow.Converged);
        Assert.Single(flow.Cycles);
        Assert.Equal(0.5, flow.Shares[b.Graph.Find("P1")!].Low, 10);
        Assert.Equal(0.5, flow.Shares[b.Graph.Find("P2")!].Low, 10);
        Assert.True(flow.InCycle(b.Graph.Find("A")!));
    }

    [Fact]
    public void Ranges_are_carried_as_bounds()
    {
        // P holds 20–30% of A, A holds 50% of T: 10% to 15%.
        var b = new SnapshotBuilder().Person("P").Company("A", "T").Range("P", "A", 20, 30).Owns("A", "T", 50);

        var p = OwnersOf(b, "T")["P"];

        Assert.Equal(0.10, p.Low, 12);
        Assert.Equal(0.15, p.High, 12);
        Assert.False(p.UnknownInChain);
    }

    [Fact]
    public void Unknown_shares_add_nothing_and_are_flagged()
    {
        var b = new SnapshotBuilder().Person("P", "Q").Company("A", "T").Owns("P", "A", null).Owns("Q", "A", 50).Owns("A", "T", 100);

        var owners = OwnersOf(b, "T");

        Assert.Equal(0, owners["P"].High);
        Assert.True(owners["P"].UnknownInChain);
        Assert.Equal(0.5, owners["Q"].Low, 12);
        Assert.False(owners["Q"].UnknownInChain);
    }

    [Fact]
    public void Expired_edges_count_only_while_they_were_valid()
    {
        var b = new SnapshotBuilder().Person("Old", "New").Company("T")
            .Owns("Old", "T", 40, new DateOnly(2011, 8, 3), new DateOnly(2016, 7, 14))
            .Owns("New", "T", 40, new DateOnly(2016, 7, 15));

        Assert.Equal(["Old"], OwnersOf(b, "T", new DateOnly(2015, 1, 1)).Keys);
        Assert.Equal(["New"], OwnersOf(b, "T", new DateOnly(2020, 1, 1)).Keys);
        Assert.Equal(2, OwnersOf(b, "T").Count);
    }

    [Fact]
    public void Holdings_flow_down_the_same_chains()
    {
        var b = new SnapshotBuilder().Person("P").Company("A", "B").Asset(AssetTrace.Graph.Model.NodeKind.RealEstate, "Flat")
            .Owns("P", "A", 60).Owns("A", "B", 100).Owns("B", "Flat", 100);

        var holdings = ShareFlow.Compute(b.Graph.Find("P")!, FlowDirection.Downstream, null).Shares.ToDictionary(s => s.Key.Id, s => s.Value.Low);

        Assert.Equal(0.6, holdings["Flat"], 12);
        Assert.Equal(0.6, holdings["B"], 12);
    }

    [Fact]
    public void A_chain_of_many_links_is_followed_to_the_end()
    {
        var b = new SnapshotBuilder().Person("P");
        var previous = "P";
        for (var i = 0; i < 12; i++)
        {
            b.Company($"C{i}").Owns(previous, $"C{i}", 90);
            previous = $"C{i}";
        }

        Assert.Equal(Math.Pow(0.9, 12), OwnersOf(b, "C11")["P"].Low, 12);
    }
}
