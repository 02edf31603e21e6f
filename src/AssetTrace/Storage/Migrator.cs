using System.Reflection;

namespace AssetTrace.Storage;

/// <summary>
/// Applies the versioned, forward-only SQL scripts in Storage/Migrations/{Sqlite,Postgres}
/// at start. Each script runs in its own transaction with the write lock held, so two
/// servers starting together cannot both apply it.
/// </summary>
public sealed class Migrator(Database database, TimeProvider clock, ILogger<Migrator> logger)
{
    /// <param name="upTo">Stop after this version: a restore brings a new store to its backup's version first (#19).</param>
    public async Task MigrateAsync(CancellationToken ct, int? upTo = null)
    {
        await using (var connection = await database.OpenAsync(ct))
        {
            await connection.ExecuteAsync(null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)", ct);
        }

        foreach (var (version, name, sql) in Scripts(database.Kind).Where(s => upTo is null || s.Version <= upTo))
        {
            var applied = await database.WriteAsync(async (connection, transaction) =>
            {
                var done = await connection.ScalarAsync<long?>(transaction,
                    "SELECT COUNT(*) FROM schema_migrations WHERE version = @v", ct, ("v", version));
                if (done > 0)
                {
                    return false;
                }
                await connection.ExecuteAsync(transaction, sql, ct);
                await connection.ExecuteAsync(transaction,
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @at)", ct,
                    ("v", version), ("n", name), ("at", clock.GetUtcNow().ToString("O")));
                return true;
            }, ct);
            if (applied)
            {
                logger.LogInformation("Applied migration {Version} {Name} to {Store}", version, name, database.Description);
            }
        }
    }

    /// <summary>The scripts for a store, ordered by the number their file name starts with.</summary>
    public static IEnumerable<(int Version, string Name, string Sql)> Scripts(StoreKind kind)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"AssetTrace.Storage.Migrations.{kind}.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Order())
        {
            var name = resource[prefix.Length..^".sql".Length];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (version, name, reader.ReadToEnd());
        }
    }
}
