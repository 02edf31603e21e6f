using System.Diagnostics;
using System.Globalization;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Measuring;

namespace AssetTrace.Benchmarks.Baselines;

/// <summary>What python3-igraph answered: hops per pair (−1 for none) and the time of each query.</summary>
public sealed record IgraphResult(string Version, TimeSpan GraphLoad, IReadOnlyList<int> Hops, Latencies Times);

/// <summary>
/// Shortest paths by python3-igraph on the same graph: every generated edge, undirected, as the
/// engine's search with all kinds in both directions and no date sees it. Runs igraph_paths.py
/// (beside this assembly) with the Debian python3, where the Debian package installs igraph.
/// </summary>
public static class IgraphBaseline
{
    public static async Task<IgraphResult> RunAsync(GeneratedGraph graph, IReadOnlyList<(int From, int To)> pairs, string workDirectory, CancellationToken ct)
    {
        Directory.CreateDirectory(workDirectory);
        var edgesFile = Path.Combine(workDirectory, "edges.txt");
        var pairsFile = Path.Combine(workDirectory, "pairs.txt");
        await using (var edges = new StreamWriter(edgesFile))
        {
            foreach (var edge in graph.Edges)
            {
                await edges.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{edge.Source} {edge.Target}"));
            }
        }
        await File.WriteAllLinesAsync(pairsFile, pairs.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.From} {p.To}")), ct);

        var script = Path.Combine(AppContext.BaseDirectory, "igraph_paths.py");
        var start = new ProcessStartInfo(Python, [script, edgesFile, pairsFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"the igraph baseline failed (exit {process.ExitCode}): {await errors}\n" +
                "Install python3-igraph (apt-get install python3-igraph); ./test.sh installs it.");
        }
        return Parse(output);
    }

    /// <summary>The Debian interpreter, where apt installs python3-igraph; another python3 on the PATH may not see it.</summary>
    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private static IgraphResult Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(' ');
        var hops = new List<int>();
        var times = new Latencies();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ');
            hops.Add(int.Parse(parts[0], CultureInfo.InvariantCulture));
            times.Add(double.Parse(parts[1], CultureInfo.InvariantCulture) / 1000);
        }
        var load = TimeSpan.FromSeconds(double.Parse(header[^1], CultureInfo.InvariantCulture));
        return new IgraphResult(header[2], load, hops, times);
    }
}
