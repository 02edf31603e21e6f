using AssetTrace.Storage;

namespace AssetTrace.Operations.Backup;

/// <summary>One table's rows in the restored store beside what the backup's manifest says it held.</summary>
public sealed record RestoredTable(string Name, long Expected, long Restored)
{
    public bool Matches => Expected == Restored;
}

/// <summary>
/// What a restore put in the store, compared with the backup's manifest: every table's rows, and the
/// audit log's last entry (which <c>audit verify</c> must then reach under the backup's signed head).
/// </summary>
public sealed record RestoreReport(string BackupSha256, BackupManifest Manifest, IReadOnlyList<RestoredTable> Tables, BackupAuditHead Audit)
{
    public bool Matches => Tables.All(t => t.Matches)
        && Audit.Entries == Manifest.Audit.Entries && Audit.LastHash == Manifest.Audit.LastHash && Audit.SignedHash == Manifest.Audit.SignedHash;

    public static async Task<RestoreReport> CompareAsync(Database database, BackupContents contents, IReadOnlyList<TablePlan> plan, CancellationToken ct) =>
        await database.ReadSnapshotAsync(async (connection, transaction) =>
        {
            var tables = new List<RestoredTable>();
            foreach (var table in plan)
            {
                var restored = await connection.ScalarAsync<long>(transaction, $"SELECT COUNT(*) FROM {StoreCatalogue.Quote(table.Target.Name)}", ct);
                tables.Add(new RestoredTable(table.Source.Name, contents.Manifest.Tables[table.Source.Name], restored));
            }
            return new RestoreReport(contents.Sha256, contents.Manifest, tables, await BackupAuditHead.ReadAsync(connection, transaction, ct));
        }, ct);
}
