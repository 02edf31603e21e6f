using AssetTrace.Graph.Store;

namespace AssetTrace.WebConsole.Timeline;

public enum TimelineEventKind
{
    EntityValidFrom,
    EntityValidTo,
    FactValidFrom,
    FactValidTo,
    Recorded,
    Changed,
    Deleted,
    RequestDrafted,
    RequestSent,
    RequestAnswered,
    RequestClosed,
}

/// <summary>One dated event around an entity, with what it restricts (null: open) and whether it is intelligence.</summary>
/// <param name="DayOnly">The date is a business date (validity), not an instant the system recorded.</param>
/// <param name="Fact">The fact the event is about, when it is one of the entity's links.</param>
/// <param name="Detail">What else to show: the change's reason and author, the request's number and network.</param>
public sealed record TimelineEvent(
    DateTimeOffset At, bool DayOnly, TimelineEventKind Kind, Neighbour? Fact, string? RequestId, string? Detail, string? CaseId, bool Intelligence)
{
    public DateOnly Day => DateOnly.FromDateTime(At.UtcDateTime);
}
