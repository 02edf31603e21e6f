using Npgsql;
using NpgsqlTypes;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// New rows of an import run on PostgreSQL, held for a moment and written with binary COPY inside
/// the run's transaction: a round trip per statement would cost more than everything else the
/// importer does. Tables are written in the order of their foreign keys. Record maps go through a
/// temporary table, so that they keep INSERT … ON CONFLICT's meaning.
/// </summary>
internal sealed class CopyBuffer(NpgsqlConnection connection)
{
    private static readonly CopyTable Nodes = new("nodes",
        ("id", NpgsqlDbType.Text), ("kind", NpgsqlDbType.Text), ("name", NpgsqlDbType.Text), ("properties", NpgsqlDbType.Jsonb),
        ("valid_from", NpgsqlDbType.Date), ("valid_to", NpgsqlDbType.Date), ("source_kind", NpgsqlDbType.Text), ("source_ref", NpgsqlDbType.Text),
        ("obtained_at", NpgsqlDbType.TimestampTz), ("recorded_by", NpgsqlDbType.Text), ("restriction", NpgsqlDbType.Text), ("version", NpgsqlDbType.Integer),
        ("created_at", NpgsqlDbType.TimestampTz), ("created_by", NpgsqlDbType.Text), ("updated_at", NpgsqlDbType.TimestampTz), ("updated_by", NpgsqlDbType.Text),
        ("change_seq", NpgsqlDbType.Bigint));

    private static readonly CopyTable Edges = new("edges",
        ("id", NpgsqlDbType.Text), ("kind", NpgsqlDbType.Text), ("source_id", NpgsqlDbType.Text), ("target_id", NpgsqlDbType.Text),
        ("properties", NpgsqlDbType.Jsonb), ("share_low", NpgsqlDbType.Numeric), ("share_high", NpgsqlDbType.Numeric),
        ("valid_from", NpgsqlDbType.Date), ("valid_to", NpgsqlDbType.Date), ("source_kind", NpgsqlDbType.Text), ("source_ref", NpgsqlDbType.Text),
        ("obtained_at", NpgsqlDbType.TimestampTz), ("recorded_by", NpgsqlDbType.Text), ("restriction", NpgsqlDbType.Text), ("version", NpgsqlDbType.Integer),
        ("created_at", NpgsqlDbType.TimestampTz), ("created_by", NpgsqlDbType.Text), ("updated_at", NpgsqlDbType.TimestampTz), ("updated_by", NpgsqlDbType.Text),
        ("change_seq", NpgsqlDbType.Bigint));

    private static readonly CopyTable NameKeys = new("node_name_keys", ("name_key", NpgsqlDbType.Text), ("node_id", NpgsqlDbType.Text));

    private static readonly CopyTable Identifiers = new("interchange_identifiers", ("identifier", NpgsqlDbType.Text), ("node_id", NpgsqlDbType.Text));

    private static readonly (string, NpgsqlDbType)[] VersionColumns =
    [
        ("version", NpgsqlDbType.Integer), ("change", NpgsqlDbType.Text), ("state", NpgsqlDbType.Text),
        ("changed_at", NpgsqlDbType.TimestampTz), ("changed_by", NpgsqlDbType.Text), ("reason", NpgsqlDbType.Text),
    ];

    private static readonly CopyTable NodeVersions = new("node_versions", [("node_id", NpgsqlDbType.Text), .. VersionColumns]);

    private static readonly CopyTable EdgeVersions = new("edge_versions", [("edge_id", NpgsqlDbType.Text), .. VersionColumns]);

    private static readonly (string, NpgsqlDbType)[] RecordColumns =
    [
        ("record_key", NpgsqlDbType.Text), ("entity_type", NpgsqlDbType.Text), ("entity_id", NpgsqlDbType.Text), ("owns", NpgsqlDbType.Boolean),
        ("as_of", NpgsqlDbType.Text), ("first_run", NpgsqlDbType.Text), ("last_run", NpgsqlDbType.Text),
    ];

    private static readonly CopyTable NewRecords = new("interchange_records", RecordColumns);

