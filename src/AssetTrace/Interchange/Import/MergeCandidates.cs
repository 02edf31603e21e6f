using System.Data.Common;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Matching;
using AssetTrace.Storage;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// Persons who are probably the same as a new one, by the name matcher (#14): each with the score and the
/// explanation of <see cref="NameMatcher.Compare(MatchSubject, MatchSubject)"/> at or above the office's
/// threshold, so a suggestion explains itself as a search result does. Both persons have a birth date, and
/// the matcher weighs it (a different one brings a name match below any threshold), and identifiers are
/// compared exactly after normalisation. Candidates are the persons sharing a name key (script, case and
/// transliteration aside) with the new one, those sharing most first: a typo in one word still leaves another.
/// </summary>
/// <remarks>
/// Asked once a run has written everything, of the graph as the run leaves it (#12): asked chunk by chunk,
/// the cap of <see cref="MaxPerPerson"/> was filled with persons created later in the same chunk, which were then
/// dropped, and a person created before its match was never paired with it, so the same file in another order
/// gave other suggestions. On the finished graph the answer depends only on what the run wrote.
/// </remarks>
internal static class MergeCandidates
{
    /// <summary>At most this many suggestions for one person, the first by node id.</summary>
    public const int MaxPerPerson = 50;

    // Persons scored for one new person at most, those sharing the most name keys first: a common given name
    // alone would otherwise bring every namesake of a national register.
    private const int MaxScored = 500;

    /// <param name="createdInRun">The persons the run created: two of them that find each other are one suggestion, not two.</param>
    /// <returns>The probable duplicates with the match; none when the node is no longer a live person with a birth date.</returns>
    public static async Task<List<(string Id, MatchResult Match)>> FindAsync(DbConnection c, DbTransaction t, string nodeId,
        IReadOnlySet<string> createdInRun, double threshold, CancellationToken ct)
    {
        var node = (await LiveNodesAsync(c, t, [nodeId], ct)).SingleOrDefault();
        if (node is not { Kind: NodeKind.Person } || BirthDate(node.Properties) is null)
        {
            return [];
        }
        var keys = GraphStore.SearchKeys(node).ToList();
        if (keys.Count == 0)
        {
            return [];
        }
        var (list, keyParameters) = SqlList.Of("k", keys);
        var parameters = keyParameters.ToList();
        parameters.Add(("self", node.Id));
        parameters.Add(("person", Codes.Of(NodeKind.Person)));
        var ids = await c.QueryAsync(t, $"""
            SELECT k.node_id FROM node_name_keys k JOIN nodes n ON n.id = k.node_id
            WHERE k.name_key IN ({list}) AND k.node_id <> @self AND n.kind = @person AND NOT n.deleted
            GROUP BY k.node_id ORDER BY COUNT(*) DESC, k.node_id LIMIT {MaxScored}
            """, r => r.GetString(0), ct, [.. parameters]);
        var subject = MatchSubjects.Of(node);
        var result = new List<(string Id, MatchResult Match)>();
        foreach (var other in await LiveNodesAsync(c, t, ids, ct))
        {
            // Two persons of the run find each other (the matcher is symmetric): one suggestion, keeping the one with the lower id.
            if (BirthDate(other.Properties) is null || (createdInRun.Contains(other.Id) && string.CompareOrdinal(other.Id, node.Id) > 0))
            {
                continue;
            }
            var match = NameMatcher.Compare(subject, MatchSubjects.Of(other));
            if (match.Score >= threshold)
            {
                result.Add((other.Id, match));
            }
        }
        return [.. result.OrderBy(r => r.Id, StringComparer.Ordinal).Take(MaxPerPerson)];
    }

    private static async Task<List<Node>> LiveNodesAsync(DbConnection c, DbTransaction t, List<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var (list, parameters) = SqlList.Of("id", ids);
        return await c.QueryAsync(t, $"SELECT {GraphRows.NodeColumns} FROM nodes n WHERE n.id IN ({list}) AND NOT n.deleted", GraphRows.ReadNode, ct, [.. parameters]);
    }

    private static string? BirthDate(JsonElement properties) =>
        properties.TryGetProperty("birthDate", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
}
