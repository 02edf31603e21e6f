namespace AssetTrace.Roster.Entries;

/// <summary>
/// Where an entry stands, in the order the law walks it (#16): proposed by the authorised body,
/// included (or rejected) by the Commission, notified, the subject's declaration evaluated, then
/// the application to court and its stages, or the way out (excluded, closed).
/// </summary>
public enum RosterStage
{
    Proposed,
    Rejected,
    Included,
    Notified,
    UnderEvaluation,
    CourtApplication,
    Filed,
    InterimMeasures,
    Decided,
    Appealed,
    Forfeited,
    Excluded,
    Closed,
}
