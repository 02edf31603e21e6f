using System.CommandLine;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Audit.Checkpoints;
using AssetTrace.Common;
using AssetTrace.Hosting;
using AssetTrace.Operations.Backup;
using AssetTrace.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace AssetTrace.Cli;

/// <summary>
/// <c>assettrace backup FILE</c>: a consistent backup of the whole store, also while the server runs.
/// <c>assettrace restore FILE</c>: into an empty store only; then the audit log is verified and the store
/// compared with the backup's manifest. Exit codes: 0 done and matching, 1 restored but not matching
/// (or the audit log does not verify), 2 refused (damaged file, non-empty store, wrong key) with nothing changed (#19).
/// </summary>
public static class BackupCommands
{
    public static IEnumerable<Command> Create(StartDirectory start)
    {
        var backupFile = new Argument<string>("file") { Description = "The backup file to write (a new file; e.g. assettrace-2026-12-06.backup)." };
        var backup = new Command("backup", "Write a consistent backup of the whole store (graph, cases, requests, mail, audit log and checkpoints, scheduler) while the server runs; audited.")
        {
            backupFile,
        };
        backup.TreatUnmatchedTokensAsErrors = false;
        backup.SetAction((parse, ct) => RunAsync(parse.UnmatchedTokens, async services =>
        {
            var database = services.GetRequiredService<Database>();
            if ((await database.ReadAsync(c => StoreCatalogue.ReadAsync(c, null, database.Kind, ct), ct)).Count == 0)
            {
                throw new UserInputException("store", $"{database.Description} holds no tables: there is nothing to back up (is the connection string the server's?).");
            }
            var result = await services.GetRequiredService<StoreBackup>().WriteAsync(start.Resolve(parse.GetValue(backupFile)!), ShellActor.Current(), ct);
            var audit = result.Manifest.Audit;
            Console.WriteLine($"Backed up {database.Description} to {result.Path}: {result.Manifest.Tables.Count} tables, {result.Manifest.Tables.Values.Sum()} rows, {result.Bytes} bytes.");
            Console.WriteLine($"SHA-256 {result.Sha256}; schema version {result.Manifest.SchemaVersion}; audit log: {audit.Entries} entries, last {audit.LastSeq} {audit.LastHash}, signed by key {audit.KeyFingerprint}.");
            Console.WriteLine("The audit signing key is not in the backup: keep a copy of it (keys/audit-signing.pem, or Audit:SigningKeyPath) apart from the backup.");
            return 0;
        }));

        var restoreFile = new Argument<string>("file") { Description = "A file written by 'assettrace backup'." };
        var restore = new Command("restore", "Restore a backup into an empty store (SQLite or PostgreSQL, either way), then verify the audit log and compare with the backup's manifest.")
        {
            restoreFile,
        };
        restore.TreatUnmatchedTokensAsErrors = false;
        restore.SetAction((parse, ct) => RunAsync(parse.UnmatchedTokens, async services =>
        {
            var file = start.Resolve(parse.GetValue(restoreFile)!);
            var report = await services.GetRequiredService<StoreRestore>().RestoreAsync(file, manifest => RequireSigningKey(services, manifest),
                async ct => await services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct), ct);
            await AuditServices.PrepareAuditAsync(services, ct);
            var verification = await services.GetRequiredService<AuditLog>().VerifyAsync(ct);
            return await ReportAsync(services, file, report, verification, ct);
        }));
        return [backup, restore];
    }

    /// <summary>
    /// The backup's checkpoints are signed by the old server's key, which a backup does not carry: this store
    /// must use the same key, or every checkpoint would read as forged. Checked before a key is made.
    /// </summary>
    private static void RequireSigningKey(IServiceProvider services, BackupManifest manifest)
    {
        if (manifest.Audit.KeyFingerprint is not { } fingerprint)
        {
            return;
        }
        var path = services.GetRequiredService<IOptions<AuditOptions>>().Value.KeyPath(services.GetRequiredService<StoreChoice>().DataDirectory);
        if (!File.Exists(path))
        {
            throw new UserInputException("Audit:SigningKeyPath",
                $"the backup's audit log is signed by key {fingerprint}, and there is no key at {path}: copy the old server's keys/audit-signing.pem there " +
                "(readable by this account only), or set Audit:SigningKeyPath to it, and run the restore again. Nothing was changed.");
        }
        var key = services.GetRequiredService<AuditSigningKey>();
        if (key.Fingerprint != fingerprint)
        {
            throw new UserInputException("Audit:SigningKeyPath",
                $"the backup's audit log is signed by key {fingerprint}, but {path} holds key {key.Fingerprint}: use the old server's key file. Nothing was changed.");
        }
    }

    private static async Task<int> ReportAsync(IServiceProvider services, string file, RestoreReport report, AuditVerification verification, CancellationToken ct)
    {
        var database = services.GetRequiredService<Database>();
        Console.WriteLine($"Restored {file} (SHA-256 {report.BackupSha256}, made {report.Manifest.CreatedAt} from {report.Manifest.Source}) into {database.Description}.");
        foreach (var table in report.Tables)
        {
            Console.WriteLine($"  {table.Name,-32} {table.Restored,10} rows{(table.Matches ? "" : $"   MISMATCH: the backup holds {table.Expected}")}");
        }
        var expected = report.Manifest.Audit;
        Console.WriteLine($"Audit log: {report.Audit.Entries} entries (backup: {expected.Entries}), last hash {report.Audit.LastHash} (backup: {expected.LastHash}), signed head {report.Audit.SignedSeq} (backup: {expected.SignedSeq}).");
        Console.WriteLine(verification.Intact
            ? $"audit verify: intact, {verification.EntriesChecked} entries, {verification.CheckpointsChecked} checkpoints checked."
            : $"audit verify: BROKEN at entry {verification.FirstBrokenSeq}: {verification.Problem}");
        var matches = report.Matches && verification.Intact && verification.HeadHash == expected.LastHash;
        var actor = ShellActor.Current();
        await database.WriteAsync(async (c, t) =>
        {
            await services.GetRequiredService<AuditLog>().AppendAsync(c, t, new AuditRecord(actor, "backup.restored", $"backup/{report.BackupSha256}", null,
                JsonSerializer.Serialize(new { file, sha256 = report.BackupSha256, matches, auditIntact = verification.Intact, auditHead = report.Audit.LastHash, rows = report.Tables.Sum(x => x.Restored) }),
                "restore into an empty store"), ct);
            return true;
        }, ct);
        Console.WriteLine(matches ? "The restored store matches the backup." : "The restored store does NOT match the backup: see above.");
        return matches ? 0 : 1;
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> overrides, Func<ServiceProvider, Task<int>> work)
    {
        try
        {
            await using var services = ShellServices.Build(overrides);
            return await work(services);
        }
        catch (UserInputException e)
        {
            e.Errors.ToList().ForEach(error => Console.Error.WriteLine(error.Message));
            return 2;
        }
        catch (Exception e) when (e is ConflictException or AuditKeyException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
