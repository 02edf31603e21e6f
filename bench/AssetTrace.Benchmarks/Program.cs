using AssetTrace.Benchmarks;
using AssetTrace.Benchmarks.Reporting;

// Ownership analytics at national scale (issue #3): see README.md beside this file.
var root = RepositoryRoot();
var command = "dotnet run -c Release --project bench/AssetTrace.Benchmarks -- " + string.Join(' ', args.Select(Quote));
if (args is ["import", .. var importArgs])
{
    // The interchange import benchmark (issue #4): Import/ImportCommand.cs.
    return await AssetTrace.Benchmarks.Import.ImportCommand.RunAsync(importArgs, root, command);
}
if (args is ["screen", .. var screenArgs])
{
    // Screening of a list of names (issue #14): Screening/ScreenCommand.cs.
    return await AssetTrace.Benchmarks.Screening.ScreenCommand.RunAsync(screenArgs, root, command);
}
if (args is ["console", .. var consoleArgs])
{
    // The web console's performance (issue #13): Console/ConsoleCommand.cs.
    return await AssetTrace.Benchmarks.ConsolePages.ConsoleCommand.RunAsync(consoleArgs, root, command);
}
if (args is ["names", .. var namesArgs])
{
    // The name matcher against pg_trgm (issue #14): Names/NamesCommand.cs.
    return await AssetTrace.Benchmarks.Names.NamesCommand.RunAsync(namesArgs, root, command);
}
if (args is ["assistant", .. var assistantArgs])
{
    // The investigator's assistant on a large graph (issue #17): Recovery/AssistantCommand.cs.
    return await AssetTrace.Benchmarks.Recovery.AssistantCommand.RunAsync(assistantArgs, root, command);
}
if (args is ["roster", .. var rosterArgs])
{
    // The Commission's candidate list on a large graph (issue #16): Roster/RosterCommand.cs.
    return await AssetTrace.Benchmarks.Roster.RosterCommand.RunAsync(rosterArgs, root, command);
}
if (args is ["warm", .. var warmArgs])
{
    // The first analytics answer after a restart, with and without the snapshot file (issue #18): Warm/WarmCommand.cs.
    return await AssetTrace.Benchmarks.Warm.WarmCommand.RunAsync(warmArgs, root, command);
}
if (args is ["scaleout", .. var scaleOutArgs])
{
    // Writes while reading, and two servers on one PostgreSQL and Redis (issue #18): ScaleOut/ScaleOutCommand.cs.
    return await AssetTrace.Benchmarks.ScaleOut.ScaleOutCommand.RunAsync(scaleOutArgs, root, command);
}
if (args is ["compare", .. var compareArgs])
{
    // Builds of the server taking turns under one GraphQL load (issue #14): Server/CompareCommand.cs.
    return await AssetTrace.Benchmarks.Server.CompareCommand.RunAsync(compareArgs, root, command);
}
if (args is ["watch", .. var watchArgs])
{
    // The open-source watch's crawl rate and memory (issue #15): Watch/WatchCommand.cs.
    return await AssetTrace.Benchmarks.Watch.WatchCommand.RunAsync(watchArgs, command);
}
BenchOptions options;
try
{
    options = BenchOptions.Parse(args, root);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var results = await new BenchmarkRun(options, TimeProvider.System, Console.Out).RunAsync(command, CancellationToken.None);
var report = ReportWriter.Write(results);
var output = Path.IsPathRooted(options.Out) ? options.Out : Path.Combine(root, options.Out);
await File.WriteAllTextAsync(output, report);
Console.WriteLine($"Wrote {output}");
var disagreements = results.Stores.Sum(s => s.Disagreements);
if (disagreements > 0)
{
    Console.Error.WriteLine($"{disagreements} answers differ between the engine and the baselines: see the report.");
    return 1;
}
return 0;

static string Quote(string arg) => arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or ';' or '|' or '&' or '<' or '>') ? $"\"{arg}\"" : arg;

// The directory holding AssetTrace.sln, so relative paths mean the same from anywhere.
static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "AssetTrace.sln")))
        {
            return directory.FullName;
        }
    }
    return Environment.CurrentDirectory;
}
