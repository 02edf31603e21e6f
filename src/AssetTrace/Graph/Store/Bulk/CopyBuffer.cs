using System.Runtime.InteropServices;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;
using Npgsql;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>
/// New rows of an import run on PostgreSQL, encoded for binary COPY as they are added and written
/// inside the run's transaction when the chunk ends: a round trip per statement would cost more
/// than everything else the importer does. Tables are written in the order of their foreign keys.
/// Record maps go through a temporary table, so that they keep INSERT … ON CONFLICT's meaning.
/// Each method writes its table's columns in the order its COPY command names them.
/// <para>
/// Two sets of buffers: while one chunk's rows are sent in the background
/// (<see cref="BeginFlushAsync"/>) the next chunk's are added to the other, so the server stores
/// one chunk while the importer works out the next. The connection is the sender's until
/// <see cref="WaitAsync"/> returns: anything else that uses it waits first.
/// </para>
/// </summary>
internal sealed class CopyBuffer(NpgsqlConnection connection) : IAsyncDisposable
{
    private const string StampColumns = "source_kind, source_ref, obtained_at, recorded_by, restriction, version, created_at, created_by, updated_at, updated_by, change_seq";
    private const string VersionColumns = "version, change, state, changed_at, changed_by, reason";
    private const string RecordColumns = "record_key, entity_type, entity_id, owns, as_of, first_run, last_run";

    /// <summary>Each table's COPY command and its buffer; nodes before what refers to them, record maps last, those that may exist through their temporary table.</summary>
    private static readonly (string Copy, Func<Tables, BinaryCopyRows> Rows)[] Order =
    [
        (Copy($"nodes (id, kind, name, properties, valid_from, valid_to, {StampColumns})"), t => t.Nodes),
        (Copy($"edges (id, kind, source_id, target_id, properties, share_low, share_high, valid_from, valid_to, {StampColumns})"), t => t.Edges),
        (Copy("node_name_keys (name_key, node_id)"), t => t.NameKeys),
        (Copy("interchange_identifiers (identifier, node_id)"), t => t.Identifiers),
        (Copy($"node_versions (node_id, {VersionColumns})"), t => t.NodeVersions),
        (Copy($"edge_versions (edge_id, {VersionColumns})"), t => t.EdgeVersions),
        (Copy($"interchange_records ({RecordColumns})"), t => t.NewRecords),
        (Copy($"import_record_stage ({RecordColumns})"), t => t.RecordStage),
    ];

    // Record maps by (key, type), encoded when the chunk is flushed: a record met twice before is one row, as two upserts would leave it.
    private readonly Dictionary<(string Key, string Type), RecordRow> _records = [];
    private Tables _filling = new();
    private Tables _sending = new();
    private Task _pending = Task.CompletedTask;
    private bool _stageCreated;

    public int Count { get; private set; }

    public void Node(Node node, ImportRun run, long seq)
    {
        var rows = Start(_filling.Nodes, 17);
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
        var rows = Start(_filling.Edges, 20);
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

    public void NameKey(string key, string nodeId) => Pair(_filling.NameKeys, key, nodeId);

    public void Identifier(string identifier, string nodeId) => Pair(_filling.Identifiers, identifier, nodeId);

    public void Version(bool isNode, string id, int version, ChangeKind change, string state, ImportRun run, string reason)
    {
        var rows = Start(isNode ? _filling.NodeVersions : _filling.EdgeVersions, 7);
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

    /// <summary>Starts sending the rows held so far (after the rows sent before them) and returns; new rows go to the other buffers.</summary>
    public async Task BeginFlushAsync(CancellationToken ct)
    {
        await _pending;
        if (Count == 0)
        {
            return;
        }
        foreach (var record in _records.Values)
        {
            var rows = Start(record.IsNew ? _filling.NewRecords : _filling.RecordStage, 7);
            rows.Text(record.Key);
            rows.Text(record.Type);
            rows.Text(record.EntityId);
            rows.Boolean(record.Owns);
            rows.Text(record.AsOf);
            rows.Text(record.FirstRun);
            rows.Text(record.LastRun);
        }
        _records.Clear();
        Count = 0;
        (_filling, _sending) = (_sending, _filling);
        _pending = SendAsync(_sending, ct);
    }

    /// <summary>Returns when every row sent so far is in the store and the connection is free.</summary>
    public Task WaitAsync() => _pending;

    /// <summary>Writes every row held and waits until they are in the store.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await BeginFlushAsync(ct);
        await _pending;
    }

    /// <summary>Waits for a send still running, so the connection is free for the rollback that follows a failure.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _pending;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            // The failure that is already unwinding the run is the one to report; the transaction rolls back either way.
        }
    }

    private async Task SendAsync(Tables tables, CancellationToken ct)
    {
        var staged = tables.RecordStage.Count > 0;
        if (staged && !_stageCreated)
        {
            await ExecuteAsync("CREATE TEMPORARY TABLE import_record_stage (LIKE interchange_records) ON COMMIT DROP", ct);
            _stageCreated = true;
        }
        foreach (var table in Order)
        {
            var rows = table.Rows(tables);
            if (rows.Count == 0)
            {
                continue;
            }
            await using (var copy = await connection.BeginRawBinaryCopyAsync(table.Copy, ct))
            {
                await copy.WriteAsync(rows.Complete(), ct);
            }
            rows.Clear();
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

    private void Pair(BinaryCopyRows rows, string first, string second)
    {
        Start(rows, 2);
        rows.Text(first);
        rows.Text(second);
    }

    private BinaryCopyRows Start(BinaryCopyRows rows, short fields)
    {
        rows.Row(fields);
        Count++;
        return rows;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Copy(string tableAndColumns) => $"COPY {tableAndColumns} FROM STDIN (FORMAT BINARY)";

    /// <summary>One buffer per table.</summary>
    private sealed class Tables
    {
        public BinaryCopyRows Nodes { get; } = new();

        public BinaryCopyRows Edges { get; } = new();

        public BinaryCopyRows NameKeys { get; } = new();

        public BinaryCopyRows Identifiers { get; } = new();

        public BinaryCopyRows NodeVersions { get; } = new();

        public BinaryCopyRows EdgeVersions { get; } = new();

        public BinaryCopyRows NewRecords { get; } = new();

        public BinaryCopyRows RecordStage { get; } = new();
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
