using AssetTrace.Analytics.Wealth;
using AssetTrace.Graph.Model;

namespace AssetTrace.UnitTests.Analytics;

public sealed class WealthTests
{
    private static readonly RateTable Rates = new([
        new ExchangeRate("USD", new DateOnly(2000, 1, 1), 1m, "identity"),
        new ExchangeRate("GBP", new DateOnly(2024, 12, 31), 1.25m, "test"),
        new ExchangeRate("GBP", new DateOnly(2025, 12, 31), 1.35m, "test"),
    ]);

    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void Values_times_effective_shares_are_converted_at_the_rate_of_the_valuation_date()
    {
        // 60% of a flat worth GBP 4,000,000 on 2025-06-30 (rate 1.25 of 2024-12-31): USD 3,000,000.
        var b = new SnapshotBuilder().Person("P").Company("A")
            .Asset(NodeKind.RealEstate, "Flat", 4_000_000, "GBP", new DateOnly(2025, 6, 30))
            .Owns("P", "A", 60).Owns("A", "Flat", 100);

        var wealth = WealthEstimator.Estimate(b.Graph, "P", Rates, 100_000_000, null, Today);

        var flat = Assert.Single(wealth.Own.Items);
        Assert.Equal(1.25m, flat.UsdPerUnit);
        Assert.Equal(3_000_000m, flat.LowUsd);
        Assert.Equal(3_000_000m, wealth.Own.HighUsd);
        Assert.False(wealth.CrossesThreshold);
    }

    [Fact]
    public void Relatives_count_towards_the_roster_threshold_and_unvalued_assets_are_listed()
    {
        var b = new SnapshotBuilder().Person("P", "Wife").Company("A")
            .Asset(NodeKind.Vessel, "Yacht", 60_000_000, "USD")
            .Asset(NodeKind.BankAccount, "Account", 50_000_000, "USD")
            .Asset(NodeKind.Aircraft, "Jet")
            .Edge(EdgeKind.FamilyOf, "Wife", "P", e => e.Role = "spouse")
            .Owns("P", "A", 100).Owns("A", "Yacht", 100).Owns("A", "Jet", 100)
            .Edge(EdgeKind.HoldsAccount, "Wife", "Account", e => e.Role = "holder");

        var wealth = WealthEstimator.Estimate(b.Graph, "P", Rates, 100_000_000, null, Today);

        Assert.Equal(60_000_000m, wealth.Own.LowUsd);
        Assert.Equal(110_000_000m, wealth.WithConnected.LowUsd);
        Assert.True(wealth.CertainlyCrossesThreshold);
        Assert.Equal(["Wife"], wealth.ConnectedPersonIds);
        Assert.Equal("no valuation recorded", wealth.Own.Items.Single(i => i.NodeId == "Jet").Problem);
    }

    [Fact]
    public void A_currency_without_rates_is_reported_not_guessed()
    {
        var b = new SnapshotBuilder().Person("P").Asset(NodeKind.RealEstate, "Dacha", 10_000_000, "RUB").Owns("P", "Dacha", 100);

        var item = Assert.Single(WealthEstimator.Estimate(b.Graph, "P", Rates, 100_000_000, null, Today).Own.Items);

        Assert.Equal("no exchange rate for RUB", item.Problem);
        Assert.Equal(0m, item.HighUsd);
    }
}
