using AssetTrace.Graph.Model;

namespace AssetTrace.Roster.Entries;

/// <summary>
/// A person on (or proposed for) the Commission's roster, in the case that brought them there:
/// the subject and the connected persons attached, the assets and figure the proposal rests on,
/// the grounds, and each act that moved it. Entries are never deleted (#16).
/// </summary>
/// <param name="Number">Given when the Commission includes the person (e.g. ARC-2026-0001); null before.</param>
/// <param name="Stamp">Version and who-when; <see cref="Stamp.CreatedBy"/> is the proposer.</param>
public sealed record RosterEntry(
    string Id,
    string? Number,
    string CaseId,
    string SubjectId,
    IReadOnlyList<string> ConnectedPersonIds,
    IReadOnlyList<string> AssetIds,
    RosterFigure Figure,
    RosterGrounds Grounds,
    RosterStage Stage,
    RosterDecision? Decision,
    RosterNotice? Notice,
    RosterExclusion? Exclusion,
    Stamp Stamp)
{
    /// <summary>How the entry is named in messages: its number once it has one.</summary>
    public string Label => Number ?? $"proposal {Id}";

    /// <summary>The last day to prove legality, once notified.</summary>
    public DateOnly? DeadlineOn => Notice?.DeadlineOn;
}

/// <summary>The wealth figure the proposal rests on, in USD, with connected persons, as the case saw it on that day.</summary>
public sealed record RosterFigure(decimal LowUsd, decimal HighUsd, decimal ThresholdUsd, DateOnly On);

/// <summary>Why the authorised body proposes the person: the reasonable-doubt criteria met (codes) and a statement.</summary>
public sealed record RosterGrounds(IReadOnlyList<string> Criteria, string Statement);

/// <summary>The Commission's decision at a dated meeting, with the vote.</summary>
/// <param name="Members">The members who voted.</param>
/// <param name="RecordedBy">The Commission member who recorded it: never the proposer.</param>
public sealed record RosterDecision(DateOnly MeetingOn, int For, int Against, int Abstained, IReadOnlyList<string> Members, bool Included, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The notice to the subject, its delivery, and the deadline it sets.</summary>
/// <param name="Months">The time given, in calendar months from delivery: one, extended up to three.</param>
/// <param name="ExtensionReason">Why the deadline was extended; null while it is not.</param>
public sealed record RosterNotice(DateOnly DeliveredOn, string DeliveredBy, string Method, int Months, DateOnly DeadlineOn, string? ExtensionReason);

/// <summary>
/// An exclusion asked for by the authorised body, waiting for a second person to approve it (four eyes);
/// <see cref="ApprovedBy"/> is set when it took effect.
/// </summary>
public sealed record RosterExclusion(string Reason, string RequestedBy, DateTimeOffset RequestedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt);

/// <summary>One act in an entry's history.</summary>
public sealed record RosterEvent(int Seq, DateTimeOffset At, string Actor, string Event, string? Detail);
