using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Graph.Store;

/// <summary>
/// Reads the graph: nodes and edges by id, name search, neighbours, history. Every read is made
/// for a <see cref="Viewer"/>: a fact restricted to a case they do not work on is left out of
/// results and counts, and an edge is shown only when it and both its ends are visible.
/// </summary>
public sealed class GraphQueries(Database database)
{
    public Task<Node?> GetNodeAsync(Viewer viewer, string id, CancellationToken ct)
    {
        var parameters = new List<(string, object?)> { ("id", id) };
        var visible = VisibilitySql.Visible("n", viewer, parameters);
        return database.ReadAsync(async c =>
            (await c.QueryAsync(null, $"SELECT {GraphRows.NodeColumns} FROM nodes n WHERE n.id = @id AND NOT n.deleted AND {visible}",
                GraphRows.ReadNode, ct, [.. parameters])).SingleOrDefault(), ct);
    }

    public Task<Edge?> GetEdgeAsync(Viewer viewer, string id, CancellationToken ct)
    {
        var parameters = new List<(string, object?)> { ("id", id) };
        var visible = VisibilitySql.VisibleEdge("e", viewer, parameters);
        return database.ReadAsync(async c =>
            (await c.QueryAsync(null, $"SELECT {GraphRows.EdgeColumns} FROM edges e WHERE e.id = @id AND NOT e.deleted AND {visible}",
                GraphRows.ReadEdge, ct, [.. parameters])).SingleOrDefault(), ct);
    }

    public async Task<IReadOnlyDictionary<string, Node>> GetNodesAsync(Viewer viewer, IEnumerable<string> ids, CancellationToken ct)
    {
        var result = new Dictionary<string, Node>();
        await using var c = await database.OpenAsync(ct);
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var (list, idParameters) = SqlList.Of("id", chunk);
            var parameters = idParameters.ToList();
            var visible = VisibilitySql.Visible("n", viewer, parameters);
            foreach (var node in await c.QueryAsync(null, $"SELECT {GraphRows.NodeColumns} FROM nodes n WHERE n.id IN ({list}) AND NOT n.deleted AND {visible}",
                GraphRows.ReadNode, ct, [.. parameters]))
            {
                result[node.Id] = node;
            }
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<string, Edge>> GetEdgesAsync(Viewer viewer, IEnumerable<string> ids, CancellationToken ct)
    {
        var result = new Dictionary<string, Edge>();
        await using var c = await database.OpenAsync(ct);
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var (list, idParameters) = SqlList.Of("id", chunk);
            var parameters = idParameters.ToList();
            var visible = VisibilitySql.VisibleEdge("e", viewer, parameters);
            foreach (var edge in await c.QueryAsync(null, $"SELECT {GraphRows.EdgeColumns} FROM edges e WHERE e.id IN ({list}) AND NOT e.deleted AND {visible}",
                GraphRows.ReadEdge, ct, [.. parameters]))
            {
                result[edge.Id] = edge;
            }
        }
        return result;
    }

    /// <summary>The edges of a node and the nodes at their other ends, in a stable order, a page at a time.</summary>
    public async Task<Page<Neighbour>> NeighboursAsync(Viewer viewer, string nodeId, IReadOnlyCollection<EdgeKind>? kinds, Direction direction, DateOnly? asOf, int first, string? after, CancellationToken ct)
    {
        var afterId = Cursor.Decode(after, 1)?[0];
        return await database.ReadAsync(async c =>
        {
            var nodeParameters = new List<(string, object?)> { ("id", nodeId) };
            var visibleNode = VisibilitySql.Visible("n", viewer, nodeParameters);
            if (await c.ScalarAsync<long>(null, $"SELECT COUNT(*) FROM nodes n WHERE n.id = @id AND NOT n.deleted AND {visibleNode}", ct, [.. nodeParameters]) == 0)
            {
                throw new NotFoundException("node", nodeId);
            }
            var (filter, parameters) = EdgeFilter(viewer, kinds, asOf);
            parameters.Add(("id", nodeId));
            var sides = Sides(direction);
            var total = 0;
            foreach (var side in sides)
            {
                total += await c.ScalarAsync<int>(null, $"SELECT COUNT(*) FROM edges e WHERE e.{side} = @id AND {filter}", ct, [.. parameters]);
            }
            // One ordered, limited scan per side, merged: stays an index range scan at 10,000 links.
            var arms = sides.Select(side =>
                $"SELECT * FROM (SELECT {GraphRows.EdgeColumns} FROM edges e WHERE e.{side} = @id AND {filter}{(afterId is null ? "" : " AND e.id > @afterId")} ORDER BY e.id LIMIT @limit) AS {side}_arm");
            var sql = $"SELECT * FROM ({string.Join(" UNION ALL ", arms)}) AS e ORDER BY id LIMIT @limit";
            var edges = await c.QueryAsync(null, sql, GraphRows.ReadEdge, ct, [.. parameters, ("afterId", afterId ?? ""), ("limit", first + 1)]);
            var page = ToPage(edges, first, total, e => Cursor.Encode(e.Id));
            var nodes = await GetNodesAsync(viewer, page.Items.Select(e => e.OtherEnd(nodeId)), ct);
            var neighbours = page.Items
                .Where(e => nodes.ContainsKey(e.OtherEnd(nodeId)))
                .Select(e => new Neighbour(e, nodes[e.OtherEnd(nodeId)], e.SourceId == nodeId ? Direction.Outgoing : Direction.Incoming))
                .ToList();
            return new Page<Neighbour>(neighbours, page.TotalCount, page.EndCursor, page.HasNextPage);
        }, ct);
    }

