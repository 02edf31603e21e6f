using System.Diagnostics;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Graph.Model;
using Microsoft.Data.Sqlite;

namespace AssetTrace.Benchmarks.Loading;

/// <summary>
/// Writes generated rows straight into a migrated SQLite file: one transaction, one prepared
/// command per table reused for every row, secondary indexes dropped first and created again
/// after from the very statements the migrations left in sqlite_master. Journal and sync are
/// relaxed for the load only; GraphStore's validation and audit are bypassed (the rows are
/// known to be valid).
/// </summary>
public static class SqliteBulkLoader
{
    private static readonly string[] Tables = ["nodes", "edges", "node_name_keys"];

    public static LoadResult Load(string file, GeneratedGraph graph, IReadOnlyList<(string Key, int Node)> nameKeys)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        var indexes = SecondaryIndexes(connection);
        foreach (var (name, _) in indexes)
        {
            Execute(connection, $"DROP INDEX {name}");
        }

        var started = Stopwatch.GetTimestamp();
        using (var transaction = connection.BeginTransaction())
        {
            WriteNodes(connection, transaction, graph);
            WriteEdges(connection, transaction, graph);
            WriteNameKeys(connection, transaction, nameKeys);
            transaction.Commit();
        }
        var rows = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        foreach (var (_, sql) in indexes)
        {
            Execute(connection, sql);
        }
        // The foreign keys were not checked row by row; check them all once.
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA foreign_key_check(edges)";
            using var reader = check.ExecuteReader();
            if (reader.Read())
            {
                throw new InvalidOperationException("the generated edges point at nodes that were not written.");
            }
        }
        var built = Stopwatch.GetElapsedTime(started);
        if (!SecondaryIndexes(connection).SequenceEqual(indexes))
        {
            throw new InvalidOperationException("the indexes after the load differ from the migrations' ones.");
        }
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        return new LoadResult(graph.Nodes.Count, graph.Edges.Count, nameKeys.Count, rows, built);
    }

    private static void WriteNodes(SqliteConnection connection, SqliteTransaction transaction, GeneratedGraph graph)
    {
        using var insert = Prepare(connection, transaction, """
            INSERT INTO nodes (id, kind, name, properties, source_kind, source_ref, obtained_at, recorded_by, restriction, version, created_at, created_by, updated_at, updated_by)
            VALUES ($id, $kind, $name, $properties, $source, $ref, $stamp, $actor, $restriction, 1, $stamp, $actor, $stamp, $actor)
            """, "$id", "$kind", "$name", "$properties", "$source", "$ref", "$stamp", "$actor", "$restriction");
        var p = insert.Parameters;
        p["$source"].Value = BulkRows.SourceKind;
        p["$ref"].Value = BulkRows.SourceRef(graph);
        p["$stamp"].Value = BulkRows.Stamp;
        p["$actor"].Value = BulkRows.Actor;
        p["$restriction"].Value = BulkRows.Restriction;
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            p["$id"].Value = GeneratedGraph.NodeId(i);
            p["$kind"].Value = Codes.Of(node.Kind);
            p["$name"].Value = node.Name;
            p["$properties"].Value = BulkRows.NodeProperties(node);
            insert.ExecuteNonQuery();
        }
    }

    private static void WriteEdges(SqliteConnection connection, SqliteTransaction transaction, GeneratedGraph graph)
    {
        using var insert = Prepare(connection, transaction, """
            INSERT INTO edges (id, kind, source_id, target_id, properties, share_low, share_high, valid_from, valid_to, source_kind, source_ref, obtained_at, recorded_by, restriction, version, created_at, created_by, updated_at, updated_by)
            VALUES ($id, $kind, $sourceId, $targetId, $properties, $low, $high, $from, $to, $source, $ref, $stamp, $actor, $restriction, 1, $stamp, $actor, $stamp, $actor)
            """, "$id", "$kind", "$sourceId", "$targetId", "$properties", "$low", "$high", "$from", "$to", "$source", "$ref", "$stamp", "$actor", "$restriction");
        var p = insert.Parameters;
        p["$source"].Value = BulkRows.SourceKind;
        p["$ref"].Value = BulkRows.SourceRef(graph);
        p["$stamp"].Value = BulkRows.Stamp;
        p["$actor"].Value = BulkRows.Actor;
        p["$restriction"].Value = BulkRows.Restriction;
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            p["$id"].Value = GeneratedGraph.EdgeId(i);
            p["$kind"].Value = Codes.Of(edge.Kind);
            p["$sourceId"].Value = GeneratedGraph.NodeId(edge.Source);
            p["$targetId"].Value = GeneratedGraph.NodeId(edge.Target);
            p["$properties"].Value = BulkRows.EdgeProperties(edge);
            p["$low"].Value = (object?)edge.ShareLow ?? DBNull.Value;
            p["$high"].Value = (object?)edge.ShareHigh ?? DBNull.Value;
            p["$from"].Value = (object?)edge.ValidFrom ?? DBNull.Value;
            p["$to"].Value = (object?)edge.ValidTo ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    private static void WriteNameKeys(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<(string Key, int Node)> nameKeys)
    {
        using var insert = Prepare(connection, transaction, "INSERT INTO node_name_keys (name_key, node_id) VALUES ($key, $node)", "$key", "$node");
        foreach (var (key, node) in nameKeys)
        {
            insert.Parameters["$key"].Value = key;
            insert.Parameters["$node"].Value = GeneratedGraph.NodeId(node);
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The indexes the migrations created on the graph tables, apart from those of primary keys.</summary>
    private static List<(string Name, string Sql)> SecondaryIndexes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", Tables.Select(t => $"'{t}'"))}) ORDER BY name";
        using var reader = command.ExecuteReader();
        var indexes = new List<(string, string)>();
        while (reader.Read())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        return indexes;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
