using System.Diagnostics;
using Npgsql;

namespace AssetTrace.Benchmarks.Import;

/// <summary>How long binary COPY took to write one table's rows, and how many rows it wrote.</summary>
public sealed record CopiedTable(string Table, long Rows, double Seconds);

/// <summary>
/// The baseline: PostgreSQL binary COPY of exactly the rows the importer wrote, into the same
/// tables of a fresh migrated database (indexes and foreign keys in place, as the importer has
/// them), in one transaction. The rows are first read out of the importer's database with COPY TO
/// into files (not timed), so the baseline pays for writing only.
/// </summary>
public static class CopyBaseline
{
    /// <summary>In an order that satisfies the foreign keys. The graph's own rows first: nodes and edges.</summary>
    public static readonly string[] Tables = ["nodes", "edges", "node_name_keys", "node_versions", "edge_versions", "interchange_records", "interchange_identifiers"];

    public static readonly string[] GraphTables = ["nodes", "edges"];

    public static async Task<IReadOnlyList<CopiedTable>> RunAsync(string importedDatabase, string freshDatabase, string work, CancellationToken ct)
    {
        Directory.CreateDirectory(work);
        var columns = new Dictionary<string, string>();
        await using (var source = new NpgsqlConnection(importedDatabase))
        {
            await source.OpenAsync(ct);
            foreach (var table in Tables)
            {
                columns[table] = await ColumnsAsync(source, table, ct);
                await using var file = File.Create(DataFile(work, table));
                await using var copy = await source.BeginRawBinaryCopyAsync($"COPY (SELECT {columns[table]} FROM {table}) TO STDOUT (FORMAT BINARY)", ct);
                await copy.CopyToAsync(file, ct);
            }
        }

        var copied = new List<CopiedTable>();
        await using var target = new NpgsqlConnection(freshDatabase);
        await target.OpenAsync(ct);
        await using (var transaction = await target.BeginTransactionAsync(ct))
        {
            foreach (var table in Tables)
            {
                var started = Stopwatch.GetTimestamp();
                await using (var file = File.OpenRead(DataFile(work, table)))
                await using (var copy = await target.BeginRawBinaryCopyAsync($"COPY {table} ({columns[table]}) FROM STDIN (FORMAT BINARY)", ct))
                {
                    await file.CopyToAsync(copy, ct);
                }
                copied.Add(new CopiedTable(table, 0, Stopwatch.GetElapsedTime(started).TotalSeconds));
            }
            var committing = Stopwatch.GetTimestamp();
            await transaction.CommitAsync(ct);
            // The commit belongs to the baseline's time as it does to the importer's; it is booked to the last table.
            copied[^1] = copied[^1] with { Seconds = copied[^1].Seconds + Stopwatch.GetElapsedTime(committing).TotalSeconds };
        }
        for (var i = 0; i < copied.Count; i++)
        {
            copied[i] = copied[i] with { Rows = await CountAsync(target, copied[i].Table, ct) };
        }
        foreach (var table in Tables)
        {
            File.Delete(DataFile(work, table));
        }
        return copied;
    }

    /// <summary>The rows of each table in a database, to check that the importer and the baseline wrote the same.</summary>
    public static async Task<Dictionary<string, long>> CountRowsAsync(string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            counts[table] = await CountAsync(connection, table, ct);
        }
        return counts;
    }

    private static string DataFile(string work, string table) => Path.Combine(work, $"{table}.copy");

    private static async Task<string> ColumnsAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            connection);
        command.Parameters.AddWithValue("table", table);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