    /// <summary>Every live edge touching any of <paramref name="nodeIds"/>: the expansion step of path searches.</summary>
    public async Task<List<Edge>> EdgesOfAsync(Viewer viewer, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<EdgeKind>? kinds, Direction direction, DateOnly? asOf, CancellationToken ct)
    {
        var result = new List<Edge>();
        await using var c = await database.OpenAsync(ct);
        foreach (var chunk in nodeIds.Chunk(400))
        {
            var (filter, parameters) = EdgeFilter(viewer, kinds, asOf);
            var (list, idParameters) = SqlList.Of("n", chunk);
            parameters.AddRange(idParameters);
            foreach (var side in Sides(direction))
            {
                result.AddRange(await c.QueryAsync(null, $"SELECT {GraphRows.EdgeColumns} FROM edges e WHERE e.{side} IN ({list}) AND {filter}",
                    GraphRows.ReadEdge, ct, [.. parameters]));
            }
        }
        return result.DistinctBy(e => e.Id).ToList();
    }

    /// <summary>Every version of a node, also of one since deleted, when the viewer may see it as it stands.</summary>
    public Task<List<Change<Node>>> NodeHistoryAsync(Viewer viewer, string id, CancellationToken ct) =>
        HistoryAsync(viewer, "node", id, GraphState.ReadNode, ct);

    public Task<List<Change<Edge>>> EdgeHistoryAsync(Viewer viewer, string id, CancellationToken ct) =>
        HistoryAsync(viewer, "edge", id, GraphState.ReadEdge, ct);

    /// <param name="entity">"node" or "edge": the rows are in <c>{entity}s</c>, their versions in <c>{entity}_versions</c>.</param>
    private Task<List<Change<T>>> HistoryAsync<T>(Viewer viewer, string entity, string id, Func<string, Model.Stamp, T> read, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            var parameters = new List<(string, object?)> { ("id", id) };
            var visible = VisibilitySql.VisibleRow($"{entity}s", "r", viewer, parameters);
            // Deleted facts keep their history; a hidden one has none for this viewer.
            if (await c.ScalarAsync<long>(null, $"SELECT COUNT(*) FROM {entity}s r WHERE r.id = @id AND {visible}", ct, [.. parameters]) == 0)
            {
                throw new NotFoundException(entity, id);
            }
            var rows = await c.QueryAsync(null,
                $"SELECT version, change, state, changed_at, changed_by, reason FROM {entity}_versions WHERE {entity}_id = @id ORDER BY version",
                r => (Version: r.GetInt32(0), Change: r.GetString(1), State: r.GetString(2), At: r.Instant(3), By: r.GetString(4), Reason: r.NullableString(5)),
                ct, ("id", id));
            if (rows.Count == 0)
            {
                throw new NotFoundException(entity, id);
            }
            var created = rows[0];
            return rows.Select(v => new Change<T>(v.Version, Codes.Parse<ChangeKind>(v.Change),
                read(v.State, new Model.Stamp(v.Version, created.At, created.By, v.At, v.By)), v.At, v.By, v.Reason)).ToList();
        }, ct);

    private static string[] Sides(Direction direction) => direction switch
    {
        Direction.Outgoing => ["source_id"],
        Direction.Incoming => ["target_id"],
        _ => ["source_id", "target_id"],
    };

    private static (string Filter, List<(string, object?)> Parameters) EdgeFilter(Viewer viewer, IReadOnlyCollection<EdgeKind>? kinds, DateOnly? asOf)
    {
        var parameters = new List<(string, object?)> { ("asOf", asOf ?? default) };
        var filter = $"NOT e.deleted AND {GraphRows.ValidOn("e", asOf)} AND {VisibilitySql.VisibleEdge("e", viewer, parameters)}";
        if (kinds is { Count: > 0 })
        {
            var (list, kindParameters) = SqlList.Of("ek", kinds.Select(Codes.Of));
            filter += $" AND e.kind IN ({list})";
            parameters.AddRange(kindParameters);
        }
        return (filter, parameters);
    }

    private static Page<T> ToPage<T>(List<T> rows, int first, int total, Func<T, string> cursor)
    {
        var hasNext = rows.Count > first;
        var items = hasNext ? rows.GetRange(0, first) : rows;
        return new Page<T>(items, total, items.Count > 0 ? cursor(items[^1]) : null, hasNext);
    }
}
