using System.Diagnostics;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Graph.Model;
using Npgsql;
using NpgsqlTypes;

namespace AssetTrace.Benchmarks.Loading;

/// <summary>
/// Writes generated rows straight into a migrated PostgreSQL database with binary COPY. The
/// secondary indexes and the edges' foreign keys are dropped first and created again after,
/// from the definitions the migrations left in the catalogue, then the tables are analysed
/// (as autovacuum soon would). GraphStore's validation and audit are bypassed: the rows are
/// known to be valid.
/// </summary>
public static class PostgresBulkLoader
{
    private const string GraphTables = "'nodes', 'edges', 'node_name_keys'";

    public static async Task<LoadResult> LoadAsync(string connectionString, GeneratedGraph graph, IReadOnlyList<(string Key, int Node)> nameKeys, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var schema = await SchemaAsync(connection, ct);
        foreach (var (name, _) in schema.ForeignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE edges DROP CONSTRAINT {name}", ct);
        }
        foreach (var (name, _) in schema.Indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}", ct);
        }

        var started = Stopwatch.GetTimestamp();
        await WriteNodesAsync(connection, graph, ct);
        await WriteEdgesAsync(connection, graph, ct);
        await WriteNameKeysAsync(connection, nameKeys, ct);
        var rows = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        foreach (var (_, definition) in schema.Indexes)
        {
            await ExecuteAsync(connection, definition, ct);
        }
        foreach (var (name, definition) in schema.ForeignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE edges ADD CONSTRAINT {name} {definition}", ct);
        }
        await ExecuteAsync(connection, "ANALYZE nodes; ANALYZE edges; ANALYZE node_name_keys", ct);
        var built = Stopwatch.GetElapsedTime(started);

        if (await SchemaAsync(connection, ct) != schema)
        {
            throw new InvalidOperationException("the indexes or foreign keys after the load differ from the migrations' ones.");
        }
        return new LoadResult(graph.Nodes.Count, graph.Edges.Count, nameKeys.Count, rows, built);
    }

    private static async Task WriteNodesAsync(NpgsqlConnection connection, GeneratedGraph graph, CancellationToken ct)
    {
        var sourceRef = BulkRows.SourceRef(graph);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY nodes (id, kind, name, properties, source_kind, source_ref, obtained_at, recorded_by, restriction, version, created_at, created_by, updated_at, updated_by) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(GeneratedGraph.NodeId(i), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(Codes.Of(node.Kind), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(node.Name, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(BulkRows.NodeProperties(node), NpgsqlDbType.Jsonb, ct);
            await WriteProvenanceAsync(copy, sourceRef, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task WriteEdgesAsync(NpgsqlConnection connection, GeneratedGraph graph, CancellationToken ct)
    {
        var sourceRef = BulkRows.SourceRef(graph);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY edges (id, kind, source_id, target_id, properties, share_low, share_high, valid_from, valid_to, source_kind, source_ref, obtained_at, recorded_by, restriction, version, created_at, created_by, updated_at, updated_by) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(GeneratedGraph.EdgeId(i), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(Codes.Of(edge.Kind), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(GeneratedGraph.NodeId(edge.Source), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(GeneratedGraph.NodeId(edge.Target), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(BulkRows.EdgeProperties(edge), NpgsqlDbType.Jsonb, ct);
            await WriteNullableAsync(copy, edge.ShareLow, NpgsqlDbType.Numeric, ct);
            await WriteNullableAsync(copy, edge.ShareHigh, NpgsqlDbType.Numeric, ct);
            await WriteNullableAsync(copy, edge.ValidFrom, NpgsqlDbType.Date, ct);
            await WriteNullableAsync(copy, edge.ValidTo, NpgsqlDbType.Date, ct);
            await WriteProvenanceAsync(copy, sourceRef, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task WriteNameKeysAsync(NpgsqlConnection connection, IReadOnlyList<(string Key, int Node)> nameKeys, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY node_name_keys (name_key, node_id) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (key, node) in nameKeys)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(key, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(GeneratedGraph.NodeId(node), NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>source_kind … updated_by: the columns after the row's own ones, the same for every generated row.</summary>
    private static async Task WriteProvenanceAsync(NpgsqlBinaryImporter copy, string sourceRef, CancellationToken ct)
    {
        await copy.WriteAsync(BulkRows.SourceKind, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(sourceRef, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(BulkRows.Stamp, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(BulkRows.Actor, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(BulkRows.Restriction, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(1, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(BulkRows.Stamp, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(BulkRows.Actor, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(BulkRows.Stamp, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(BulkRows.Actor, NpgsqlDbType.Text, ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct
    {
        if (value is { } present)
        {
            await copy.WriteAsync(present, type, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }

    /// <summary>The secondary indexes of the graph tables and the foreign keys of edges, as the catalogue defines them.</summary>
    private static async Task<Schema> SchemaAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var indexes = await ListAsync(connection, $"""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename IN ({GraphTables})
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            ORDER BY i.indexname
            """, ct);
        var foreignKeys = await ListAsync(connection,
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND conrelid = 'edges'::regclass ORDER BY conname", ct);
        return new Schema(indexes, foreignKeys);
    }

    private static async Task<List<(string, string)>> ListAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record Schema(List<(string Name, string Definition)> Indexes, List<(string Name, string Definition)> ForeignKeys)
    {
        public bool Equals(Schema? other) => other is not null && Indexes.SequenceEqual(other.Indexes) && ForeignKeys.SequenceEqual(other.ForeignKeys);

        public override int GetHashCode() => Indexes.Count;
    }
}
