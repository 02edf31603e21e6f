using System.Text.Json;

namespace AssetTrace.Graph.Model;

/// <summary>A directed edge from <see cref="SourceId"/> to <see cref="TargetId"/>.</summary>
/// <param name="Share">For OWNS and BENEFICIAL_OWNER_OF: the share as a range; null when unknown.</param>
public sealed record Edge(
    string Id,
    EdgeKind Kind,
    string SourceId,
    string TargetId,
    JsonElement Properties,
    ShareRange? Share,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    Provenance Provenance,
    Stamp Stamp)
{
    /// <summary>The node at the other end, seen from <paramref name="nodeId"/>.</summary>
    public string OtherEnd(string nodeId) => nodeId == SourceId ? TargetId : SourceId;
}
