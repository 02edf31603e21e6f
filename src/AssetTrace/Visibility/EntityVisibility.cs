using System.Globalization;
using AssetTrace.Storage;

namespace AssetTrace.Visibility;

/// <summary>
/// Whether the things records are about ("node/…", "edge/…", "case/…", "request/…", as the audit
/// log names them) exist for a viewer: a record about a restricted fact, its case or the case's
/// requests is kept from those who may not see them, whatever else it says.
/// </summary>
public sealed class EntityVisibility(Database database)
{
    /// <summary>
    /// For each kind of entity stored with a case, the query that reads, for a list of ids ({0}), each id
    /// and the cases it belongs to: an entity is hidden when the viewer does not see one of them (an edge
    /// belongs to its own case and to its two ends').
    /// </summary>
    private static readonly (string Kind, string Sql)[] CasesOfEntities =
    [
        ("node", "SELECT id, restricted_case FROM nodes WHERE id IN ({0}) AND restricted_case IS NOT NULL"),
        ("edge", "SELECT e.id, e.restricted_case, s.restricted_case, t.restricted_case FROM edges e JOIN nodes s ON s.id = e.source_id JOIN nodes t ON t.id = e.target_id WHERE e.id IN ({0})"),
        ("request", "SELECT id, case_id FROM requests WHERE id IN ({0})"),
        ("roster", "SELECT id, case_id FROM roster_entries WHERE id IN ({0})"),
        ("lead", "SELECT id, case_id FROM watch_leads WHERE id IN ({0})"),
    ];

    public async Task<List<T>> VisibleAsync<T>(Viewer viewer, IReadOnlyList<T> records, Func<T, string> entityOf, CancellationToken ct)
    {
        if (viewer.SeesEverything || records.Count == 0)
        {
            return [.. records];
        }
        var ids = records.Select(entityOf).Select(Split).Where(e => e.Kind is not null).ToLookup(e => e.Kind!, e => e.Id);
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var caseId in ids["case"].Where(id => !viewer.Sees(id)))
        {
            hidden.Add($"case/{caseId}");
        }
        await using var c = await database.OpenAsync(ct);
        foreach (var (kind, sql) in CasesOfEntities)
        {
            foreach (var chunk in ids[kind].Distinct().Chunk(400))
            {
                var (list, parameters) = SqlList.Of("e", chunk);
                var rows = await c.QueryAsync(null, string.Format(CultureInfo.InvariantCulture, sql, list),
                    r => (Id: r.GetString(0), Hidden: Enumerable.Range(1, r.FieldCount - 1).Any(i => !viewer.Sees(r.NullableString(i)))), ct, parameters);
                hidden.UnionWith(rows.Where(row => row.Hidden).Select(row => $"{kind}/{row.Id}"));
            }
        }
        return [.. records.Where(r => !hidden.Contains(entityOf(r)))];
    }

    private static (string? Kind, string Id) Split(string entity)
    {
        var slash = entity.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (null, entity) : (entity[..slash], entity[(slash + 1)..]);
    }
}
