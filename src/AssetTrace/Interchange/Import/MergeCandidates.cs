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
internal static class MergeCandidates
{
    public static async Task<List<string>> FindAsync(DbConnection c, DbTransaction t, Node node, string birthDate, CancellationToken ct)
    {
        var keys = NameKey.Keys(node.Name);
        if (keys.Count == 0)
        {
            return [];
        }
        var (list, keyParameters) = SqlList.Of("k", keys);
        var parameters = keyParameters.ToList();
        parameters.Add(("n", keys.Count));
        parameters.Add(("self", node.Id));
        var ids = await c.QueryAsync(t, $"""
            SELECT node_id FROM node_name_keys WHERE name_key IN ({list}) AND node_id <> @self
            GROUP BY node_id HAVING COUNT(*) = @n ORDER BY node_id LIMIT 50
            """, r => r.GetString(0), ct, [.. parameters]);
        var result = new List<string>();
        foreach (var id in ids)
        {
            var rows = await c.QueryAsync(t, $"SELECT {GraphRows.NodeColumns} FROM nodes n WHERE n.id = @id AND NOT n.deleted", GraphRows.ReadNode, ct, ("id", id));
            if (rows.Count == 1 && rows[0].Kind == NodeKind.Person && BirthDatesAgree(rows[0].Properties, birthDate))
            {
                result.Add(id);
            }
        }
        return result;
    }

    private static bool BirthDatesAgree(JsonElement properties, string birthDate)
    {
        if (!properties.TryGetProperty("birthDate", out var b) || b.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        var other = b.GetString()!;
        return other.StartsWith(birthDate, StringComparison.Ordinal) || birthDate.StartsWith(other, StringComparison.Ordinal);
    }
}
