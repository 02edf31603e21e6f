using System.Data.Common;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Names;
using AssetTrace.Graph.Store.Tables;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Graph.Store;

/// <summary>
/// GraphStore's writes of single rows, from <see cref="GraphTables"/> like the bulk writer's: a node's or an edge's
/// changed columns, its version row (with or without its own audit entry), its search keys; and the reads its writes start from.
/// </summary>
public sealed partial class GraphStore
{
    /// <summary>Writes the <paramref name="groups"/> of a changed node; when its content changed, its search keys are written again.</summary>
    private static async Task WriteNodeChangeAsync(DbConnection c, DbTransaction t, Node node, ColumnGroup groups, long seq, CancellationToken ct)
    {
        await c.ExecuteAsync(t, GraphTables.Nodes.Update(groups), ct, GraphTables.Nodes.Values(new NodeRow(node, seq), groups));
        if ((groups & ColumnGroup.Content) != 0)
        {
            await c.ExecuteAsync(t, GraphTables.DeleteKeys(GraphTables.NameKeys), ct, ("node_id", node.Id));
            await WriteNameKeysAsync(c, t, node, ct);
        }
    }

    /// <summary>Marks a node deleted (<paramref name="gone"/> carries its bumped stamp); it is no longer found by name.</summary>
    private static async Task MarkNodeDeletedAsync(DbConnection c, DbTransaction t, Node gone, long seq, CancellationToken ct)
    {
        await c.ExecuteAsync(t, GraphTables.Nodes.Update(ColumnGroup.Change, GraphTables.Deleted), ct,
            GraphTables.Nodes.Values(new NodeRow(gone, seq), ColumnGroup.Change));
        await c.ExecuteAsync(t, GraphTables.DeleteKeys(GraphTables.NameKeys), ct, ("node_id", gone.Id));
    }

    /// <param name="also">Set besides the groups, e.g. <see cref="GraphTables.Deleted"/>.</param>
    private static Task<int> WriteEdgeChangeAsync(DbConnection c, DbTransaction t, Edge edge, ColumnGroup groups, long seq, CancellationToken ct, string? also = null) =>
        c.ExecuteAsync(t, GraphTables.Edges.Update(groups, also), ct, GraphTables.Edges.Values(new EdgeRow(edge, seq), groups));

    /// <summary>The node's version row and its audit entry, with the state before and after.</summary>
    private async Task RecordNodeVersionAsync(DbConnection c, DbTransaction t, Node node, ChangeKind change, Node? before, string? reason, CancellationToken ct)
    {
        var state = await WriteNodeVersionAsync(c, t, node, change, reason, ct);
        await audit.AppendAsync(c, t, new AuditRecord(node.Stamp.UpdatedBy, $"node.{Codes.Of(change)}", $"node/{node.Id}",
            before is null ? null : GraphState.Of(before), change == ChangeKind.Deleted ? null : state, reason), ct);
    }

    /// <summary>The edge's version row and its audit entry, with the state before and after.</summary>
    private async Task RecordEdgeVersionAsync(DbConnection c, DbTransaction t, Edge edge, ChangeKind change, Edge? before, string? reason, CancellationToken ct)
    {
        var state = await WriteEdgeVersionAsync(c, t, edge, change, reason, ct);
        await audit.AppendAsync(c, t, new AuditRecord(edge.Stamp.UpdatedBy, $"edge.{Codes.Of(change)}", $"edge/{edge.Id}",
            before is null ? null : GraphState.Of(before), change == ChangeKind.Deleted ? null : state, reason), ct);
    }

    /// <summary>The node's version row alone (a merge audits itself, once); returns the state it keeps.</summary>
    private static async Task<string> WriteNodeVersionAsync(DbConnection c, DbTransaction t, Node node, ChangeKind change, string? reason, CancellationToken ct)
    {
        var state = GraphState.Of(node);
        await c.ExecuteAsync(t, GraphTables.NodeVersions.Insert, ct, GraphTables.NodeVersions.Values(
            new VersionRow(node.Id, node.Stamp.Version, change, state, node.Stamp.UpdatedAt, node.Stamp.UpdatedBy, reason)));
        return state;
    }

