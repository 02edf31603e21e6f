namespace AssetTrace.Benchmarks.Import;

/// <summary><c>import [options]</c>: the import benchmark; <c>import --child SPEC</c>: one measured import (see <see cref="ImportChild"/>).</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, string repositoryRoot, string command)
    {
        if (args is ["--child", var spec])
        {
            return await ImportChild.RunAsync(spec, CancellationToken.None);
        }
        ImportBenchOptions options;
        try
        {
            options = ImportBenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        var results = await new ImportBench(options, Console.Out).RunAsync(command, CancellationToken.None);
        var output = Path.IsPathRooted(options.Out) ? options.Out : Path.Combine(repositoryRoot, options.Out);
        await File.WriteAllTextAsync(output, ImportReportWriter.Write(results));
        Console.WriteLine($"Wrote {output}");
        foreach (var line in results.Disagreements())
        {
            Console.Error.WriteLine(line);
        }
        return results.Disagreements().Count == 0 ? 0 : 1;
    }
}
