namespace AssetTrace.Recovery.Steps;

/// <summary>A reference a move rests on, typed: e.g. (CourtDecision, "Almaty court 2-118/2026").</summary>
public sealed record Justification(JustificationKind Kind, string Reference);

/// <summary>
/// One recorded move of an asset, or a correction (<see cref="Corrects"/> set, <see cref="Step"/> null)
/// that reverses the move it names. Never changed or deleted once written.
/// </summary>
/// <param name="Value">The asset's value at <see cref="OnDate"/>, in <see cref="Currency"/>.</param>
/// <param name="UnrestrainedReason">Set when an asset was confiscated without a freeze or a covering decision: why.</param>
public sealed record AssetMove(
    string Id, int Seq, RecoveryStep? Step, DateOnly OnDate, decimal? Value, string? Currency,
    IReadOnlyList<Justification> Justifications, string? UnrestrainedReason, string? Corrects, string? Note,
    DateTimeOffset RecordedAt, string RecordedBy)
{
    public bool IsCorrection => Corrects is not null;
}

/// <summary>An asset of a case on its road: where it stands, every move recorded, and the version a change must name.</summary>
/// <param name="Country">ISO 3166-1 code of the country where the asset lies (from its node when it was identified).</param>
public sealed record AssetRecovery(
    string CaseId, string NodeId, string Name, RecoveryStep? Step, string? Country, DiscoveryChannel Channel, int Version,
    IReadOnlyList<AssetMove> Moves)
{
    /// <summary>The moves that stand: neither corrections nor corrected, in order.</summary>
    public IEnumerable<AssetMove> Effective
    {
        get
        {
            var corrected = Moves.Where(m => m.IsCorrection).Select(m => m.Corrects).ToHashSet(StringComparer.Ordinal);
            return Moves.Where(m => !m.IsCorrection && !corrected.Contains(m.Id));
        }
    }
}

/// <summary>What a user records: the step, its date, the value then and what justifies it.</summary>
/// <param name="Channel">Required when the asset enters the road (<see cref="RecoveryStep.Identified"/>).</param>
/// <param name="ExpectedVersion">The asset's version the user saw; a move made meanwhile turns this one into a conflict.</param>
public sealed record MoveInput(
    string CaseId, string NodeId, RecoveryStep Step, DateOnly OnDate, decimal? Value, string? Currency,
    IReadOnlyList<Justification> Justifications, DiscoveryChannel? Channel = null, string? UnrestrainedReason = null,
    string? Note = null, int? ExpectedVersion = null);
