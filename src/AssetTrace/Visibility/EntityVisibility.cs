using AssetTrace.Storage;

namespace AssetTrace.Visibility;

/// <summary>
/// Whether the things records are about ("node/…", "edge/…", "case/…", "request/…", as the audit
/// log names them) exist for a viewer: a record about a restricted fact, its case or the case's
/// requests is kept from those who may not see them, whatever else it says.
/// </summary>
public sealed class EntityVisibility(Database database)
{
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
        foreach (var chunk in ids["node"].Distinct().Chunk(400))
        {
            var (list, parameters) = SqlList.Of("e", chunk);
            foreach (var (id, caseId) in await c.QueryAsync(null, $"SELECT id, restricted_case FROM nodes WHERE id IN ({list}) AND restricted_case IS NOT NULL",
                r => (r.GetString(0), r.GetString(1)), ct, parameters))
            {
                if (!viewer.Sees(caseId))
                {
                    hidden.Add($"node/{id}");
                }
            }
        }
        foreach (var chunk in ids["edge"].Distinct().Chunk(400))
        {
            var (list, parameters) = SqlList.Of("e", chunk);
            foreach (var (id, own, source, target) in await c.QueryAsync(null, $"""
                SELECT e.id, e.restricted_case, s.restricted_case, t.restricted_case
                FROM edges e JOIN nodes s ON s.id = e.source_id JOIN nodes t ON t.id = e.target_id WHERE e.id IN ({list})
                """, r => (r.GetString(0), r.NullableString(1), r.NullableString(2), r.NullableString(3)), ct, parameters))
            {
                if (!viewer.Sees(own) || !viewer.Sees(source) || !viewer.Sees(target))
                {
                    hidden.Add($"edge/{id}");
                }
            }
        }
        foreach (var chunk in ids["request"].Distinct().Chunk(400))
        {
            var (list, parameters) = SqlList.Of("e", chunk);
            foreach (var (id, caseId) in await c.QueryAsync(null, $"SELECT id, case_id FROM requests WHERE id IN ({list})",
                r => (r.GetString(0), r.GetString(1)), ct, parameters))
            {
                if (!viewer.Sees(caseId))
                {
                    hidden.Add($"request/{id}");
                }
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
