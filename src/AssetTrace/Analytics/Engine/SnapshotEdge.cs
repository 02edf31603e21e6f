using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Engine;

/// <summary>An edge as the analytics engine keeps it. Shares are fractions (0–1); null when unknown.</summary>
public sealed class SnapshotEdge
{
    public required string Id { get; init; }

    public EdgeKind Kind { get; set; }

    public required SnapshotNode Source { get; init; }

    public required SnapshotNode Target { get; init; }

    // Every field below is kept compact (#18): a million-node graph holds 2.6 million edges, and at ten million
    // each byte of an edge is 26 MB. Shares are NaN when unknown, dates are day numbers (Days), and
    // the fields only some kinds carry (a role, votes, a transfer's amount) live in EdgeDetails, absent on most edges.
    private double _shareLow = double.NaN, _shareHigh = double.NaN;
    private int _validFrom = Days.None, _validTo = Days.None;
    private EdgeDetails? _details;

    public double? ShareLow { get => Shares.Of(_shareLow); set => _shareLow = Shares.From(value); }

    public double? ShareHigh { get => Shares.Of(_shareHigh); set => _shareHigh = Shares.From(value); }

    public DateOnly? ValidFrom { get => Days.Of(_validFrom); set => _validFrom = Days.From(value); }

    public DateOnly? ValidTo { get => Days.Of(_validTo); set => _validTo = Days.From(value); }

    /// <summary>DIRECTOR_OF or CONTROLS by someone acting for another.</summary>
    public bool Nominee { get; set; }

    /// <summary>FAMILY_OF relationship, HOLDS_ACCOUNT or CONTROLS role.</summary>
    public string? Role { get => _details?.Role; set => Details(value is not null)?.Role = value; }

    /// <summary>CONTROLS: the share of votes, as a fraction.</summary>
    public double? VotingShare { get => _details?.VotingShare; set => Details(value is not null)?.VotingShare = value; }

    /// <summary>TRANSFERRED_TO: amount, currency and date.</summary>
    public decimal? Amount { get => _details?.Amount; set => Details(value is not null)?.Amount = value; }

    public string? Currency { get => _details?.Currency; set => Details(value is not null)?.Currency = value; }

    public DateOnly? Date { get => _details?.Date; set => Details(value is not null)?.Date = value; }

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
        !Deleted && IsVisible && Days.Cover(_validFrom, _validTo, date);

    /// <summary>The details to set a field in: made when a value comes, and none made for a null on an edge without them.</summary>
    private EdgeDetails? Details(bool making) => making ? _details ??= new EdgeDetails() : _details;

    public SnapshotNode OtherEnd(SnapshotNode node) => ReferenceEquals(node, Source) ? Target : Source;
}

/// <summary>What only some kinds of edge carry (see <see cref="SnapshotEdge"/>): made for an edge when one of them is set.</summary>
internal sealed class EdgeDetails
{
    public string? Role { get; set; }

    public double? VotingShare { get; set; }

    public decimal? Amount { get; set; }

    public string? Currency { get; set; }

    public DateOnly? Date { get; set; }
}
