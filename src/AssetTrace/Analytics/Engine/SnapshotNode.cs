using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Engine;

/// <summary>A node as the analytics engine keeps it: only what the calculations read.</summary>
public sealed class SnapshotNode
{
    public required int Index { get; init; }

    public required string Id { get; init; }

    public NodeKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Where a company is registered, or the country of an asset or address (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; set; }

    // Kept compact as SnapshotEdge is (#18): dates as day numbers, and an asset's value in its own object,
    // since most nodes (people, companies, addresses) have none.
    private int _validFrom = Days.None, _validTo = Days.None;
    private NodeValue? _value;

    /// <summary>Estimated value of a whole asset, with its currency and date (for wealth).</summary>
    public decimal? Value { get => _value?.Amount; set => ValueToSet(value is not null)?.Amount = value; }

    public string? ValueCurrency { get => _value?.Currency; set => ValueToSet(value is not null)?.Currency = value; }

    public DateOnly? ValueDate { get => _value?.Date; set => ValueToSet(value is not null)?.Date = value; }

    public DateOnly? ValidFrom { get => Days.Of(_validFrom); set => _validFrom = Days.From(value); }

    public DateOnly? ValidTo { get => Days.Of(_validTo); set => _validTo = Days.From(value); }

    public bool Deleted { get; set; }

    /// <summary>The case the node is restricted to, numbered by the snapshot (<see cref="GraphSnapshot.CaseNumberOf"/>); 0 when open.</summary>
    internal int Restriction { get; set; }

    /// <summary>Every live edge leaving the node, in the order added.</summary>
    public EdgeList Out => OutEdges.List;

    /// <summary>Every live edge arriving at the node, in the order added.</summary>
    public EdgeList In => InEdges.List;

    internal EdgeArray OutEdges;
    internal EdgeArray InEdges;

    // The adjacency every ownership and control calculation walks, kept in the node itself (see LinkArray).
    internal LinkArray OwnsOutLinks;
    internal LinkArray OwnsInLinks;
    internal LinkArray ControlOutLinks;
    internal LinkArray ControlInLinks;

    // OWNS edges from a company to itself (treasury shares, #12): nearly always empty. They are in Out and In like every
    // edge, but in no walk's links, so a company holding its own shares is not a cycle.
    internal LinkArray TreasuryLinks;

    /// <summary>
    /// The fraction of its own shares the company holds on the date (treasury shares), as low and high figures;
    /// (0, 0) when it holds none, or none the calculation's viewer may see. A self share whose size is unknown counts as none.
    /// </summary>
    public (double Low, double High) TreasuryShare(DateOnly? asOf)
    {
        double low = 0, high = 0;
        foreach (ref readonly var link in TreasuryLinks.Span)
        {
            if (link.IsValidOn(asOf) && !double.IsNaN(link.Low))
            {
                low += link.Low;
                high += link.High;
            }
        }
        return (Math.Min(1, low), Math.Min(1, high));
    }

    /// <summary>
    /// The OWNS edges of <see cref="Out"/>, in the same order: every ownership calculation walks
    /// them and nothing else, and a company's other links (directors, addresses, transfers)
    /// would otherwise be read and skipped at every step.
    /// </summary>
    public EdgeView OwnsOut => new(OwnsOutLinks.Span);

    /// <summary>The OWNS edges of <see cref="In"/>, in the same order.</summary>
    public EdgeView OwnsIn => new(OwnsInLinks.Span);

    /// <summary>
    /// The edges of <see cref="Out"/> that can give control besides OWNS: CONTROLS, and DIRECTOR_OF
    /// from a person who acts as someone's nominee (see <see cref="GraphSnapshot"/>). With
    /// <see cref="OwnsOut"/>, every edge a control calculation needs, without the rest of a node's links.
    /// </summary>
    public EdgeView ControlOut => new(ControlOutLinks.Span);

    /// <summary>The edges of <see cref="In"/> that can give control besides OWNS, as for <see cref="ControlOut"/>.</summary>
    public EdgeView ControlIn => new(ControlInLinks.Span);

    /// <summary>
    /// The kinds of edge in <see cref="Out"/> and <see cref="In"/>, one bit per <see cref="EdgeKind"/>:
    /// most nodes have no edge of most kinds, and a calculation can then skip the list unread.
    /// </summary>
    internal int OutKinds { get; set; }

    internal int InKinds { get; set; }

    public bool HasOut(EdgeKind kind) => (OutKinds & (1 << (int)kind)) != 0;

    public bool HasIn(EdgeKind kind) => (InKinds & (1 << (int)kind)) != 0;

    /// <summary>
    /// The index: unique in its snapshot, so sets and maps of nodes spread evenly, and read from
    /// the node's own fields rather than from the object header as the default hash code is.
    /// </summary>
    public override int GetHashCode() => Index;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>Valid on the date and visible to the calculation's viewer (see <see cref="Sight"/>).</summary>
    public bool IsValidOn(DateOnly? date) =>
        !Deleted && (Restriction == 0 || Sight.Sees(Restriction)) && Days.Cover(_validFrom, _validTo, date);

    private NodeValue? ValueToSet(bool making) => making ? _value ??= new NodeValue() : _value;
}

/// <summary>An asset's estimated value (see <see cref="SnapshotNode.Value"/>): made for a node when one of its parts is set.</summary>
internal sealed class NodeValue
{
    public decimal? Amount { get; set; }

    public string? Currency { get; set; }

    public DateOnly? Date { get; set; }
}
