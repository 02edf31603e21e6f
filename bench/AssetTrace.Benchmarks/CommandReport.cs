using AssetTrace.Benchmarks.Reporting;

namespace AssetTrace.Benchmarks;

/// <summary>
/// The report of a large-graph command: when and on what machine it ran, what it measured, its table, printed and
/// written to <c>--out</c> (read against the repository root) as a section for docs/BENCHMARKS.md.
/// </summary>
public static class CommandReport
{
    public static async Task WriteAsync(CommandOptions options, string repositoryRoot, string command, DateTimeOffset started,
        string what, string tableHeader, IEnumerable<string> rows, CancellationToken ct, string? title = null)
    {
        var m = MachineInfo.Read();
        var report = string.Join('\n',
        [
            .. title is null ? Array.Empty<string>() : [$"# {title}", ""],
            $"- Date: {started:yyyy-MM-dd HH:mm} UTC. Command (from the repository root): `{command}`",
            $"- Machine: {m.Cores} cores ({m.CpuModel}), {m.MemoryBytes / 1073741824.0:0.0} GiB memory, {m.OperatingSystem}, {m.Runtime}",
            $"- {what}",
            "",
            tableHeader,
            .. rows,
        ]);
        Console.WriteLine(report);
        if (options["--out"].Length > 0)
        {
            await File.WriteAllTextAsync(Path.IsPathRooted(options["--out"]) ? options["--out"] : Path.Combine(repositoryRoot, options["--out"]), report + "\n", ct);
        }
    }
}
