using System.Diagnostics;
using AnyAscii;
using AssetTrace.Benchmarks.Measuring;
using Npgsql;

namespace AssetTrace.Benchmarks.Names;

/// <summary>
/// PostgreSQL's pg_trgm over the same names, the way one would use it for name search: a GIN trigram index,
/// <c>name % query</c> at a similarity threshold, best first. Trigrams know nothing of scripts, so each name is
/// also kept transliterated to ASCII (lower-case, by AnyAscii) and the query is transliterated the same way:
/// pg_trgm's best chance, and the form used for the lookups.
/// </summary>
public sealed class TrigramBaseline : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;

    private TrigramBaseline(NpgsqlDataSource source) => _source = source;

    /// <summary>A fresh database on the server <paramref name="serverConnectionString"/> names, with pg_trgm.</summary>
    public static async Task<TrigramBaseline> CreateAsync(string serverConnectionString, CancellationToken ct)
    {
        const string name = "assettrace_names_bench";
        await using (var server = new NpgsqlConnection(serverConnectionString))
        {
            await server.OpenAsync(ct);
            await Execute(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", ct);
            await Execute(server, $"CREATE DATABASE {name}", ct);
        }
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, CommandTimeout = 0 }.ConnectionString);
        var baseline = new TrigramBaseline(builder.Build());
        await using var connection = await baseline._source.OpenConnectionAsync(ct);
        await Execute(connection, "CREATE EXTENSION IF NOT EXISTS pg_trgm", ct);
        return baseline;
    }

    public static string Ascii(string name) => name.Transliterate().ToLowerInvariant();

    /// <summary>Loads <paramref name="names"/> (ids are their positions) and builds the trigram index; returns how long the index took.</summary>
    public async Task<TimeSpan> LoadAsync(string table, IReadOnlyList<string> names, CancellationToken ct)
    {
        await using var connection = await _source.OpenConnectionAsync(ct);
        await Execute(connection, $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id integer PRIMARY KEY, name text NOT NULL, ascii text NOT NULL)", ct);
        await using (var import = await connection.BeginBinaryImportAsync($"COPY {table} (id, name, ascii) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < names.Count; i++)
            {
                await import.StartRowAsync(ct);
                await import.WriteAsync(i, ct);
                await import.WriteAsync(names[i], ct);
                await import.WriteAsync(Ascii(names[i]), ct);
            }
            await import.CompleteAsync(ct);
        }
        var started = Stopwatch.StartNew();
        await Execute(connection, $"CREATE INDEX ON {table} USING gin (ascii gin_trgm_ops); ANALYZE {table}", ct);
        return started.Elapsed;
    }

    /// <summary>The similarity of each pair, as written and transliterated.</summary>
    public async Task<List<(double Raw, double Ascii)>> SimilaritiesAsync(IReadOnlyList<(string A, string B)> pairs, CancellationToken ct)
    {
        await using var connection = await _source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT similarity(a, b), similarity(x, y) FROM unnest(@a, @b, @x, @y) WITH ORDINALITY AS t(a, b, x, y, n) ORDER BY n", connection);
        command.Parameters.AddWithValue("a", pairs.Select(p => p.A).ToArray());
        command.Parameters.AddWithValue("b", pairs.Select(p => p.B).ToArray());
        command.Parameters.AddWithValue("x", pairs.Select(p => Ascii(p.A)).ToArray());
        command.Parameters.AddWithValue("y", pairs.Select(p => Ascii(p.B)).ToArray());
        var result = new List<(double, double)>(pairs.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add((reader.GetFloat(0), reader.GetFloat(1)));
        }
        return result;
    }

    /// <summary>The ten nearest names by trigram distance (the GIN index serves <c>%</c>; ordering is by similarity).</summary>
    public async Task<List<int>> NearestAsync(string table, string query, double threshold, CancellationToken ct)
    {
        await using var connection = await _source.OpenConnectionAsync(ct);
        await using (var set = new NpgsqlCommand($"SET pg_trgm.similarity_threshold = {threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}", connection))
        {
            await set.ExecuteNonQueryAsync(ct);
        }
        await using var command = new NpgsqlCommand($"SELECT id FROM {table} WHERE ascii % @q ORDER BY similarity(ascii, @q) DESC, id LIMIT 10", connection);
        command.Parameters.AddWithValue("q", Ascii(query));
        var ids = new List<int>(10);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    /// <summary>Each query once, timed, while the budget lasts: how many were answered says how far it got.</summary>
    public async Task<Latencies> LookupsAsync(string table, IReadOnlyList<string> queries, double threshold, TimeSpan budget, CancellationToken ct)
    {
        var times = new Latencies();
        var deadline = Stopwatch.StartNew();
        foreach (var query in queries.Take(20))
        {
            await NearestAsync(table, query, threshold, ct);
        }
        foreach (var query in queries)
        {
            if (deadline.Elapsed > budget)
            {
                break;
            }
            var started = Stopwatch.GetTimestamp();
            await NearestAsync(table, query, threshold, ct);
            times.Add(Stopwatch.GetElapsedTime(started));
        }
        return times;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
