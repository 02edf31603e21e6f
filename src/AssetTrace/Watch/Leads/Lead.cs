using AssetTrace.Watch.Extraction;

namespace AssetTrace.Watch.Leads;

/// <summary>Where a lead stands.</summary>
public enum LeadStatus
{
    Open,
    Accepted,
    Dismissed,
}

/// <summary>
/// A snapshot that mentions a watched node (#15): the record it found, the words that matched, the
/// matcher's score and explanation. It belongs to the case the node is a subject of, and exists only
/// for those who see that case.
/// </summary>
/// <param name="MatchedText">The words of the page that matched (a name, a phrase of a text, an identifier).</param>
/// <param name="Facts">The ids of the nodes and edges an acceptance wrote.</param>
public sealed record Lead(
    string Id,
    string Source,
    string SnapshotId,
    string CaseId,
    string NodeId,
    ExtractedRecord Record,
    string MatchedText,
    double Score,
    IReadOnlyList<string> Explanation,
    LeadStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? Reason,
    IReadOnlyList<string> Facts,
    LeadFacts Becomes);

/// <summary>
/// What accepting a lead writes, decided when it is raised by the source's mapping of that time (a source
/// file changed or removed later does not change what an open lead means): a node of a kind with its
/// properties, and the edge to the watched node when the source names one.
/// </summary>
public sealed record LeadFacts(string Kind, IReadOnlyDictionary<string, string> Properties, string? LinkEdge, bool LinkFromSubject);
