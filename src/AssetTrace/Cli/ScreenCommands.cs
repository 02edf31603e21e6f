using System.CommandLine;
using AssetTrace.Common;
using AssetTrace.Matching.Screening;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Cli;

/// <summary>
/// <c>assettrace screen FILE.csv [--out FILE.csv] [--top N]</c> (#14): each name of the file with its best
/// matches and what stands behind them, as CSV for a spreadsheet. The shell sees the whole graph, as for
/// an export, and the run is audited (<c>screening.completed</c>) under <see cref="ShellActor"/>.
/// </summary>
public static class ScreenCommands
{
    /// <param name="start">Where the user typed the command: relative files are read and written against it (#12).</param>
    public static Command Create(StartDirectory start)
    {
        var file = new Argument<string>("file") { Description = "CSV with a header: name (required), birthDate, country, identifier." };
        var output = new Option<string?>("--out") { Description = "Write the matches here (CSV, UTF-8); default: the input's name with .screened.csv." };
        var top = new Option<int>("--top") { Description = $"Matches per name, best first (at most {ScreenRowChecks.MaxTop}).", DefaultValueFactory = _ => Screener.DefaultTop };
        var command = new Command("screen", $"Screen a list of up to {ScreenRowChecks.MaxRows:N0} names against the graph: the best matches of each, with score, explanation, holdings and connected persons.")
        {
            file, output, top,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var input = start.Resolve(parse.GetValue(file)!);
            var target = start.Resolve(parse.GetValue(output) ?? Path.ChangeExtension(input, ".screened.csv"));
            List<ScreenRow> rows;
            try
            {
                rows = ScreeningCsv.Read(input, parse.GetValue(top));
            }
            catch (UserInputException e)
            {
                foreach (var fault in e.Errors)
                {
                    await error.WriteLineAsync(fault.ToString());
                }
                await error.WriteLineAsync("Nothing was screened and nothing written.");
                return 1;
            }
            await using var services = ShellServices.Build(parse.UnmatchedTokens);
            await services.GetRequiredService<Migrator>().MigrateAsync(ct);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await services.GetRequiredService<Screener>().ScreenAsync(Viewer.System(ShellActor.Current()), rows, parse.GetValue(top), $"shell:{Path.GetFileName(input)}", ct);
            await ScreeningCsv.WriteAsync(target, result, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Screened {rows.Count:N0} names in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s: {result.Rows.Count(r => r.Matches.Count > 0):N0} with matches, {result.MatchCount:N0} matches, written to {target}.");
            return 0;
        });
        return command;
    }
}
