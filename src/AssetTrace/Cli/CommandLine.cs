using System.CommandLine;
using AssetTrace.Hosting;

namespace AssetTrace.Cli;

/// <summary>
/// <c>assettrace</c> (serve), <c>assettrace audit verify|checkpoint export</c>, <c>assettrace schema …</c>.
/// Unknown options go to the web host, so <c>--urls</c> and configuration overrides work.
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("AssetTrace: asset-recovery tracing and network-request console. Without a command, serves the API.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction(async (parse, ct) =>
        {
            try
            {
                await WebApp.RunAsync([.. parse.UnmatchedTokens], ct);
                return 0;
            }
            catch (Audit.Checkpoints.AuditKeyException e)
            {
                // The server will not sign with a key others may have read or that is damaged: say why, without a stack trace.
                Console.Error.WriteLine($"AssetTrace did not start: {e.Message}");
                return 1;
            }
        });
        root.Subcommands.Add(AuditCommands.Create());
        root.Subcommands.Add(SchemaCommands.Create());
        root.Subcommands.Add(RatesCommands.Create());
        InterchangeCommands.Create().ToList().ForEach(root.Subcommands.Add);
        return await root.Parse(args).InvokeAsync();
    }
}
