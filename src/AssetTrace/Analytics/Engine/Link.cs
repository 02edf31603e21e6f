namespace AssetTrace.Analytics.Engine;

/// <summary>
/// An edge as seen from one of its ends: the edge, the node at its other end, and what a walk
/// tests at every step, copied out of both: the days on which the edge and that node are both
/// valid, and the edge's share. A walk over a million-node graph then reads neither the edge
/// nor the node at the other end until it steps there. <see cref="GraphSnapshot"/> keeps the
/// copies current whenever the edge or either end changes.
/// </summary>
internal readonly struct Link
{
    public Link(SnapshotEdge edge, SnapshotNode other)
    {
        Edge = edge;
        Other = other;
        OtherIndex = other.Index;
        FromDay = Math.Max(Day(edge.ValidFrom, int.MinValue), Day(other.ValidFrom, int.MinValue));
        ToDay = Math.Min(Day(edge.ValidTo, int.MaxValue), Day(other.ValidTo, int.MaxValue));
        TouchesRestricted = edge.TouchesRestricted;
        var known = edge.ShareLow is not null && edge.ShareHigh is not null;
        Low = known ? edge.ShareLow!.Value : double.NaN;
        High = known ? edge.ShareHigh!.Value : double.NaN;
    }

    public SnapshotEdge Edge { get; }

    /// <summary>The edge's id, read from the edge: a copy here would cost eight bytes on each of millions of links (#18).</summary>
    public string EdgeId => Edge.Id;

    public SnapshotNode Other { get; }

    /// <summary><see cref="Other"/>'s <see cref="SnapshotNode.Index"/>, to number it without reading it.</summary>
    public int OtherIndex { get; }

    /// <summary>The first and last day on which both the edge and <see cref="Other"/> are valid.</summary>
    public int FromDay { get; }

    public int ToDay { get; }

    /// <summary>The edge's share as a fraction; NaN in both when either bound is unknown.</summary>
    public double Low { get; }

    public double High { get; }

    /// <summary>The lower bound of the share, also when the upper one is unknown; null when unknown.</summary>
    public double? ShareLow => !double.IsNaN(Low) ? Low : Edge.ShareLow;

    /// <summary>The edge's <see cref="SnapshotEdge.TouchesRestricted"/>, copied: an open link is known visible without reading the edge; otherwise the edge is asked (see <see cref="Sight"/>).</summary>
    public bool TouchesRestricted { get; }

    public bool IsValidOn(DateOnly? date) =>
        (!TouchesRestricted || Edge.IsVisible) && (date is not { } day || (FromDay <= day.DayNumber && day.DayNumber <= ToDay));

    private static int Day(DateOnly? date, int none) => date?.DayNumber ?? none;
}
