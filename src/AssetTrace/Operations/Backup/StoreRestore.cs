using System.Data.Common;
using System.Text.Json;
using AssetTrace.Common;
using AssetTrace.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AssetTrace.Operations.Backup;

/// <summary>
/// Restores a backup into an empty store (#19): the file is read through and checked first; the store is
/// brought to the backup's schema version, every row is written in one transaction (so a file found
/// wanting halfway leaves the store as empty as it was), then the later migrations run. Works across
/// stores: each value is converted to what the target's column takes (<see cref="RestoreValues"/>).
/// </summary>
public sealed class StoreRestore(Database database, Migrator migrator)
{
    /// <param name="accept">Checks the backup's manifest before anything is written (the CLI: that this store's audit key signed its head); throws to refuse.</param>
    /// <param name="provisionScheduler">Creates Quartz's tables, which Quartz (not the migrations) provisions, when the backup has them.</param>
    public async Task<RestoreReport> RestoreAsync(string path, Action<BackupManifest> accept, Func<CancellationToken, Task> provisionScheduler, CancellationToken ct)
    {
        var contents = await BackupContents.ReadAsync(path, ct);
        accept(contents.Manifest);
        var latest = Migrator.Scripts(database.Kind).Max(s => s.Version);
        if (contents.Manifest.SchemaVersion > latest)
        {
            throw new UserInputException("file", $"{path} was made by a newer AssetTrace (schema version {contents.Manifest.SchemaVersion}; this one knows up to {latest}): restore it with that version or a later one.");
        }
        await RefuseUnlessEmptyAsync(ct);

        await migrator.MigrateAsync(ct, contents.Manifest.SchemaVersion);
        if (contents.Tables.Any(t => IsScheduler(t.Name)))
        {
            await provisionScheduler(ct);
        }
        var targets = await database.ReadAsync(c => StoreCatalogue.ReadAsync(c, null, database.Kind, ct), ct);
        var plan = contents.Tables.Select(t => TablePlan.For(t, targets, path)).ToList();

        await database.WriteAsync(async (connection, transaction) =>
        {
            if (connection is SqliteConnection)
            {
                await connection.ExecuteAsync(transaction, "PRAGMA defer_foreign_keys = ON", ct);
            }
            // The migrations seed a few rows (e.g. the graph's version counter); the backup holds their values.
            foreach (var table in Enumerable.Reverse(plan))
            {
                await connection.ExecuteAsync(transaction, $"DELETE FROM {StoreCatalogue.Quote(table.Target.Name)}", ct);
            }
            await LoadRowsAsync(path, contents.Sha256, plan, connection, transaction, ct);
            if (plan.Any(t => t.Target.Name.Equals(StoreIdentity.Table, StringComparison.OrdinalIgnoreCase)))
            {
                // The restored store is a new store (#18): an analytics snapshot file written from the
                // backed-up one must not be caught up through a change counter that may have moved differently.
                await StoreIdentity.RenewAsync(connection, transaction, ct);
            }
            if (connection is NpgsqlConnection)
            {
                await AdvanceSequencesAsync(connection, transaction, plan, ct);
            }
            return true;
        }, ct);

        await migrator.MigrateAsync(ct);
        return await RestoreReport.CompareAsync(database, contents, plan, ct);
    }

    /// <summary>A restore goes into a new store only: one that has any table at all may hold facts it would mix with the backup's.</summary>
    private async Task RefuseUnlessEmptyAsync(CancellationToken ct)
    {
        var existing = await database.ReadAsync(c => StoreCatalogue.ReadAsync(c, null, database.Kind, ct), ct);
        if (existing.Count > 0)
        {
            var counts = await database.ReadAsync(async c =>
            {
                var rows = new List<string>();
                foreach (var table in existing.Take(5))
                {
                    rows.Add($"{table.Name} ({await c.ScalarAsync<long>(null, $"SELECT COUNT(*) FROM {StoreCatalogue.Quote(table.Name)}", ct)} rows)");
                }
                return rows;
            }, ct);
            throw new ConflictException(
                $"{database.Description} is not empty: it has {existing.Count} tables, e.g. {string.Join(", ", counts)}. " +
                "A restore goes into a new store only, so that nothing is mixed or overwritten: create a new PostgreSQL database, " +
                "or point Storage:DataDirectory at a new folder, and run the restore again. Nothing was changed.");
        }
    }

    private static bool IsScheduler(string table) => table.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase);

    private static async Task LoadRowsAsync(string path, string verifiedSha, List<TablePlan> plan, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        TableLoader? loader = null;
        var next = 0;
        var sha = await BackupFileReader.ReadAsync(path, async element =>
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                await loader!.AddAsync(element, ct);
            }
            else if (element.TryGetProperty("table", out _))
            {
                loader = await TableLoader.OpenAsync(plan[next++], connection, transaction, ct);
            }
            else if (element.TryGetProperty("tableEnd", out _))
            {
                await loader!.CloseAsync(ct);
                loader = null;
            }
        }, ct);
        if (sha != verifiedSha)
        {
            // The file changed between the check and the load: the transaction is rolled back.
            throw new UserInputException("file", $"{path} changed while it was being restored: nothing was restored from it.");
        }
    }

    /// <summary>Identity and serial columns: the next number a new row takes must follow the restored ones.</summary>
    private static async Task AdvanceSequencesAsync(DbConnection connection, DbTransaction transaction, List<TablePlan> plan, CancellationToken ct)
    {
        foreach (var table in plan)
        {
            foreach (var column in table.Target.Columns.Where(c => c.Sequenced))
            {
                var quoted = StoreCatalogue.Quote(column.Name);
                await connection.ExecuteAsync(transaction,
                    $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT MAX({quoted}) FROM {StoreCatalogue.Quote(table.Target.Name)}), 0) + 1, false)",
                    ct, ("table", StoreCatalogue.Quote(table.Target.Name)), ("column", column.Name));
            }
        }
    }
}

/// <summary>Which table and columns of the target store a backup's table goes into (names match without regard to case: Quartz's differ by store).</summary>
public sealed record TablePlan(BackupTable Source, CatalogueTable Target, IReadOnlyList<CatalogueColumn> Columns)
{
    public static TablePlan For(BackupTable source, IReadOnlyList<CatalogueTable> targets, string path)
    {
        var target = targets.FirstOrDefault(t => t.Name.Equals(source.Name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UserInputException("file", $"{path} holds the table {source.Name}, which this store does not have: restore it with the AssetTrace version that made it.");
        var columns = source.Columns.Select(name => target.Columns.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UserInputException("file", $"{path} holds the column {source.Name}.{name}, which this store does not have: restore it with the AssetTrace version that made it.")).ToList();
        return new TablePlan(source, target, columns);
    }
}
