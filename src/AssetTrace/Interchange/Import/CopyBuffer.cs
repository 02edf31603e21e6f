using System.Runtime.InteropServices;
using AssetTrace.Graph.Model;
using Npgsql;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// New rows of an import run on PostgreSQL, encoded for binary COPY as they are added and written
/// inside the run's transaction when the chunk ends: a round trip per statement would cost more
/// than everything else the importer does. Tables are written in the order of their foreign keys.
/// Record maps go through a temporary table, so that they keep INSERT … ON CONFLICT's meaning.
/// Each method writes its table's columns in the order its COPY command names them.
/// </summary>
internal sealed class CopyBuffer(NpgsqlConnection connection)
{
    private const string StampColumns = "source_kind, source_ref, obtained_at, recorded_by, restriction, version, created_at, created_by, updated_at, updated_by, change_seq";
    private const string VersionColumns = "version, change, state, changed_at, changed_by, reason";
    private const string RecordColumns = "record_key, entity_type, entity_id, owns, as_of, first_run, last_run";

    private readonly CopyTable _nodes = new($"nodes (id, kind, name, properties, valid_from, valid_to, {StampColumns})");
    private readonly CopyTable _edges = new($"edges (id, kind, source_id, target_id, properties, share_low, share_high, valid_from, valid_to, {StampColumns})");
    private readonly CopyTable _nameKeys = new("node_name_keys (name_key, node_id)");
    private readonly CopyTable _identifiers = new("interchange_identifiers (identifier, node_id)");
    private readonly CopyTable _nodeVersions = new($"node_versions (node_id, {VersionColumns})");
    private readonly CopyTable _edgeVersions = new($"edge_versions (edge_id, {VersionColumns})");
    private readonly CopyTable _newRecords = new($"interchange_records ({RecordColumns})");
    private readonly CopyTable _recordStage = new($"import_record_stage ({RecordColumns})");

    // Record maps by (key, type), encoded at the flush: a record met twice before it is one row, as two upserts would leave it.
    private readonly Dictionary<(string Key, string Type), RecordRow> _records = [];
    private bool _stageCreated;

    public int Count { get; private set; }

    /// <summary>Nodes before what refers to them; record maps last, those that may exist through their temporary table.</summary>
    private IEnumerable<CopyTable> Order => [_nodes, _edges, _nameKeys, _identifiers, _nodeVersions, _edgeVersions, _newRecords, _recordStage];

    public void Node(Node node, ImportRun run, long seq)
    {
        var rows = Start(_nodes, 17);
        rows.Text(node.Id);
        rows.Text(Codes.Of(node.Kind));
        rows.Text(node.Name);
        rows.Jsonb(JsonMarshal.GetRawUtf8Value(node.Properties));
        rows.Date(node.ValidFrom);
        rows.Date(node.ValidTo);
        Stamp(rows, node.Provenance, run, seq);
    }

    public void Edge(Edge edge, ImportRun run, long seq)
    {
        var rows = Start(_edges, 20);
        rows.Text(edge.Id);
        rows.Text(Codes.Of(edge.Kind));
        rows.Text(edge.SourceId);
        rows.Text(edge.TargetId);
        rows.Jsonb(JsonMarshal.GetRawUtf8Value(edge.Properties));
        rows.Numeric(edge.Share?.Low);
        rows.Numeric(edge.Share?.High);
        rows.Date(edge.ValidFrom);
        rows.Date(edge.ValidTo);
        Stamp(rows, edge.Provenance, run, seq);
    }

    public void NameKey(string key, string nodeId) => Pair(_nameKeys, key, nodeId);

    public void Identifier(string identifier, string nodeId) => Pair(_identifiers, identifier, nodeId);

    public void Version(bool isNode, string id, int version, ChangeKind change, string state, ImportRun run, string reason)
    {
        var rows = Start(isNode ? _nodeVersions : _edgeVersions, 7);
        rows.Text(id);
        rows.Integer(version);
        rows.Text(Codes.Of(change));
        rows.Text(state);
        rows.TimestampTz(run.Now);
        rows.Text(run.Options.Actor);
        rows.Text(reason);
    }