    private static readonly CopyTable RecordStage = new("import_record_stage", RecordColumns);

    /// <summary>Nodes before what refers to them; record maps last, those that may exist through their temporary table.</summary>
    private static readonly CopyTable[] Order = [Nodes, Edges, NameKeys, Identifiers, NodeVersions, EdgeVersions, NewRecords, RecordStage];

    private readonly Dictionary<CopyTable, List<object?[]>> _rows = Order.ToDictionary(t => t, _ => new List<object?[]>());

    // Record maps by (key, type): a record met twice before a flush is one row, as two upserts would leave it.
    private readonly Dictionary<(string Key, string Type), object?[]> _records = [];
    private bool _stageCreated;

    public int Count { get; private set; }

    public void Node(params object?[] row) => Add(Nodes, row);

    public void Edge(params object?[] row) => Add(Edges, row);

    public void NameKey(string key, string nodeId) => Add(NameKeys, [key, nodeId]);

    public void Identifier(string identifier, string nodeId) => Add(Identifiers, [identifier, nodeId]);

    public void NodeVersion(params object?[] row) => Add(NodeVersions, row);

    public void EdgeVersion(params object?[] row) => Add(EdgeVersions, row);

    /// <summary>Like the upsert: a record already held keeps its <c>owns</c> and first run; entity, as-of and last run are replaced.</summary>
    /// <param name="isNew">The store is known to have no row for this record (it was looked for in this chunk), so plain COPY will do.</param>
    public void Record(string key, string type, string entityId, bool owns, string? asOf, string run, bool isNew)
    {
        if (_records.TryGetValue((key, type), out var held))
        {
            held[2] = entityId;
            held[4] = asOf;
            held[6] = run;
            return;
        }
        object?[] row = [key, type, entityId, owns, asOf, run, run];
        _records[(key, type)] = row;
        Add(isNew ? NewRecords : RecordStage, row);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (Count == 0)
        {
            return;
        }
        var staged = _rows[RecordStage].Count > 0;
        if (staged && !_stageCreated)
        {
            await ExecuteAsync("CREATE TEMPORARY TABLE import_record_stage (LIKE interchange_records) ON COMMIT DROP", ct);
            _stageCreated = true;
        }
        foreach (var table in Order)
        {
            var rows = _rows[table];
            if (rows.Count == 0)
            {
                continue;
            }
            await using (var copy = await connection.BeginBinaryImportAsync(table.CopyCommand, ct))
            {
                foreach (var row in rows)
                {
                    // Note: synchronous and typed, value by value: the generic object overload looks the type up for every value,
                    // and an await per value costs more than the write. The importer buffers 64 KiB before the socket is touched.
                    copy.StartRow();
                    for (var i = 0; i < row.Length; i++)
                    {
                        Write(copy, row[i], table.Types[i]);
                    }
                }
                await copy.CompleteAsync(ct);
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
        _records.Clear();
        Count = 0;
    }

    private static void Write(NpgsqlBinaryImporter copy, object? value, NpgsqlDbType type)
    {
        switch (value)
        {
            case null:
                copy.WriteNull();
                break;
            case string text:
                copy.Write(text, type);
                break;
            case int number:
                copy.Write(number, type);
                break;
            case long number:
                copy.Write(number, type);
                break;
            case decimal number:
                copy.Write(number, type);
                break;
            case bool flag:
                copy.Write(flag, type);
                break;
            case DateOnly date:
                copy.Write(date, type);
                break;
            case DateTimeOffset instant:
                copy.Write(instant, type);
                break;
            default:
                throw new InvalidOperationException($"no COPY writer for a {value.GetType().Name}.");
        }
    }

    private void Add(CopyTable table, object?[] row)
    {
        _rows[table].Add(row);
        Count++;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed class CopyTable(string name, params (string Column, NpgsqlDbType Type)[] columns)
    {
        public string CopyCommand { get; } = $"COPY {name} ({string.Join(", ", columns.Select(c => c.Column))}) FROM STDIN (FORMAT BINARY)";

        public NpgsqlDbType[] Types { get; } = [.. columns.Select(c => c.Type)];
    }
}