    private static async Task<string> WriteEdgeVersionAsync(DbConnection c, DbTransaction t, Edge edge, ChangeKind change, string? reason, CancellationToken ct)
    {
        var state = GraphState.Of(edge);
        await c.ExecuteAsync(t, GraphTables.EdgeVersions.Insert, ct, GraphTables.EdgeVersions.Values(
            new VersionRow(edge.Id, edge.Stamp.Version, change, state, edge.Stamp.UpdatedAt, edge.Stamp.UpdatedBy, reason)));
        return state;
    }

    private static async Task WriteNameKeysAsync(DbConnection c, DbTransaction t, Node node, CancellationToken ct)
    {
        foreach (var key in SearchKeys(node))
        {
            await c.ExecuteAsync(t, GraphTables.InsertKey(GraphTables.NameKeys), ct, GraphTables.NameKeys.Values(new KeyRow(key, node.Id)));
        }
    }

    /// <summary>The search keys of a node: those of its name and of every alternate name.</summary>
    public static IEnumerable<string> SearchKeys(Node node)
    {
        var names = new List<string> { node.Name };
        if (node.Properties.TryGetProperty("alternateNames", out var alternates) && alternates.ValueKind == JsonValueKind.Array)
        {
            names.AddRange(alternates.EnumerateArray().Select(a => a.GetString() ?? ""));
        }
        return names.SelectMany(NameKey.Keys).Distinct();
    }

    private static async Task<Node?> TryLoadNodeAsync(DbConnection c, DbTransaction t, string id, CancellationToken ct) =>
        (await c.QueryAsync(t, $"SELECT {GraphRows.NodeColumns} FROM nodes n WHERE n.id = @id AND NOT n.deleted", GraphRows.ReadNode, ct, ("id", id))).SingleOrDefault();

    /// <summary>A live node the actor may see; null for a hidden one, as for one never written.</summary>
    private static async Task<Node?> TryLoadVisibleNodeAsync(DbConnection c, DbTransaction t, string id, Viewer actor, CancellationToken ct) =>
        await TryLoadNodeAsync(c, t, id, ct) is { } node && actor.Sees(node.Provenance.CaseId) ? node : null;

    private static async Task<Node> LoadNodeAsync(DbConnection c, DbTransaction t, string id, Viewer actor, CancellationToken ct) =>
        await TryLoadVisibleNodeAsync(c, t, id, actor, ct) ?? throw new NotFoundException("node", id);

    /// <summary>An edge's end: a missing (or hidden) node there is an input error on that field, not a missing resource.</summary>
    private static async Task<Node> FindLiveNodeAsync(DbConnection c, DbTransaction t, string id, string field, Viewer actor, CancellationToken ct) =>
        await TryLoadVisibleNodeAsync(c, t, id, actor, ct) ?? throw new UserInputException(field, $"no node with id '{id}' exists (it may have been deleted).");

    /// <summary>An edge the actor may see, with both its ends.</summary>
    private static async Task<Edge> LoadEdgeAsync(DbConnection c, DbTransaction t, string id, Viewer actor, CancellationToken ct)
    {
        var parameters = new List<(string, object?)> { ("id", id) };
        var visible = VisibilitySql.VisibleEdge("e", actor, parameters);
        var rows = await c.QueryAsync(t, $"SELECT {GraphRows.EdgeColumns} FROM edges e WHERE e.id = @id AND NOT e.deleted AND {visible}", GraphRows.ReadEdge, ct, [.. parameters]);
        return rows.Count == 1 ? rows[0] : throw new NotFoundException("edge", id);
    }
}
