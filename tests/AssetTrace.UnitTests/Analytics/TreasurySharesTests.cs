using AssetTrace.Accounts;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;
using AssetTrace.Visibility;

namespace AssetTrace.UnitTests.Analytics;

/// <summary>
/// A company holding some of its own shares (an OWNS edge to itself, #12): the other owners' shares count as shares
/// of those it does not hold itself, share / (1 − self share). Each answer is worked out by hand in its test.
/// </summary>
public sealed class TreasurySharesTests
{
    private static FlowResult Upstream(SnapshotBuilder b, string target, DateOnly? asOf = null) =>
        ShareFlow.Compute(b.Graph.Find(target)!, FlowDirection.Upstream, asOf);

    private static double LowOf(FlowResult flow, SnapshotBuilder b, string id) => flow.Shares[b.Graph.Find(id)!].Low;

    [Fact]
    public void An_owner_of_49_percent_of_a_company_holding_2_percent_of_itself_owns_half_of_it()
    {
        // A 49% → X, X 2% → X: 0.49 / (1 − 0.02) = 0.49 / 0.98 = 0.5.
        var b = new SnapshotBuilder().Person("A").Company("X").Owns("A", "X", 49).Owns("X", "X", 2);

        var flow = Upstream(b, "X");

        Assert.Equal(0.5, LowOf(flow, b, "A"), 12);
        Assert.Equal(0.5, flow.Shares[b.Graph.Find("A")!].High, 12);
        // The self-edge is no cycle and no owner of its own.
        Assert.Empty(flow.Cycles);
        Assert.True(flow.Converged);
        Assert.False(flow.Shares.ContainsKey(b.Graph.Find("X")!));
    }

    [Fact]
    public void The_division_carries_through_a_chain_and_applies_to_each_company_that_holds_its_own_shares()
    {
        // A 49% → X (X holds 2% of itself), X 50% → Y (Y holds 4% of itself):
        // X's share of Y = 0.5 / 0.96 = 0.520833…; A's = 0.49 / 0.98 × 0.5 / 0.96 = 0.5 × 0.520833… = 0.260416….
        var b = new SnapshotBuilder().Person("A").Company("X", "Y")
            .Owns("A", "X", 49).Owns("X", "X", 2).Owns("X", "Y", 50).Owns("Y", "Y", 4);

        var flow = Upstream(b, "Y");

        Assert.Equal(0.5 / 0.96, LowOf(flow, b, "X"), 12);
        Assert.Equal(0.5 * (0.5 / 0.96), LowOf(flow, b, "A"), 12);
    }

    [Fact]
    public void A_chain_through_a_company_holding_its_own_shares_is_figured_the_same_way()
    {
        // A 49% → X (2% of itself), X 50% → Y: A's share of Y = 0.49 / 0.98 × 0.5 = 0.25.
        var b = new SnapshotBuilder().Person("A").Company("X", "Y").Owns("A", "X", 49).Owns("X", "X", 2).Owns("X", "Y", 50);

        var flow = Upstream(b, "Y");
        var path = OwnershipPath.Between(flow, b.Graph.Find("A")!, 5).Single();

        Assert.Equal(0.25, LowOf(flow, b, "A"), 12);
        Assert.Equal(25, path.LowPercent!.Value, 9);
    }

    [Fact]
    public void Holdings_downstream_see_the_same_share()
    {
        // What A holds: 0.49 / 0.98 = 50% of X, and through X's 50% of Y, 25% of Y.
        var b = new SnapshotBuilder().Person("A").Company("X", "Y").Owns("A", "X", 49).Owns("X", "X", 2).Owns("X", "Y", 50);

        var flow = ShareFlow.Compute(b.Graph.Find("A")!, FlowDirection.Downstream, null);

        Assert.Equal(0.5, LowOf(flow, b, "X"), 12);
        Assert.Equal(0.25, LowOf(flow, b, "Y"), 12);
    }

    [Fact]
    public void A_range_of_self_shares_divides_the_low_figure_by_its_low_bound_and_the_high_figure_by_its_high_bound()
    {
        // Self 1–3%: low 0.49 / 0.99, high 0.49 / 0.97.
        var b = new SnapshotBuilder().Person("A").Company("X").Owns("A", "X", 49).Range("X", "X", 1, 3);

        var a = Upstream(b, "X").Shares[b.Graph.Find("A")!];

        Assert.Equal(0.49 / 0.99, a.Low, 12);
        Assert.Equal(0.49 / 0.97, a.High, 12);
    }

