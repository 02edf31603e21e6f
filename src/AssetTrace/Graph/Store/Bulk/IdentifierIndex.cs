using System.Data.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store.Tables;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>
/// Keeps interchange_identifiers current for every node, also those typed in or changed since the
/// last import: before each run, the nodes whose change_seq is above the last one indexed are
/// read again. The write lock is held, so nothing changes meanwhile.
/// </summary>
internal static class IdentifierIndex
{
    private const string StateName = "identifiers_indexed_seq";

    public static async Task CatchUpAsync(DbConnection c, DbTransaction t, CancellationToken ct)
    {
        var indexed = await c.ScalarAsync<long>(t, "SELECT value FROM interchange_state WHERE name = @name", ct, ("name", StateName));
        await using var delete = PreparedCommand.Create(c, t, GraphTables.DeleteKeys(GraphTables.Identifiers), ("node_id", ColumnType.Text));
        await using var insert = PreparedCommand.Create(c, t, GraphTables.InsertKey(GraphTables.Identifiers), GraphTables.Identifiers.Parameters());
        // Pages by id keep memory flat on a large graph (PostgreSQL allows one open reader per connection).
        var after = "";
        while (true)
        {
            var page = await c.QueryAsync(t, $"SELECT {GraphRows.NodeColumns}, n.deleted FROM nodes n WHERE n.change_seq > @seq AND n.id > @after ORDER BY n.id LIMIT 2000",
                r => (Node: GraphRows.ReadNode(r), Deleted: r.GetBoolean(GraphRows.NodeColumnCount)), ct, ("seq", indexed), ("after", after));
            if (page.Count == 0)
            {
                return;
            }
            after = page[^1].Node.Id;
            await IndexAsync(page, delete, insert, ct);
        }
    }

    private static async Task IndexAsync(List<(Node Node, bool Deleted)> page, PreparedCommand delete, PreparedCommand insert, CancellationToken ct)
    {
        foreach (var (node, deleted) in page)
        {
            await delete.Set("node_id", node.Id).ExecuteAsync(ct);
            if (deleted)
            {
                continue;
            }
            foreach (var identifier in NodeIdentifiers.Of(node.Kind, node.Properties))
            {
                await insert.Row(GraphTables.Identifiers, new KeyRow(identifier, node.Id)).ExecuteAsync(ct);
            }
        }
    }

    /// <summary>Everything up to <paramref name="seq"/> is indexed (the run indexes its own writes as it goes).</summary>
    public static Task MarkAsync(DbConnection c, DbTransaction t, long seq, CancellationToken ct) =>
        c.ExecuteAsync(t, "UPDATE interchange_state SET value = @seq WHERE name = @name", ct, ("seq", seq), ("name", StateName));
}
