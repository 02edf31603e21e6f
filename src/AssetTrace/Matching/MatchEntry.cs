namespace AssetTrace.Matching;

/// <summary>
/// One node as the match index keeps it: what the matcher compares, and what decides whether a
/// lookup may see it at all (its kind, dates and the case it is restricted to).
/// </summary>
/// <param name="Kind">The node kind's code (e.g. "Person"), for a lookup limited to some kinds.</param>
/// <param name="RestrictedCase">The case the node is restricted to; null when open.</param>
public sealed record MatchEntry(string Id, string Kind, MatchSubject Subject, string? RestrictedCase, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly? date) => date is null || ((ValidFrom is null || ValidFrom <= date) && (ValidTo is null || ValidTo >= date));
}

/// <summary>A scored match of a lookup.</summary>
public sealed record MatchHit(MatchEntry Entry, MatchResult Match);

/// <summary>
/// The best matches of a lookup and how many there are: <see cref="Total"/> is exact when
/// <see cref="TotalIsExact"/>, otherwise there are more than <see cref="Total"/>.
/// </summary>
public sealed record MatchHits(IReadOnlyList<MatchHit> Items, int Total, bool TotalIsExact);
