using AssetTrace.Common;

namespace AssetTrace.Roster.Entries;

/// <summary>Which stage may follow which; anything else is refused with the allowed moves named.</summary>
public static class RosterTransitions
{
    private static readonly Dictionary<RosterStage, RosterStage[]> Allowed = new()
    {
        [RosterStage.Proposed] = [RosterStage.Included, RosterStage.Rejected, RosterStage.Excluded],
        [RosterStage.Included] = [RosterStage.Notified, RosterStage.Excluded],
        [RosterStage.Notified] = [RosterStage.UnderEvaluation, RosterStage.CourtApplication, RosterStage.Closed, RosterStage.Excluded],
        [RosterStage.UnderEvaluation] = [RosterStage.CourtApplication, RosterStage.Closed, RosterStage.Excluded],
        [RosterStage.CourtApplication] = [RosterStage.Filed, RosterStage.Closed, RosterStage.Excluded],
        [RosterStage.Filed] = [RosterStage.InterimMeasures, RosterStage.Decided, RosterStage.Closed],
        [RosterStage.InterimMeasures] = [RosterStage.Decided, RosterStage.Closed],
        [RosterStage.Decided] = [RosterStage.Appealed, RosterStage.Forfeited, RosterStage.Closed],
        [RosterStage.Appealed] = [RosterStage.Decided, RosterStage.Forfeited, RosterStage.Closed],
        [RosterStage.Forfeited] = [RosterStage.Closed],
        [RosterStage.Rejected] = [],
        [RosterStage.Excluded] = [],
        [RosterStage.Closed] = [],
    };

    /// <summary>Stages in which the subject's deadline to prove legality runs.</summary>
    public static readonly RosterStage[] DeadlineRuns = [RosterStage.Notified, RosterStage.UnderEvaluation];

    /// <summary>The court's stages, which the authorised body records one by one.</summary>
    public static readonly RosterStage[] Court = [RosterStage.Filed, RosterStage.InterimMeasures, RosterStage.Decided, RosterStage.Appealed, RosterStage.Forfeited, RosterStage.Closed];

    public static IReadOnlyList<RosterStage> From(RosterStage stage) => Allowed[stage];

    public static void Check(RosterStage from, RosterStage to, string label)
    {
        if (!Allowed[from].Contains(to))
        {
            throw new ConflictException(
                $"Roster entry {label} is {from}; it cannot become {to}. From {from} it may become: {(Allowed[from].Length == 0 ? "nothing (it is finished)" : string.Join(", ", Allowed[from]))}.");
        }
    }
}
