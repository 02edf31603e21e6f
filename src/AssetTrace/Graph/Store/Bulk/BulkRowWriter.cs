using System.Data.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store.Tables;
using AssetTrace.Storage;
using Npgsql;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>
/// The graph's writer for many rows in one transaction (an import run): nodes, edges, their
/// versions, search keys and identifiers, and the record maps that name them, all stamped with the
/// transaction's one change_seq and written from <see cref="GraphTables"/>. New rows go, on
/// PostgreSQL, into a <see cref="CopyBuffer"/> written with binary COPY at the end of each chunk; on
/// SQLite (in-process, where a statement costs no round trip) straight through prepared statements.
/// Any other statement, and any read the caller did not read ahead, must come after
/// <see cref="FlushAsync"/>, so that it sees the rows. Every key and id written is also told to
/// <see cref="RunWrites"/>, so later chunks know what they may find.
/// </summary>
internal sealed class BulkRowWriter : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly GraphStatements _sql;
    private readonly CopyBuffer? _copy;

    private BulkRowWriter(DbConnection connection, DbTransaction transaction, long seq, RunWrites writes)
    {
        _connection = connection;
        _transaction = transaction;
        Seq = seq;
        Writes = writes;
        _sql = new GraphStatements(connection, transaction);
        _copy = connection is NpgsqlConnection postgres ? new CopyBuffer(postgres) : null;
    }

    /// <summary>The change_seq every row of the transaction carries.</summary>
    public long Seq { get; }

    /// <summary>What the run wrote, and so what its lookups may find.</summary>
    public RunWrites Writes { get; }

    /// <summary>
    /// Opens the bulk write of one transaction: bumps the graph's version, brings the identifier index up to date and prepares
    /// the statements. <paramref name="idPrefix"/> begins every record key and id the run writes (its format).
    /// </summary>
    public static async Task<BulkRowWriter> OpenAsync(DbConnection c, DbTransaction t, string idPrefix, CancellationToken ct)
    {
        var seq = await GraphVersion.BumpAsync(c, t, ct);
        if (c is NpgsqlConnection)
        {
            // Rows this transaction writes have no statistics until it commits: the planner takes a chunk's lookups by key
            // (IN lists of up to 2,000) to match most of a table and scans it whole, a scan that grows with every chunk
            // (issue #4). Every statement of a run reads by key or writes with COPY, so an index is always the right way.
            await c.ExecuteAsync(t, "SET LOCAL enable_seqscan = off", ct);
        }
        await IdentifierIndex.CatchUpAsync(c, t, ct);
        var writes = await RunWrites.OpenAsync(c, t, idPrefix, ct);
        return new BulkRowWriter(c, t, seq, writes);
    }

    /// <summary>Writes what is held and marks the identifier index current up to this transaction (it indexed its own writes).</summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        await IdentifierIndex.MarkAsync(_connection, _transaction, Seq, ct);
    }

    /// <summary>Writes every row held and waits until they are in the store.</summary>
    public Task FlushAsync(CancellationToken ct) => _copy?.FlushAsync(ct) ?? Task.CompletedTask;

    /// <summary>Starts writing the rows held; reads and statements must <see cref="WaitAsync"/> (or flush) before they use the connection.</summary>
    public Task BeginFlushAsync(CancellationToken ct) => _copy?.BeginFlushAsync(ct) ?? Task.CompletedTask;

    /// <summary>Returns when the rows sent so far are in the store and the connection is free.</summary>
    public Task WaitAsync() => _copy?.WaitAsync() ?? Task.CompletedTask;

    public async Task InsertNodeAsync(Node node, CancellationToken ct)
    {
        Writes.Wrote(node.Id);
        if (_copy is null)
        {
            await _sql.InsertNode.Row(GraphTables.Nodes, new NodeRow(node, Seq)).ExecuteAsync(ct);
            return;
        }
        _copy.Node(new NodeRow(node, Seq));
    }

    /// <summary>
    /// A node's new content and provenance (who may see it is left as it is) and its bumped stamp. Its search keys and
    /// identifiers are removed: write the changed ones with <see cref="InsertNameKeysAsync"/> and <see cref="InsertIdentifiersAsync"/>.
    /// </summary>
    public async Task UpdateNodeAsync(Node next, CancellationToken ct)
    {
        await FlushAsync(ct);
        await _sql.UpdateNode.Row(GraphTables.Nodes, new NodeRow(next, Seq), GraphTables.ImportChange).ExecuteAsync(ct);
        await _sql.DeleteNameKeys.Set("node_id", next.Id).ExecuteAsync(ct);
        await _sql.DeleteIdentifiers.Set("node_id", next.Id).ExecuteAsync(ct);
    }

    public async Task InsertEdgeAsync(Edge edge, CancellationToken ct)
    {
        Writes.Wrote(edge.Id);
        if (_copy is null)
        {
            await _sql.InsertEdge.Row(GraphTables.Edges, new EdgeRow(edge, Seq)).ExecuteAsync(ct);
            return;
        }
        _copy.Edge(new EdgeRow(edge, Seq));
    }

    /// <summary>An edge's new ends, content and provenance (who may see it is left as it is) and its bumped stamp.</summary>
    public async Task UpdateEdgeAsync(Edge next, CancellationToken ct)
    {
        await FlushAsync(ct);
        await _sql.UpdateEdge.Row(GraphTables.Edges, new EdgeRow(next, Seq), GraphTables.ImportChange).ExecuteAsync(ct);
    }

    /// <summary>Marks an edge deleted; <paramref name="gone"/> carries its bumped stamp.</summary>
    public async Task DeleteEdgeAsync(Edge gone, CancellationToken ct)
    {
        await FlushAsync(ct);
        await _sql.DeleteEdge.Row(GraphTables.Edges, new EdgeRow(gone, Seq), ColumnGroup.Change).ExecuteAsync(ct);
    }

    /// <summary>A node's or an edge's version row.</summary>
    public async Task InsertVersionAsync(bool isNode, VersionRow version, CancellationToken ct)
    {
        if (_copy is null)
        {
            await (isNode ? _sql.InsertNodeVersion : _sql.InsertEdgeVersion)
                .Row(isNode ? GraphTables.NodeVersions : GraphTables.EdgeVersions, version).ExecuteAsync(ct);
            return;
        }
        _copy.Version(isNode, version);
    }

    /// <summary>Search keys of a node that has none (new, or its keys just deleted).</summary>
    public async Task InsertNameKeysAsync(string nodeId, IEnumerable<string> keys, CancellationToken ct)
    {
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (_copy is null)
            {
                await _sql.InsertNameKey.Row(GraphTables.NameKeys, new KeyRow(key, nodeId)).ExecuteAsync(ct);
            }
            else
            {
                _copy.NameKey(new KeyRow(key, nodeId));
            }
        }
    }

    /// <summary>Identifiers of a node that has none (new, or its identifiers just deleted).</summary>
    public async Task InsertIdentifiersAsync(string nodeId, IEnumerable<string> identifiers, CancellationToken ct)
    {
        foreach (var identifier in identifiers.Distinct(StringComparer.Ordinal))
        {
            if (_copy is null)
            {
                await _sql.InsertIdentifier.Row(GraphTables.Identifiers, new KeyRow(identifier, nodeId)).ExecuteAsync(ct);
            }
            else
            {
                _copy.Identifier(new KeyRow(identifier, nodeId));
            }
        }
    }

    /// <summary>Maps a source record onto what it became (an upsert: a known record keeps its <c>owns</c>).</summary>
    /// <param name="isNew">The store is known to hold no row for the record yet.</param>
    public async Task RememberRecordAsync(string key, string type, string id, bool owns, string? asOf, string run, bool isNew, CancellationToken ct)
    {
        Writes.Wrote(key);
        if (_copy is null)
        {
            await _sql.UpsertRecordMap.Row(GraphTables.RecordMaps, new RecordMapRow(key, type, id, owns, asOf, run, run)).ExecuteAsync(ct);
            return;
        }
        _copy.Record(key, type, id, owns, asOf, run, isNew);
    }

    /// <summary>A node by id, deleted or not (the rows held are written first).</summary>
    public async Task<(Node Node, bool Deleted)?> LoadNodeAsync(string id, CancellationToken ct)
    {
        await FlushAsync(ct);
        var found = await _sql.LoadNode.Set("id", id).QueryAsync(r => (GraphRows.ReadNode(r), r.GetBoolean(GraphRows.NodeColumnCount)), ct);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>An edge by id, deleted or not (the rows held are written first).</summary>
    public async Task<(Edge Edge, bool Deleted)?> LoadEdgeAsync(string id, CancellationToken ct)
    {
        await FlushAsync(ct);
        var found = await _sql.LoadEdge.Set("id", id).QueryAsync(r => (GraphRows.ReadEdge(r), r.GetBoolean(GraphRows.EdgeColumnCount)), ct);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The nodes that carry an identifier, in id order (the rows held are written first).</summary>
    public async Task<List<string>> NodesWithIdentifierAsync(string identifier, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await _sql.FindIdentifier.Set("identifier", identifier).QueryAsync(r => r.GetString(0), ct);
    }

    /// <summary>
    /// Waits for a COPY still being sent, then frees the statements: a failure must not roll back while rows are still being sent.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }
        await _sql.DisposeAsync();
    }
}
