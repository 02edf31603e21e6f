using System.Data.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Graph.Store.Bulk;
using AssetTrace.Storage;
using Npgsql;

namespace AssetTrace.Interchange.Import;

/// <summary>A record map row: what a source record became.</summary>
internal readonly record struct MappedRecord(string Id, bool Owns, string? AsOf, string? SupersededBy);

/// <summary>
/// What the items of one chunk will ask the store (record maps, nodes, edges, identifiers), read
/// with a few queries before the chunk is applied instead of several queries per item; the session
/// keeps the answers current as it writes. Cleared after every chunk, so memory stays bounded.
/// An answer that was not read ahead is not known here, and the session asks the store.
/// </summary>
/// <param name="connectionFree">Returns when the connection is free for a query (rows may still be being written on it).</param>
internal sealed class ImportLookups(Func<Task> connectionFree)
{
    // A key present with a null value is known to be absent.
    private readonly Dictionary<(string Key, string Type), MappedRecord?> _records = [];
    private readonly Dictionary<string, (Node Node, bool Deleted)?> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Edge Edge, bool Deleted)?> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _identifiers = new(StringComparer.Ordinal);
    private readonly List<(string Key, string Id, NodeKind Kind)> _liveParties = [];

    // Far below either store's limit of parameters per statement.
    private const int MaxParameters = 2_000;

    /// <summary>The edge ends read ahead whose records map onto live nodes (those that do not are in the record maps).</summary>
    public IReadOnlyList<(string Key, string Id, NodeKind Kind)> LiveParties => _liveParties;

    public bool TryRecord(string key, string type, out MappedRecord? record) => _records.TryGetValue((key, type), out record);

    public bool TryNode(string id, out (Node Node, bool Deleted)? node) => _nodes.TryGetValue(id, out node);

    public bool TryEdge(string id, out (Edge Edge, bool Deleted)? edge) => _edges.TryGetValue(id, out edge);

    public bool TryIdentifier(string identifier, out List<string>? ids) => _identifiers.TryGetValue(identifier, out ids);

    public void SetRecord(string key, string type, MappedRecord? record) => _records[(key, type)] = record;

    public void ForgetRecord(string key, string type) => _records.Remove((key, type));

    public void SetNode(Node node, bool deleted = false) => _nodes[node.Id] = (node, deleted);

    public void SetEdge(Edge edge, bool deleted = false) => _edges[edge.Id] = (edge, deleted);

    /// <summary>A node now carries this identifier (only when the identifier was read ahead; otherwise the store is asked anyway).</summary>
    public void AddIdentifier(string identifier, string nodeId)
    {
        if (_identifiers.TryGetValue(identifier, out var ids) && !ids.Contains(nodeId))
        {
            ids.Add(nodeId);
            ids.Sort(StringComparer.Ordinal);
        }
    }

    public void RemoveIdentifiers(string nodeId)
    {
        foreach (var ids in _identifiers.Values)
        {
            ids.Remove(nodeId);
        }
    }

    public void Clear()
    {
        _records.Clear();
        _nodes.Clear();
        _edges.Clear();
        _identifiers.Clear();
        _liveParties.Clear();
    }

    /// <summary>
    /// Reads record maps for the keys, then the nodes and edges they name and the given ids, and the identifiers' nodes;
    /// for the parties (node records named only as edge ends) their maps and their nodes' kinds, in one query.
    /// </summary>
    /// <param name="mayExist">False for a record key or an imported id the store certainly does not hold (see <see cref="RunWrites"/>):
    /// it is known absent without being asked for.</param>
    public async Task ReadAheadAsync(DbConnection c, DbTransaction t, IReadOnlyCollection<(string Key, string Type)> records, IReadOnlyCollection<string> parties,
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<string> edgeIds, IReadOnlyCollection<string> identifiers, Func<string, bool> mayExist,
        CancellationToken ct)
    {
        await ReadPartiesAsync(c, t, parties, mayExist, ct);
        var wantedNodes = new HashSet<string>(nodeIds, StringComparer.Ordinal);
        var wantedEdges = new HashSet<string>(edgeIds, StringComparer.Ordinal);
        // Ids that a record map or an identifier names are in the store, whatever their form; the others are only asked for if they may be.
        var namedNodes = new HashSet<string>(StringComparer.Ordinal);
        var namedEdges = new HashSet<string>(StringComparer.Ordinal);
        var keys = records.Select(r => r.Key).Where(mayExist).Distinct(StringComparer.Ordinal).ToList();
        foreach (var record in records)
        {
            _records[record] = null;
        }
        await InAsync(c, t, "SELECT record_key, entity_type, entity_id, owns, as_of, superseded_by FROM interchange_records WHERE record_key", keys, r =>
        {
            var key = (r.GetString(0), r.GetString(1));
            if (!_records.ContainsKey(key))
            {
                return;
            }
            var mapped = new MappedRecord(r.GetString(2), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5));
            _records[key] = mapped;
            (key.Item2 == "edge" ? wantedEdges : wantedNodes).Add(mapped.Id);
            (key.Item2 == "edge" ? namedEdges : namedNodes).Add(mapped.Id);
        }, ct);
        foreach (var identifier in identifiers)
        {
            _identifiers[identifier] = [];
        }
        await InAsync(c, t, "SELECT identifier, node_id FROM interchange_identifiers WHERE identifier", [.. identifiers], r =>
        {
            _identifiers[r.GetString(0)].Add(r.GetString(1));
            wantedNodes.Add(r.GetString(1));
            namedNodes.Add(r.GetString(1));
        }, ct);
        foreach (var ids in _identifiers.Values)
        {
            ids.Sort(StringComparer.Ordinal);
        }
        wantedNodes.ExceptWith(_nodes.Keys);
        foreach (var id in wantedNodes)
        {
            _nodes[id] = null;
        }
        await InAsync(c, t, $"SELECT {GraphRows.NodeColumns}, n.deleted FROM nodes n WHERE n.id", [.. wantedNodes.Where(id => namedNodes.Contains(id) || mayExist(id))],
            r => _nodes[r.GetString(0)] = (GraphRows.ReadNode(r), r.GetBoolean(GraphRows.NodeColumnCount)), ct);
        wantedEdges.ExceptWith(_edges.Keys);
        foreach (var id in wantedEdges)
        {
            _edges[id] = null;
        }
        await InAsync(c, t, $"SELECT {GraphRows.EdgeColumns}, e.deleted FROM edges e WHERE e.id", [.. wantedEdges.Where(id => namedEdges.Contains(id) || mayExist(id))],
            r => _edges[r.GetString(0)] = (GraphRows.ReadEdge(r), r.GetBoolean(GraphRows.EdgeColumnCount)), ct);
    }

    private async Task ReadPartiesAsync(DbConnection c, DbTransaction t, IReadOnlyCollection<string> parties, Func<string, bool> mayExist, CancellationToken ct)
    {
        foreach (var key in parties)
        {
            _records[(key, "node")] = null;
        }
        await InAsync(c, t, """
            SELECT r.record_key, r.entity_id, r.owns, r.as_of, r.superseded_by, n.kind, n.deleted
            FROM interchange_records r LEFT JOIN nodes n ON n.id = r.entity_id
            WHERE r.entity_type = 'node' AND r.record_key
            """, [.. parties.Where(mayExist)], r =>
        {
            var key = r.GetString(0);
            var mapped = new MappedRecord(r.GetString(1), r.GetBoolean(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4));
            _records[(key, "node")] = mapped;
            // A mapped node that is gone or deleted is not an end; the session loads it by id if it asks again.
            if (!r.IsDBNull(5) && !r.GetBoolean(6))
            {
                _liveParties.Add((key, mapped.Id, Codes.ParseNodeKind(r.GetString(5))));
            }
        }, ct);
    }

    /// <param name="sql">A query whose last words name the column the values are matched against.</param>
    private async Task InAsync(DbConnection c, DbTransaction t, string sql, List<string> values, Action<DbDataReader> read, CancellationToken ct)
    {
        if (values.Count == 0)
        {
            return;
        }
        await connectionFree();
        if (c is NpgsqlConnection)
        {
            // One array parameter, not thousands of scalar ones: binding each parameter cost the importer more than the lookup cost the server.
            await using var command = Database.Command(c, t, $"{sql} = ANY(@values)", ("values", values.ToArray()));
            await ReadAllAsync(command, read, ct);
            return;
        }
        for (var start = 0; start < values.Count; start += MaxParameters)
        {
            var (list, part) = SqlList.Of("p", values.Skip(start).Take(MaxParameters));
            await using var command = Database.Command(c, t, $"{sql} IN ({list})", part);
            await ReadAllAsync(command, read, ct);
        }
    }

    private static async Task ReadAllAsync(DbCommand command, Action<DbDataReader> read, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            read(reader);
        }
    }
}
