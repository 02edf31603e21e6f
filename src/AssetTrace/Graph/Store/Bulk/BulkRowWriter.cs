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

    /// <summary>A new node: its row, its first version, its name keys and the <paramref name="identifiers"/> it is matched by.</summary>
    /// <param name="reason">Kept with the version: why the store changed (the import run and its file).</param>
    public async Task CreateNodeAsync(Node node, IReadOnlyList<string> identifiers, string reason, CancellationToken ct)
    {
        Writes.Wrote(node.Id);
        if (_copy is null)
        {
            await _sql.InsertNode.Row(GraphTables.Nodes, new NodeRow(node, Seq), GraphTables.ImportWrite).ExecuteAsync(ct);
        }
        else
        {
            _copy.Node(new NodeRow(node, Seq));
        }
        await InsertVersionAsync(true, VersionOf(node.Id, node.Stamp, ChangeKind.Created, GraphState.Of(node), reason), ct);
        await InsertSearchKeysAsync(node, identifiers, ct);
    }

    /// <summary>
    /// A node's new content and provenance with its bumped stamp, its version, and its search keys and identifiers written again.
    /// Who may see it is left as it is: only GraphStore's checks change that (see <see cref="GraphTables.ImportChange"/>).
    /// </summary>
    public async Task ChangeNodeAsync(Node next, IReadOnlyList<string> identifiers, string reason, CancellationToken ct)
    {
        await FlushAsync(ct);
        await _sql.UpdateNode.Row(GraphTables.Nodes, new NodeRow(next, Seq), GraphTables.ImportChange).ExecuteAsync(ct);
        await InsertVersionAsync(true, VersionOf(next.Id, next.Stamp, ChangeKind.Updated, GraphState.Of(next), reason), ct);
        await _sql.DeleteNameKeys.Set("node_id", next.Id).ExecuteAsync(ct);
        await _sql.DeleteIdentifiers.Set("node_id", next.Id).ExecuteAsync(ct);
        await InsertSearchKeysAsync(next, identifiers, ct);
    }

    /// <summary>A new edge and its first version.</summary>
    public async Task CreateEdgeAsync(Edge edge, string reason, CancellationToken ct)
    {
        Writes.Wrote(edge.Id);
        if (_copy is null)
        {
            await _sql.InsertEdge.Row(GraphTables.Edges, new EdgeRow(edge, Seq), GraphTables.ImportWrite).ExecuteAsync(ct);
        }
        else
        {
            _copy.Edge(new EdgeRow(edge, Seq));
        }
        await InsertVersionAsync(false, VersionOf(edge.Id, edge.Stamp, ChangeKind.Created, GraphState.Of(edge), reason), ct);
    }

    /// <summary>An edge's new ends, content and provenance with its bumped stamp, and its version; who may see it is left as it is.</summary>
    public async Task ChangeEdgeAsync(Edge next, string reason, CancellationToken ct)
    {
        await FlushAsync(ct);
        await _sql.UpdateEdge.Row(GraphTables.Edges, new EdgeRow(next, Seq), GraphTables.ImportChange).ExecuteAsync(ct);
        await InsertVersionAsync(false, VersionOf(next.Id, next.Stamp, ChangeKind.Updated, GraphState.Of(next), reason), ct);
    }

    /// <summary>Marks an edge deleted (<paramref name="gone"/> carries its bumped stamp) and keeps its last version.</summary>
    public async Task DeleteEdgeAsync(Edge gone, string reason, CancellationToken ct)
    {
        await FlushAsync(ct);
        await _sql.DeleteEdge.Row(GraphTables.Edges, new EdgeRow(gone, Seq), ColumnGroup.Change).ExecuteAsync(ct);
        await InsertVersionAsync(false, VersionOf(gone.Id, gone.Stamp, ChangeKind.Deleted, GraphState.Of(gone), reason), ct);
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

    private static VersionRow VersionOf(string id, Stamp stamp, ChangeKind change, string state, string reason) =>
        new(id, stamp.Version, change, state, stamp.UpdatedAt, stamp.UpdatedBy, reason);

    private async Task InsertVersionAsync(bool isNode, VersionRow version, CancellationToken ct)
    {
        if (_copy is null)
        {
            await (isNode ? _sql.InsertNodeVersion : _sql.InsertEdgeVersion)
                .Row(isNode ? GraphTables.NodeVersions : GraphTables.EdgeVersions, version).ExecuteAsync(ct);
            return;
        }
        _copy.Version(isNode, version);
    }

    /// <summary>The name keys (<see cref="GraphStore.SearchKeys"/>) and identifiers of a node that has none: new, or its keys just deleted.</summary>
    private async Task InsertSearchKeysAsync(Node node, IReadOnlyList<string> identifiers, CancellationToken ct)
    {
        foreach (var key in GraphStore.SearchKeys(node).Distinct(StringComparer.Ordinal))
        {
            if (_copy is null)
            {
                await _sql.InsertNameKey.Row(GraphTables.NameKeys, new KeyRow(key, node.Id)).ExecuteAsync(ct);
            }
            else
            {
                _copy.NameKey(new KeyRow(key, node.Id));
            }
        }
        foreach (var identifier in identifiers.Distinct(StringComparer.Ordinal))
        {
            if (_copy is null)
            {
                await _sql.InsertIdentifier.Row(GraphTables.Identifiers, new KeyRow(identifier, node.Id)).ExecuteAsync(ct);
            }
            else
            {
                _copy.Identifier(new KeyRow(identifier, node.Id));
            }
        }
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
