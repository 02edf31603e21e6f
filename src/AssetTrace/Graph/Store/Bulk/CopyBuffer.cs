using AssetTrace.Graph.Store.Tables;
using Npgsql;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>
/// New rows of an import run on PostgreSQL, encoded for binary COPY as they are added and written
/// inside the run's transaction when the chunk ends: a round trip per statement would cost more
/// than everything else the importer does. Tables are written in the order of their foreign keys.
/// Record maps go through a temporary table, so that they keep INSERT … ON CONFLICT's meaning.
/// Every table's COPY command and its rows' encoding come from <see cref="GraphTables"/>.
/// <para>
/// Two sets of buffers: while one chunk's rows are sent in the background
/// (<see cref="BeginFlushAsync"/>) the next chunk's are added to the other, so the server stores
/// one chunk while the importer works out the next. The connection is the sender's until
/// <see cref="WaitAsync"/> returns: anything else that uses it waits first.
/// </para>
/// </summary>
internal sealed class CopyBuffer(NpgsqlConnection connection) : IAsyncDisposable
{
    private const string RecordStage = "import_record_stage";

    // Values per row of each table, counted once (see GraphTables.ImportWrite for nodes and edges).
    private static readonly short NodeFields = (short)GraphTables.Nodes.CountOf(GraphTables.ImportWrite);
    private static readonly short EdgeFields = (short)GraphTables.Edges.CountOf(GraphTables.ImportWrite);
    private static readonly short KeyFields = (short)GraphTables.NameKeys.CountOf(ColumnGroup.All);
    private static readonly short VersionFields = (short)GraphTables.NodeVersions.CountOf(ColumnGroup.All);
    private static readonly short RecordFields = (short)GraphTables.RecordMaps.CountOf(ColumnGroup.All);

    /// <summary>Each table's COPY command and its buffer; nodes before what refers to them, record maps last, those that may exist through their temporary table.</summary>
    private static readonly (string Copy, Func<Tables, BinaryCopyRows> Rows)[] Order =
    [
        (GraphTables.Nodes.CopyOf(GraphTables.ImportWrite), t => t.Nodes),
        (GraphTables.Edges.CopyOf(GraphTables.ImportWrite), t => t.Edges),
        (GraphTables.NameKeys.Copy, t => t.NameKeys),
        (GraphTables.Identifiers.Copy, t => t.Identifiers),
        (GraphTables.NodeVersions.Copy, t => t.NodeVersions),
        (GraphTables.EdgeVersions.Copy, t => t.EdgeVersions),
        (GraphTables.RecordMaps.Copy, t => t.NewRecords),
        (GraphTables.RecordMaps.CopyOf(ColumnGroup.All, into: RecordStage), t => t.RecordStage),
    ];

    // Record maps by (key, type), encoded when the chunk is flushed: a record met twice before is one row, as two upserts would leave it.
    private readonly Dictionary<(string Key, string Type), RecordRow> _records = [];
    private Tables _filling = new();
    private Tables _sending = new();
    private Task _pending = Task.CompletedTask;
    private bool _stageCreated;

    public int Count { get; private set; }

    public void Node(NodeRow row) => Add(_filling.Nodes, NodeFields, GraphTables.Nodes, row, GraphTables.ImportWrite);

    public void Edge(EdgeRow row) => Add(_filling.Edges, EdgeFields, GraphTables.Edges, row, GraphTables.ImportWrite);

    public void NameKey(KeyRow row) => Add(_filling.NameKeys, KeyFields, GraphTables.NameKeys, row, ColumnGroup.All);

    public void Identifier(KeyRow row) => Add(_filling.Identifiers, KeyFields, GraphTables.Identifiers, row, ColumnGroup.All);

    public void Version(bool isNode, VersionRow row) =>
        Add(isNode ? _filling.NodeVersions : _filling.EdgeVersions, VersionFields, isNode ? GraphTables.NodeVersions : GraphTables.EdgeVersions, row, ColumnGroup.All);

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
            Add(record.IsNew ? _filling.NewRecords : _filling.RecordStage, RecordFields, GraphTables.RecordMaps,
                new RecordMapRow(record.Key, record.Type, record.EntityId, record.Owns, record.AsOf, record.FirstRun, record.LastRun), ColumnGroup.All);
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
            await ExecuteAsync($"CREATE TEMPORARY TABLE {RecordStage} (LIKE {GraphTables.RecordMaps.Table}) ON COMMIT DROP", ct);
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
            var records = GraphTables.RecordMaps;
            await ExecuteAsync(
                $"INSERT INTO {records.Table} ({records.Names}) SELECT {records.Names} FROM {RecordStage}{GraphTables.OnRecordMapConflict}; TRUNCATE {RecordStage}", ct);
        }
    }

    private void Add<TRow>(BinaryCopyRows rows, short fields, TableColumns<TRow> table, TRow row, ColumnGroup groups)
    {
        rows.Row(fields);
        Count++;
        table.Write(rows, row, groups);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

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
