using AssetTrace.Graph.Model;

namespace AssetTrace.Roster.Candidates;

/// <summary>
/// A person whose assets, with those of their connected persons, reach the roster threshold: the
/// figure as a range in USD, the person's own part, who is counted with them, and the assets behind it.
/// </summary>
/// <param name="Certain">Even the low end of the range reaches the threshold.</param>
/// <param name="EntryId">The person's open roster entry, when they already have one.</param>
public sealed record RosterCandidate(
    string PersonId, string Name, decimal LowUsd, decimal HighUsd, decimal OwnLowUsd, decimal OwnHighUsd, decimal ThresholdUsd, bool Certain,
    IReadOnlyList<string> ConnectedPersonIds, IReadOnlyList<CandidateAsset> Assets, string? EntryId);

/// <summary>An asset counted in a candidate's figure, with the share held, its USD range and where the fact comes from.</summary>
/// <param name="Problem">Why it adds nothing to the figure (no valuation, no rate).</param>
public sealed record CandidateAsset(
    string NodeId, NodeKind Kind, string Name, decimal? Value, string? Currency, double LowPercent, double HighPercent, decimal LowUsd, decimal HighUsd,
    SourceKind? Source, string? SourceReference, string? Problem);
