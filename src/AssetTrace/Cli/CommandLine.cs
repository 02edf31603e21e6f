using System.CommandLine;
using AssetTrace.Hosting;

namespace AssetTrace.Cli;

/// <summary>
/// <c>assettrace</c> (serve), <c>assettrace audit verify|checkpoint export</c>, <c>assettrace schema …</c>.
/// Unknown options go to the web host, so <c>--urls</c> and configuration overrides work; an unknown
/// command does not start the server (#12): it prints the commands and exits 2.
/// </summary>
public static class CommandLine
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Environment.CurrentDirectory, new InvocationConfiguration());

    /// <param name="currentDirectory">The process's directory when it started, used unless <c>--started-in</c> names another.</param>
    /// <param name="console">Where help and parse errors are written.</param>
    internal static async Task<int> RunAsync(string[] args, string currentDirectory, InvocationConfiguration console)
    {
        var (start, rest) = StartDirectory.Take(args, currentDirectory);
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
        root.Subcommands.Add(AuditCommands.Create(start));
        root.Subcommands.Add(SchemaCommands.Create());
        root.Subcommands.Add(RatesCommands.Create(start));
        root.Subcommands.Add(ScreenCommands.Create(start));
        root.Subcommands.Add(WatchCommands.Create());
        InterchangeCommands.Create(start).ToList().ForEach(root.Subcommands.Add);
        BackupCommands.Create(start).ToList().ForEach(root.Subcommands.Add);

        if (rest is ["help"])
        {
            return await root.Parse(["--help"]).InvokeAsync(console);
        }
        var parsed = root.Parse(rest);
        if (parsed.CommandResult.Command == root && UnknownCommand(parsed.UnmatchedTokens) is { } word)
        {
            console.Error.WriteLine($"'{word}' is not an assettrace command. The commands are:");
            await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = console.Error, Error = console.Error });
            return 2;
        }
        return await parsed.InvokeAsync(console);
    }

    /// <summary>
    /// The word the user meant as a command, if any. The server's own arguments are configuration
    /// (<c>--Key=value</c>, <c>--Key value</c>, <c>/Key=value</c>, <c>Key=value</c>), so a first token
    /// that is none of these is a mistyped command, not something to start the server with.
    /// </summary>
    private static string? UnknownCommand(IReadOnlyList<string> unmatched) =>
        unmatched is [var first, ..] && !first.StartsWith('-') && !first.StartsWith('/') && !first.Contains('=') ? first : null;
}
