using AssetTrace.Analytics.Engine;
using AssetTrace.Graph.Model;

namespace AssetTrace.UnitTests.Analytics;

/// <summary>
/// The snapshot keeps dates as day numbers, shares as NaN-for-unknown doubles and rare fields in objects of their own
/// (#18); what is set must read back the same, the first day of the calendar and a share of 0 included.
/// </summary>
public sealed class CompactFieldsTests
{
    public static TheoryData<DateOnly?> Dates => [null, DateOnly.MinValue, new DateOnly(2020, 2, 29), DateOnly.MaxValue];

    [Theory]
    [MemberData(nameof(Dates))]
    public void A_date_reads_back_as_set(DateOnly? date)
    {
        var (node, edge) = NodeAndEdge();
        (node.ValidFrom, node.ValidTo, node.ValueDate) = (date, date, date);
        (edge.ValidFrom, edge.ValidTo, edge.Date) = (date, date, date);

        Assert.Equal([date, date, date, date, date, date], [node.ValidFrom, node.ValidTo, node.ValueDate, edge.ValidFrom, edge.ValidTo, edge.Date]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(1.0)]
    public void A_share_reads_back_as_set(double? share)
    {
        var (_, edge) = NodeAndEdge();
        (edge.ShareLow, edge.ShareHigh, edge.VotingShare) = (share, share, share);

        Assert.Equal([share, share, share], [edge.ShareLow, edge.ShareHigh, edge.VotingShare]);
    }

    [Fact]
    public void The_rare_fields_of_an_edge_are_kept_apart_and_cleared_one_by_one()
    {
        var (_, edge) = NodeAndEdge();
        edge.Role = null;
        Assert.Null(edge.Role);

        (edge.Amount, edge.Currency, edge.Role) = (12.5m, "USD", "spouse");
        edge.Role = null;

        Assert.Equal((12.5m, "USD", (string?)null, (double?)null), (edge.Amount, edge.Currency, edge.Role, edge.VotingShare));
    }

    [Fact]
    public void An_asset_value_keeps_its_parts_and_a_date_check_uses_the_days()
    {
        var (node, _) = NodeAndEdge();
        (node.Value, node.ValueCurrency) = (1_000_000m, "EUR");
        (node.ValidFrom, node.ValidTo) = (new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31));

        Assert.Equal((1_000_000m, "EUR", (DateOnly?)null), (node.Value, node.ValueCurrency, node.ValueDate));
        Assert.Equal([false, true, true, false, true],
            [node.IsValidOn(new DateOnly(2019, 12, 31)), node.IsValidOn(new DateOnly(2020, 1, 1)), node.IsValidOn(new DateOnly(2020, 12, 31)),
             node.IsValidOn(new DateOnly(2021, 1, 1)), node.IsValidOn(null)]);
    }

    private static (SnapshotNode Node, SnapshotEdge Edge) NodeAndEdge()
    {
        var node = new SnapshotNode { Index = 0, Id = "A", Kind = NodeKind.RealEstate };
        return (node, new SnapshotEdge { Id = "E", Kind = EdgeKind.Owns, Source = node, Target = node });
    }
}
