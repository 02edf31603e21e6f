using System.CommandLine;
using AssetTrace.Storage;
using AssetTrace.Watch.Snapshots;

namespace AssetTrace.Cli;

/// <summary>
/// <c>assettrace watch verify</c> hashes every snapshot body of the open-source watch again (#15). Exit codes: 0 every
/// body holds, 1 one or more were altered or are missing (each named with its snapshots and both hashes).
/// </summary>
public static class WatchCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "Hash every stored snapshot body again; exit code 1 and the snapshots when one was altered or is missing.");
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = ShellServices.Build(parse.UnmatchedTokens);
            var database = services.GetRequiredService<Database>();
            await services.GetRequiredService<Migrator>().MigrateAsync(ct);
            var result = await new SnapshotVerifier(database).VerifyAsync(ct);
            if (result.Intact)
            {
                Console.WriteLine($"Snapshots of {database.Description}: intact, {result.BodiesChecked} bodies hashed.");
                return 0;
            }
            Console.Error.WriteLine($"Snapshots of {database.Description}: {result.Findings.Count} ALTERED OR MISSING of {result.BodiesChecked} bodies:");
            result.Findings.ToList().ForEach(Console.Error.WriteLine);
            return 1;
        });
        return new Command("watch", "The open-source watch's snapshots.") { verify };
    }
}
