using System.CommandLine;
using AssetTrace.Audit;
using AssetTrace.Storage;

namespace AssetTrace.Cli;

/// <summary><c>assettrace audit verify</c>: checks the hash chain of the audit log.</summary>
public static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check every link of the audit log's hash chain; exit code 1 and the first broken entry when it does not hold.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = ShellServices.Build(parse.UnmatchedTokens);
            await services.GetRequiredService<Migrator>().MigrateAsync(ct);
            var result = await services.GetRequiredService<AuditLog>().VerifyAsync(ct);
            var store = services.GetRequiredService<Database>().Description;
            if (result.Intact)
            {
                Console.WriteLine($"Audit log of {store}: intact, {result.EntriesChecked} entries, head {result.HeadHash}.");
                return 0;
            }
            Console.Error.WriteLine($"Audit log of {store}: BROKEN at entry {result.FirstBrokenSeq}: {result.Problem}");
            Console.Error.WriteLine($"{result.EntriesChecked} entries before it hold; the last good hash is {result.HeadHash}.");
            return 1;
        });
        return new Command("audit", "The audit log.") { verify };
    }
}
