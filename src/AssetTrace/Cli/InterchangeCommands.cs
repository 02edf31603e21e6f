using System.CommandLine;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;

namespace AssetTrace.Cli;

/// <summary>
/// <c>assettrace import &lt;format&gt; &lt;file or folder&gt;…</c> and <c>assettrace export &lt;format&gt; &lt;output&gt;</c>.
/// Configuration overrides (<c>--ConnectionStrings:Graph=…</c>) pass through as for <c>audit verify</c>.
/// A run is audited (<c>import.completed</c> or <c>import.failed</c>, with files, SHA-256 and counts) and its facts
/// recorded under <see cref="ShellActor"/>: the operating-system user and host (#11).
/// </summary>
public static class InterchangeCommands
{
    /// <param name="start">Where the user typed the command: relative files and folders are read against it (#12).</param>
    public static IEnumerable<Command> Create(StartDirectory start) => [CreateImport(start), ExportCommands.Create(start)];

    private static Command CreateImport(StartDirectory start)
    {
        var format = new Argument<string>("format") { Description = "bods, ftm, icij or un-sanctions." };
        var files = new Argument<string[]>("files") { Description = "Files, or folders whose files are read (ICIJ: the nodes-*.csv and relationships.csv).", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad record and write nothing (default: skip bad records and report them)." };
        var restriction = new Option<string>("--restriction") { Description = "Usage restriction of the imported facts: evidence (default), intelligence_only or consent_required.", DefaultValueFactory = _ => "evidence" };
        // Kept only to refuse it: who imports is the operating-system user (ShellActor), never a name given on the command line.
        var actor = new Option<string?>("--actor") { Description = "No longer accepted: the audit log names the operating-system user and host.", Hidden = true };
        var reportFile = new Option<string?>("--report") { Description = "Write the full report (every problem) as JSON to this file." };
        var command = new Command("import", "Import a file into the graph in one transaction: all of it, or (strict mode, broken file) nothing; audited under the operating-system user and host.")
        {
            format, files, strict, restriction, actor, reportFile,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(actor) is not null)
            {
                Console.Error.WriteLine($"--actor is not accepted: imports are recorded under the operating-system user and host ({ShellActor.Current()}).");
                return 2;
            }
            if (!Codes.TryParse<UsageRestriction>(parse.GetValue(restriction)!, out var usage))
            {
                Console.Error.WriteLine($"--restriction '{parse.GetValue(restriction)}' is not one of evidence, intelligence_only, consent_required.");
                return 2;
            }
            // A variadic argument also takes configuration overrides (--Key=value): give those back to the configuration.
            var (paths, overrides) = Split(parse.GetValue(files)!, parse.UnmatchedTokens);
            await using var services = ShellServices.Build(overrides);
            await services.GetRequiredService<Migrator>().MigrateAsync(ct);
            var importer = services.GetRequiredService<InterchangeImporter>();
            var options = new ImportOptions(ShellActor.Current(), parse.GetValue(strict), usage);
            using var bar = new ConsoleProgress();
            ImportReport report;
            try
            {
                report = await importer.ImportPathsAsync(parse.GetValue(format)!, [.. paths.Select(start.Resolve)], options, bar, ct);
            }
            catch (Common.UserInputException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            bar.Done();
            PrintReport(report);
            if (parse.GetValue(reportFile) is { } path)
            {
                await File.WriteAllTextAsync(start.Resolve(path), report.ToJson().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), ct);
            }
            return report.Committed ? (report.ProblemCount == 0 ? 0 : 3) : 1;
        });
        return command;
    }

    internal static (List<string> Paths, List<string> Overrides) Split(IEnumerable<string> values, IEnumerable<string> unmatched)
    {
        var all = values.ToList();
        var overrides = all.Where(v => v.StartsWith("--", StringComparison.Ordinal)).Concat(unmatched).ToList();
        return (all.Where(v => !v.StartsWith("--", StringComparison.Ordinal)).ToList(), overrides);
    }

    private static void PrintReport(ImportReport report)
    {
        var files = string.Join(", ", report.Files.Select(f => $"{f.Name} ({f.Bytes:N0} bytes, sha256 {f.Sha256})"));
        Console.WriteLine(report.Committed
            ? $"Imported {files} as {report.Format}, run {report.RunId}."
            : $"NOTHING imported from {files}: {report.FailureReason}");
        foreach (var (name, value) in report.Counts())
        {
            Console.WriteLine($"  {name,-18} {value}");
        }
        foreach (var problem in report.Problems.Take(50))
        {
            Console.Error.WriteLine($"  problem: {problem}");
        }
        if (report.ProblemCount > 50)
        {
            Console.Error.WriteLine($"  … and {report.ProblemCount - 50} more problems (use --report to write them all).");
        }
    }
}
