using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Engine;

/// <summary>An edge as the analytics engine keeps it. Shares are fractions (0–1); null when unknown.</summary>
public sealed class SnapshotEdge
{
    public required string Id { get; init; }

    public EdgeKind Kind { get; set; }

    public required SnapshotNode Source { get; init; }

    public required SnapshotNode Target { get; init; }

    public double? ShareLow { get; set; }

    public double? ShareHigh { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>DIRECTOR_OF or CONTROLS by someone acting for another.</summary>
    public bool Nominee { get; set; }

    /// <summary>FAMILY_OF relationship, HOLDS_ACCOUNT or CONTROLS role.</summary>
    public string? Role { get; set; }

    /// <summary>CONTROLS: the share of votes, as a fraction.</summary>
    public double? VotingShare { get; set; }

    /// <summary>TRANSFERRED_TO: amount, currency and date.</summary>
    public decimal? Amount { get; set; }

    public string? Currency { get; set; }

    public DateOnly? Date { get; set; }

    public bool Deleted { get; set; }

    /// <summary>The case the edge is restricted to, numbered by the snapshot; 0 when open.</summary>
    internal int Restriction { get; set; }

    /// <summary>
    /// Whether the edge or either end is restricted, kept by <see cref="GraphSnapshot"/> whenever
    /// they change: an open edge (nearly all) is then known visible without reading its ends.
    /// </summary>
    internal bool TouchesRestricted { get; set; }

    /// <summary>Whether the edge and both its ends are visible to the calculation's viewer: an edge to a hidden node is hidden too.</summary>
    internal bool IsVisible =>
        !TouchesRestricted || (Sight.Sees(Restriction) && Sight.Sees(Source.Restriction) && Sight.Sees(Target.Restriction));

    /// <summary>Valid on the date and visible, with both ends, to the calculation's viewer (see <see cref="Sight"/>).</summary>
    public bool IsValidOn(DateOnly? date) =>
        !Deleted && IsVisible && (date is null || ((ValidFrom is null || ValidFrom <= date) && (ValidTo is null || ValidTo >= date)));

    public SnapshotNode OtherEnd(SnapshotNode node) => ReferenceEquals(node, Source) ? Target : Source;
}
