using System.Globalization;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Measuring;
using Npgsql;

namespace AssetTrace.Benchmarks.Server;

/// <summary>
/// Two or more builds of the server under the same GraphQL load with search (<see cref="GraphQLLoad"/>), on one
/// generated PostgreSQL store, taking turns round by round (the order reversed every other round). On two shared
/// cores one load's throughput moves by a fifth from run to run; servers measured back to back, several times, on
/// the same rows are what tells a change from that noise.
/// </summary>
public static class CompareCommand
{
    private const string Database = "assettrace_compare";

    public static async Task<int> RunAsync(string[] args, string repositoryRoot, string command)
    {
        var options = CommandOptions.Parse(args, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--nodes"] = "1000000", ["--stores"] = "postgres", ["--seed"] = "42", ["--rounds"] = "3", ["--duration"] = "20", ["--clients"] = "16",
            ["--servers"] = "", ["--out"] = "",
        }, "compare --postgres CONNECTION --servers NAME=SERVER.dll[|VARIABLE=VALUE],NAME=SERVER.dll [--rounds 3] [--nodes 1000000] [--duration 20] [--clients 16] [--seed 42] [--out FILE.md]", Database);
        if (options is null)
        {
            return 2;
        }
        // NAME=PATH, then any |VARIABLE=VALUE for that server's environment (a runtime setting such as DOTNET_gcServer=0).
        var servers = options["--servers"].Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split('|')).Select(parts => (Spec: parts[0].Split('=', 2), Environment: parts[1..].Select(v => v.Split('=', 2)).ToList()))
            .Select(s => (Name: s.Spec[0], Dll: Path.GetFullPath(s.Spec[^1]), s.Environment)).ToList();
        if (servers.Count < 2 || servers.Any(s => !File.Exists(s.Dll) || s.Environment.Any(v => v.Length != 2)))
        {
            Console.Error.WriteLine("--servers: give two or more NAME=PATH pairs, each the assettrace.dll of a Release build, each optionally followed by |VARIABLE=VALUE.");
            return 2;
        }
        var ct = CancellationToken.None;
        var started = DateTimeOffset.UtcNow;
        var (nodes, seed, clients) = (options.Number("--nodes"), options.Number("--seed"), options.Number("--clients"));
        var duration = TimeSpan.FromSeconds(options.Number("--duration"));
        var graph = GraphGenerator.Generate(nodes, seed);
        var samples = Samples.Draw(graph, 1000, seed);
        var store = await BenchStore.CreatePostgresAsync(options["--postgres"], Database, ct);
        var rows = new List<string>();
        var byServer = servers.ToDictionary(s => s.Name, _ => new List<GraphQLLoadResult>());
        try
        {
            var load = await PostgresBulkLoader.LoadAsync(store.PostgresConnectionString!, graph, BulkRows.NameKeys(graph), ct);
            Console.WriteLine($"{load.TotalRows:N0} rows loaded in {load.Total.TotalSeconds:0} s");
            for (var round = 1; round <= options.Number("--rounds"); round++)
            {
                foreach (var (name, dll, environment) in round % 2 == 1 ? servers : Enumerable.Reverse(servers))
                {
                    var settings = new Dictionary<string, string?>(store.Settings);
                    foreach (var variable in environment)
                    {
                        settings[variable[0]] = variable[1];
                    }
                    await using var server = await ServerProcess.StartAsync(dll, settings, Path.Combine(Path.GetTempPath(), $"assettrace-compare-{name}.log"), ct);
                    var result = await GraphQLLoad.RunAsync(server, samples, clients, duration, seed + round, withSearch: true, ct);
                    byServer[name].Add(result);
                    rows.Add(Row($"{round}", name, result.RequestsPerSecond, result.ByOperation["search"], Latencies.Combined(result.ByOperation.Values), result.Failures));
                    Console.WriteLine(rows[^1]);
                }
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await BenchStore.DropPostgresAsync(options["--postgres"], Database, ct);
        }
        rows.AddRange(byServer.Select(s => Row("all", s.Key, s.Value.Average(r => r.RequestsPerSecond),
            Latencies.Combined(s.Value.Select(r => r.ByOperation["search"])), Latencies.Combined(s.Value.SelectMany(r => r.ByOperation.Values)), s.Value.Sum(r => r.Failures))));
        await CommandReport.WriteAsync(options, repositoryRoot, command, started,
            $"{nodes:N0} generated nodes (seed {seed}) in PostgreSQL; each server started on them in turn and loaded by {clients} clients for {duration.TotalSeconds:0} s "
            + "(a quarter each of `beneficialOwners`, the same with paths' nodes and edges, `search`, `shortestPaths`). \"all\": the rounds' requests together.",
            "| round | server | requests/s | search p50 / p99, ms | every request p99, ms | failures |\n|---|---|---:|---:|---:|---:|", rows, ct);
        return 0;
    }

    private static string Row(string round, string server, double perSecond, Latencies search, Latencies all, int failures) =>
        string.Create(CultureInfo.InvariantCulture, $"| {round} | {server} | {perSecond:0} | {search.P50:0.0} / {search.P99:0.0} | {all.P99:0.0} | {failures} |");
}