    /// <summary>Like the upsert: a record already held keeps its <c>owns</c> and first run; entity, as-of and last run are replaced.</summary>
    /// <param name="isNew">The store is known to have no row for this record (it was looked for in this chunk), so plain COPY will do.</param>
    public void Record(string key, string type, string entityId, bool owns, string? asOf, string run, bool isNew)
    {
        if (_records.TryGetValue((key, type), out var held))
        {
            held.EntityId = entityId;
            held.AsOf = asOf;
            held.LastRun = run;
            return;
        }
        _records[(key, type)] = new RecordRow(key, type, owns, run, isNew) { EntityId = entityId, AsOf = asOf, LastRun = run };
        Count++;
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (Count == 0)
        {
            return;
        }
        foreach (var record in _records.Values)
        {
            var rows = Start(record.IsNew ? _newRecords : _recordStage, 7);
            rows.Text(record.Key);
            rows.Text(record.Type);
            rows.Text(record.EntityId);
            rows.Boolean(record.Owns);
            rows.Text(record.AsOf);
            rows.Text(record.FirstRun);
            rows.Text(record.LastRun);
        }
        var staged = _recordStage.Rows.Count > 0;
        if (staged && !_stageCreated)
        {
            await ExecuteAsync("CREATE TEMPORARY TABLE import_record_stage (LIKE interchange_records) ON COMMIT DROP", ct);
            _stageCreated = true;
        }
        foreach (var table in Order)
        {
            if (table.Rows.Count == 0)
            {
                continue;
            }
            await using (var copy = await connection.BeginRawBinaryCopyAsync(table.CopyCommand, ct))
            {
                await copy.WriteAsync(table.Rows.Complete(), ct);
            }
            table.Rows.Clear();
        }
        if (staged)
        {
            await ExecuteAsync("""
                INSERT INTO interchange_records (record_key, entity_type, entity_id, owns, as_of, first_run, last_run)
                SELECT record_key, entity_type, entity_id, owns, as_of, first_run, last_run FROM import_record_stage
                ON CONFLICT (record_key, entity_type) DO UPDATE SET entity_id = excluded.entity_id, as_of = excluded.as_of, last_run = excluded.last_run;
                TRUNCATE import_record_stage
                """, ct);
        }
        _records.Clear();
        Count = 0;
    }

    private static void Stamp(BinaryCopyRows rows, Provenance provenance, ImportRun run, long seq)
    {
        rows.Text(Codes.Of(provenance.Source));
        rows.Text(provenance.Reference);
        rows.TimestampTz(provenance.ObtainedAt);
        rows.Text(provenance.RecordedBy);
        rows.Text(Codes.Of(provenance.Restriction));
        rows.Integer(1);
        rows.TimestampTz(run.Now);
        rows.Text(run.Options.Actor);
        rows.TimestampTz(run.Now);
        rows.Text(run.Options.Actor);
        rows.Bigint(seq);
    }

    private void Pair(CopyTable table, string first, string second)
    {
        var rows = Start(table, 2);
        rows.Text(first);
        rows.Text(second);
    }

    private BinaryCopyRows Start(CopyTable table, short fields)
    {
        table.Rows.Row(fields);
        Count++;
        return table.Rows;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed class CopyTable(string tableAndColumns)
    {
        public string CopyCommand { get; } = $"COPY {tableAndColumns} FROM STDIN (FORMAT BINARY)";

        public BinaryCopyRows Rows { get; } = new();
    }

    private sealed class RecordRow(string key, string type, bool owns, string firstRun, bool isNew)
    {
        public string Key { get; } = key;

        public string Type { get; } = type;

        public bool Owns { get; } = owns;

        public string FirstRun { get; } = firstRun;

        public bool IsNew { get; } = isNew;

        public required string EntityId { get; set; }

        public string? AsOf { get; set; }

        public required string LastRun { get; set; }
    }
}
