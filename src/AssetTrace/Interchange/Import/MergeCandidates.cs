using System.Data.Common;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Names;
using AssetTrace.Graph.Store;
using AssetTrace.Storage;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// Persons who are probably the same as a new one: every word key of the new name is a key of
/// theirs (NameKey: script, case and transliteration do not matter; nor does word order), and the
/// birth dates agree (a partial date YYYY or YYYY-MM agrees with any date it starts).
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

    /// <param name="createdInRun">The persons the run created: two of them that find each other are one suggestion, not two.</param>
    /// <returns>The person's name, birth date and the ids of its probable duplicates; none when it is no longer a live person with a birth date.</returns>
    public static async Task<(string Name, string BirthDate, List<string> Candidates)> FindAsync(DbConnection c, DbTransaction t, string nodeId,
        IReadOnlySet<string> createdInRun, CancellationToken ct)
    {
        var node = await LiveNodeAsync(c, t, nodeId, ct);
        if (node is not { Kind: NodeKind.Person } || BirthDate(node.Properties) is not { } birthDate)
        {
            return ("", "", []);
        }
        var keys = NameKey.Keys(node.Name);
        if (keys.Count == 0)
        {
            return (node.Name, birthDate, []);
        }
        var (list, keyParameters) = SqlList.Of("k", keys);
        var parameters = keyParameters.ToList();
        parameters.Add(("n", keys.Count));
        parameters.Add(("self", node.Id));
        parameters.Add(("person", Codes.Of(NodeKind.Person)));
        var ids = await c.QueryAsync(t, $"""
            SELECT k.node_id FROM node_name_keys k JOIN nodes n ON n.id = k.node_id
            WHERE k.name_key IN ({list}) AND k.node_id <> @self AND n.kind = @person AND NOT n.deleted
            GROUP BY k.node_id HAVING COUNT(*) = @n ORDER BY k.node_id LIMIT {MaxPerPerson}
            """, r => r.GetString(0), ct, [.. parameters]);
        var ownKeys = GraphStore.SearchKeys(node).ToHashSet(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var id in ids)
        {
            if (await LiveNodeAsync(c, t, id, ct) is not { } other || BirthDate(other.Properties) is not { } otherBirth || !Agree(otherBirth, birthDate))
            {
                continue;
            }
            // Two persons of the run who each find the other: one suggestion, keeping the one with the lower id.
            if (createdInRun.Contains(id) && string.CompareOrdinal(id, node.Id) > 0 && NameKey.Keys(other.Name).All(ownKeys.Contains))
            {
                continue;
            }
            result.Add(id);
        }
        return (node.Name, birthDate, result);
    }

    private static async Task<Node?> LiveNodeAsync(DbConnection c, DbTransaction t, string id, CancellationToken ct)
    {
        var rows = await c.QueryAsync(t, $"SELECT {GraphRows.NodeColumns} FROM nodes n WHERE n.id = @id AND NOT n.deleted", GraphRows.ReadNode, ct, ("id", id));
        return rows.Count == 1 ? rows[0] : null;
    }

    private static string? BirthDate(JsonElement properties) =>
        properties.TryGetProperty("birthDate", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;

    private static bool Agree(string other, string birthDate) =>
        other.StartsWith(birthDate, StringComparison.Ordinal) || birthDate.StartsWith(other, StringComparison.Ordinal);
}
