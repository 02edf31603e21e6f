using AssetTrace.Matching;

namespace AssetTrace.Interchange.Merges;

/// <summary>Two nodes that are probably one, for an analyst to decide: <see cref="CandidateId"/> is kept if accepted.</summary>
/// <param name="Score">The name matcher's score of the two (#14); null for a suggestion not made by it (ICIJ same_as, or made before it).</param>
/// <param name="Explanation">Which parts of the two agreed and how; empty when there is no score.</param>
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
    string? DecisionNote,
    double? Score = null,
    IReadOnlyList<MatchReason>? Explanation = null);
