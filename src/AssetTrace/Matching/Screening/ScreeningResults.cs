using AssetTrace.Analytics.Connections;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;

namespace AssetTrace.Matching.Screening;

/// <summary>
/// A node a row of the list matched, with the score and explanation of the match, and what stands behind
/// it: what it owns or controls (directly and through companies) and whom it is linked to in one hop.
/// Only the first <see cref="Screener.Shown"/> of each are kept; the counts say how many there are.
/// </summary>
public sealed record ScreenMatch(
    string NodeId, NodeKind Kind, string Name, double Score, string MatchedName, IReadOnlyList<MatchReason> Explanation,
    IReadOnlyList<Holding> Holdings, int HoldingCount, IReadOnlyList<ConnectedPerson> Connected, int ConnectedCount);

/// <summary>A row of the list and its best matches, best first; none when nothing reached the office's threshold.</summary>
public sealed record ScreenedRow(ScreenRow Row, IReadOnlyList<ScreenMatch> Matches);

/// <summary>A screened list: every row in its order, and the SHA-256 of the list as the audit log records it.</summary>
public sealed record ScreeningResult(IReadOnlyList<ScreenedRow> Rows, string InputSha256)
{
    public int MatchCount => Rows.Sum(r => r.Matches.Count);
}