    [Fact]
    public void A_self_holding_counts_only_on_the_days_it_is_valid()
    {
        var b = new SnapshotBuilder().Person("A").Company("X")
            .Owns("A", "X", 49).Owns("X", "X", 2, from: new DateOnly(2020, 1, 1), to: new DateOnly(2020, 12, 31));

        Assert.Equal(0.5, LowOf(Upstream(b, "X", new DateOnly(2020, 6, 1)), b, "A"), 12);
        Assert.Equal(0.49, LowOf(Upstream(b, "X", new DateOnly(2021, 6, 1)), b, "A"), 12);
    }

    [Fact]
    public void A_deleted_self_holding_no_longer_counts()
    {
        var b = new SnapshotBuilder().Person("A").Company("X").Owns("A", "X", 49).Owns("X", "X", 2);
        var self = b.Graph.Find("X")!.Out.Single(e => e.Target.Id == "X");

        b.Graph.UpsertEdge(self.Id, "X", "X", e => e.Deleted = true);

        Assert.Equal(0.49, LowOf(Upstream(b, "X"), b, "A"), 12);
        Assert.Empty(b.Graph.Find("X")!.Out);
    }

    [Fact]
    public void The_owners_of_a_company_with_treasury_shares_add_up_to_the_whole()
    {
        // 49% + 49% + 2% held by X itself: the two owners are 50% each, together 100%.
        var b = new SnapshotBuilder().Person("A", "B").Company("X").Owns("A", "X", 49).Owns("B", "X", 49).Owns("X", "X", 2);

        var flow = Upstream(b, "X");

        Assert.Equal(1.0, LowOf(flow, b, "A") + LowOf(flow, b, "B"), 12);
    }

    [Fact]
    public void A_beneficial_owner_threshold_is_reached_only_through_the_division()
    {
        // Without the self share, A's 49% misses a 49.5% threshold; with X's 2% of itself, it is 50%.
        var b = new SnapshotBuilder().Person("A").Company("X").Owns("A", "X", 49).Owns("X", "X", 2);
        var owners = BeneficialOwnerFinder.Find(b.Graph, "X", 49.5, null, 5);

        var a = Assert.Single(owners);
        Assert.Equal(("A", 50.0), (a.PersonId, Math.Round(a.LowPercent, 9)));
        Assert.True(a.CertainByOwnership);
        Assert.Equal(EdgeKind.Owns, b.Graph.Find("X")!.Out.Single().Kind);
    }

    [Fact]
    public void Self_holdings_that_add_up_to_the_whole_company_give_no_share_above_100_percent_and_no_division_by_zero()
    {
        // Each self-edge is refused at 100 %, but two of 60 % could still be written: the figures stop at the whole.
        var b = new SnapshotBuilder().Person("A").Company("X").Owns("A", "X", 10).Owns("X", "X", 60).Owns("X", "X", 60);

        var a = Upstream(b, "X").Shares[b.Graph.Find("A")!];

        Assert.Equal((1.0, 1.0), (a.Low, a.High));
    }

    [Fact]
    public void A_self_holding_restricted_to_a_case_changes_the_figures_only_for_those_who_may_see_it()
    {
        // The same as a hidden fact anywhere (#11): an outsider's figure must not reveal that a restricted self-holding exists.
        var b = new SnapshotBuilder().Person("A").Company("X").Owns("A", "X", 49).Owns("X", "X", 2);
        var self = b.Graph.Find("X")!.Out.Single(e => e.Target.Id == "X");
        b.Graph.UpsertEdge(self.Id, "X", "X", e => e.Restriction = b.Graph.NumberCase("case-1"));

        var insider = As(Viewer.User("insider", [Role.Analyst], ["case-1"]), b.Graph, () => LowOf(Upstream(b, "X"), b, "A"));
        var outsider = As(Viewer.User("outsider", [Role.Analyst], []), b.Graph, () => LowOf(Upstream(b, "X"), b, "A"));

        Assert.Equal(0.5, insider, 12);
        Assert.Equal(0.49, outsider, 12);
    }

    private static T As<T>(Viewer viewer, GraphSnapshot graph, Func<T> calculate) => Sight.Within(viewer, graph, calculate);
}
