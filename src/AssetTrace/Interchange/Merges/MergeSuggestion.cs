namespace AssetTrace.Interchange.Merges;

/// <summary>Two nodes that are probably one, for an analyst to decide: <see cref="CandidateId"/> is kept if accepted.</summary>
public sealed record MergeSuggestion(
    string Id,
    string NodeId,
    string CandidateId,
    string Reason,
    MergeStatus Status,
    string? ImportRun,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? DecisionNote);
