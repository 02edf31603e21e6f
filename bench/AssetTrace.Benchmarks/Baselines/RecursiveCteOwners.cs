using System.Data.Common;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks.Baselines;

/// <summary>A person's effective share of a target as the baseline computes it, in percent.</summary>
public readonly record struct CteOwner(string PersonId, double LowPercent, double HighPercent);

/// <summary>
/// The straightforward way to ask the database for beneficial owners: a recursive CTE that walks
/// up OWNS links valid on the date, multiplying shares, to a depth of 12, and sums per person.
/// Links without a known share end the walk (they add nothing, as in the engine). It counts
/// every chain up to the depth, so on a cross-holding it stops at the depth rather than converging.
/// </summary>
/// <remarks>
/// Note: CROSS JOIN keeps SQLite's join order (chain first, then each owner by primary key).
/// With a plain JOIN, SQLite 3.53 without ANALYZE statistics drives the query from the
/// nodes_kind_name index instead: it visits every person for every target, about 1.5 s a query
/// at 1,000,000 nodes. PostgreSQL plans both forms the same.
/// </remarks>
public sealed class RecursiveCteOwners : IAsyncDisposable
{
    public const string Sql = """
        WITH RECURSIVE chain (owner_id, low, high, depth) AS (
            SELECT e.source_id, e.share_low / 100.0, e.share_high / 100.0, 1
            FROM edges e
            WHERE e.target_id = @target AND e.kind = 'OWNS' AND NOT e.deleted AND e.share_low IS NOT NULL
              AND (e.valid_from IS NULL OR e.valid_from <= @asOf) AND (e.valid_to IS NULL OR e.valid_to >= @asOf)
            UNION ALL
            SELECT e.source_id, c.low * e.share_low / 100.0, c.high * e.share_high / 100.0, c.depth + 1
            FROM chain c JOIN edges e ON e.target_id = c.owner_id
            WHERE c.depth < 12 AND e.kind = 'OWNS' AND NOT e.deleted AND e.share_low IS NOT NULL
              AND (e.valid_from IS NULL OR e.valid_from <= @asOf) AND (e.valid_to IS NULL OR e.valid_to >= @asOf)
        )
        SELECT c.owner_id, CAST(SUM(c.low) AS DOUBLE PRECISION), CAST(SUM(c.high) AS DOUBLE PRECISION)
        FROM chain c CROSS JOIN nodes n
        WHERE n.id = c.owner_id AND n.kind = 'Person' AND NOT n.deleted
        GROUP BY c.owner_id
        HAVING SUM(c.high) >= @threshold
        """;

    private readonly DbConnection _connection;
    private readonly DbCommand _command;

    private RecursiveCteOwners(DbConnection connection, DbCommand command)
    {
        _connection = connection;
        _command = command;
    }

    /// <summary>One open connection and one command, reused for every query, as the engine reuses its snapshot.</summary>
    public static async Task<RecursiveCteOwners> OpenAsync(Database database, DateOnly asOf, double thresholdPercent, CancellationToken ct)
    {
        var connection = await database.OpenAsync(ct);
        // The same slack as the engine's threshold, so that a share of exactly 25% counts in both.
        var command = Database.Command(connection, null, Sql, ("target", ""), ("asOf", asOf), ("threshold", thresholdPercent / 100 - 1e-9));
        command.CommandTimeout = 0;
        return new RecursiveCteOwners(connection, command);
    }

    public async Task<List<CteOwner>> FindAsync(string targetId, CancellationToken ct)
    {
        _command.Parameters["target"].Value = targetId;
        await using var reader = await _command.ExecuteReaderAsync(ct);
        var owners = new List<CteOwner>();
        while (await reader.ReadAsync(ct))
        {
            owners.Add(new CteOwner(reader.GetString(0),
                reader.GetDouble(1) * 100,
                reader.GetDouble(2) * 100));
        }
        return owners;
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
