using System.CommandLine;
using AssetTrace.Audit;
using AssetTrace.Audit.Checkpoints;
using AssetTrace.Common;
using AssetTrace.Storage;

namespace AssetTrace.Cli;

/// <summary>
/// <c>assettrace audit verify [--checkpoint FILE]</c> checks the hash chain against its signed
/// checkpoints; <c>assettrace audit checkpoint export FILE</c> writes the signed head to a file
/// to be kept away from the server. Exit codes: 0 intact, 1 broken, 2 nothing could be checked.
/// </summary>
public static class AuditCommands
{
    /// <param name="start">Where the user typed the command: relative file names are read against it (#12).</param>
    public static Command Create(StartDirectory start)
    {
        var checkpointFile = new Option<string?>("--checkpoint")
        {
            Description = "Also check against a checkpoint exported earlier with 'audit checkpoint export' and kept elsewhere.",
        };
        var verify = new Command("verify", "Check every link of the audit log's hash chain and every signed checkpoint; exit code 1 and what is wrong when they do not hold.")
        {
            checkpointFile,
        };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((parse, ct) => WithAuditAsync(parse.UnmatchedTokens, async (services, log) =>
        {
            var exported = parse.GetValue(checkpointFile) is { } name && start.Resolve(name) is var file
                ? AuditCheckpointFile.Read(await ReadAsync(file, ct), file)
                : null;
            var result = await log.VerifyAsync(ct, exported);
            Report(services.GetRequiredService<Database>().Description, result, exported);
            return result.Intact ? 0 : 1;
        }));

        var exportFile = new Argument<string>("file") { Description = "Where to write the checkpoint (JSON); keep a copy away from the server and its database." };
        var export = new Command("export", "Verify the log, then write its signed head (seq, hash, time, key fingerprint, signature) to a file.")
        {
            exportFile,
        };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction((parse, ct) => WithAuditAsync(parse.UnmatchedTokens, async (services, log) =>
        {
            var result = await log.VerifyAsync(ct);
            if (!result.Intact)
            {
                Report(services.GetRequiredService<Database>().Description, result, null);
                Console.Error.WriteLine("No checkpoint exported: it would vouch for a log that does not hold.");
                return 1;
            }
            if (await log.SignedHeadAsync(ct) is not { } head)
            {
                Console.Error.WriteLine("The audit log is empty: there is no checkpoint to export yet.");
                return 2;
            }
            var file = start.Resolve(parse.GetValue(exportFile)!);
            await File.WriteAllTextAsync(file, AuditCheckpointFile.Write(head), ct);
            Console.WriteLine($"Exported the {head.Describe()} (seq {head.Seq}, hash {head.Hash}, key {head.KeyFingerprint}) to {file}.");
            Console.WriteLine("Keep it where neither the server nor its database administrators can change it; check against it with 'audit verify --checkpoint FILE'.");
            return 0;
        }));

        return new Command("audit", "The audit log.") { verify, new Command("checkpoint", "Signed checkpoints of the audit log.") { export } };
    }

    private static async Task<int> WithAuditAsync(IReadOnlyList<string> overrides, Func<ServiceProvider, AuditLog, Task<int>> work)
    {
        try
        {
            await using var services = ShellServices.Build(overrides);
            await services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
            var log = services.GetRequiredService<AuditLog>();
            if (services.GetRequiredService<AuditSigningKey>().Created)
            {
                // The key was made just now (a store from before signed checkpoints, before the server's
                // first start): seal the log as it stands, as the server would, or from now on the
                // missing head would read as a cut.
                await AuditServices.PrepareAuditAsync(services, CancellationToken.None);
            }
            return await work(services, log);
        }
        catch (AuditKeyException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (UserInputException e)
        {
            e.Errors.ToList().ForEach(Console.Error.WriteLine);
            return 2;
        }
    }

    private static async Task<string> ReadAsync(string file, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllTextAsync(file, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException("--checkpoint", $"{file} cannot be read: {e.Message}");
        }
    }

    private static void Report(string store, AuditVerification result, AuditCheckpoint? exported)
    {
        var against = result.Checkpoint is { } checkpoint
            ? $"signed up to seq {checkpoint.Seq} ({checkpoint.Describe()}, key {checkpoint.KeyFingerprint})"
            : "no signed checkpoint";
        if (result.Intact)
        {
            Console.WriteLine($"Audit log of {store}: intact, {result.EntriesChecked} entries, head {result.HeadHash}, {against}" +
                (exported is null ? "." : $"; agrees with the exported {exported.Describe()} (seq {exported.Seq})."));
            return;
        }
        Console.Error.WriteLine($"Audit log of {store}: BROKEN at entry {result.FirstBrokenSeq}: {result.Problem}");
        foreach (var problem in result.Problems.Skip(1))
        {
            Console.Error.WriteLine($"Also: {problem.Message}");
        }
        Console.Error.WriteLine($"{result.EntriesChecked} entries hold their links; the last good hash is {result.HeadHash}; {result.CheckpointsChecked} checkpoints checked.");
    }
}
