using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Benchmarks.Warm;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>
/// Writes while reading, and two servers side by side (issue #18). For each store, the generated graph bulk-loaded
/// and the built server started on it (server A): the 16-client load without search read-only, then again with an
/// analyst writing through the API, each write polled on every server until its target's beneficial owners show it.
/// On PostgreSQL a second server (B) then starts on the same database and Redis with its own snapshot folder: the
/// same answers, the shared cache and the Quartz cluster are checked, and both phases run again split across A and B.
/// </summary>
public static class ScaleOutCommand
{
    public static async Task<int> RunAsync(string[] args, string repositoryRoot, string command)
    {
        var options = CommandOptions.Parse(args, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--nodes"] = "1000000", ["--stores"] = "sqlite,postgres", ["--seed"] = "42", ["--redis"] = "", ["--clients"] = "16",
            ["--seconds"] = "20", ["--writes-per-second"] = "10", ["--compare"] = "50",
            ["--server-dll"] = Path.Combine(repositoryRoot, "src/AssetTrace/bin/Release/net10.0/assettrace.dll"),
            ["--work"] = Path.Combine(Path.GetTempPath(), "assettrace-scaleout-bench"), ["--out"] = "",
        }, "scaleout [--nodes 1000000] [--stores sqlite,postgres] [--postgres CONNECTION] [--redis HOST:PORT] [--seconds 20] " +
           "[--writes-per-second 10] [--clients 16] [--compare 50] [--seed 42] [--server-dll PATH] [--work DIR] [--out FILE.md]", "scaleoutbench");
        if (options is null)
        {
            return 2;
        }
        if (options.Stores.Contains(StoreKind.Postgres) && options["--redis"].Length == 0)
        {
            Console.Error.WriteLine("--stores postgres needs --redis HOST:PORT: the two servers share their analytics cache there.");
            return 2;
        }
        var work = Path.GetFullPath(options["--work"]);
        Directory.CreateDirectory(work);
        var ct = CancellationToken.None;
        var started = DateTimeOffset.UtcNow;
        var settings = new ScaleOutSettings(options.Number("--clients"), options.Number("--seconds"), options.Number("--writes-per-second"), options.Number("--seed"));
        Console.WriteLine($"generating {options.Number("--nodes"):N0} nodes, seed {settings.Seed}");
        var graph = GraphGenerator.Generate(options.Number("--nodes"), settings.Seed);
        var samples = Samples.Draw(graph, 1_000, settings.Seed);
        var run = new ScaleOutRun(graph, samples, settings, options, work);
        foreach (var kind in options.Stores)
        {
            await run.MeasureAsync(kind, await LoadedStore.CreateAsync(kind, work, options, "scaleoutbench", graph, ct), ct);
        }
        await CommandReport.WriteAsync(options, repositoryRoot, command, started, ScaleOutReport.What(settings, graph),
            ScaleOutReport.TargetsHeader, ScaleOutReport.Lines(run), ct, "Benchmarks: writes while reading, and two servers side by side (#18)");
        return run.Defects == 0 ? 0 : 1;
    }
}

/// <summary>What the command measured so far, store by store.</summary>
internal sealed class ScaleOutRun(GeneratedGraph graph, Samples samples, ScaleOutSettings settings, CommandOptions options, string work)
{
    public List<Phase> Phases { get; } = [];

    public List<(string Store, string Server, TimeSpan FirstAnswer)> Starts { get; } = [];

    public List<AnswerComparison> Comparisons { get; } = [];

    public SharedCacheCheck? Cache { get; private set; }

    public string? Cluster { get; private set; }

    /// <summary>Different answers, a shared-cache miss, a failed read or write, or a write never seen: what makes the command exit 1.</summary>
    public int Defects => Comparisons.Sum(c => c.Different) + (Cache is { Shared: false } ? 1 : 0)
        + Phases.Sum(p => p.Writes is { } w ? w.Failures + w.NeverVisible.Values.Sum() : 0) + Phases.Sum(p => p.Load.Failures);

    public async Task MeasureAsync(StoreKind kind, BenchStore store, CancellationToken ct)
    {
        var shared = new Dictionary<string, string?>(store.Settings);
        if (kind == StoreKind.Postgres)
        {
            shared["ConnectionStrings:Redis"] = options["--redis"];
            shared["Analytics:CachePrefix"] = $"scaleout-{Guid.NewGuid():N}:";
        }
        var fileA = SnapshotFile(kind, "A");
        await using var a = await StartAsync(kind, "A", shared, fileA, ct);
        using var sessionA = await GraphQLSession.SignInAsync("A", a.Server, fileA, ct);
        var label = Label(kind);
        await Phase.WarmUpAsync([sessionA], samples, settings, ct);
        Phases.Add(await Phase.RunAsync(label, [sessionA], samples, settings, null, ct));
        Phases.Add(await Phase.RunAsync(label, [sessionA], samples, settings, () => Writes(kind, "a"), ct));
        if (kind != StoreKind.Postgres)
        {
            return;
        }
        var fileB = SnapshotFile(kind, "B");
        await using var b = await StartAsync(kind, "B", shared, fileB, ct);
        using var sessionB = await GraphQLSession.SignInAsync("B", b.Server, fileB, ct);
        await Phase.WarmUpAsync([sessionB], samples, settings, ct);
        Comparisons.Add(await AnswerComparison.RunAsync("B just started, after writes through A", sessionA, sessionB, samples, options.Number("--compare"), ct));
        Cache = await SharedCacheCheck.RunAsync(sessionA, sessionB, samples, 20, ct);
        Cluster = await QuartzCluster.DescribeAsync(store.PostgresConnectionString!, ct);
        Console.WriteLine($"answers: {Comparisons[^1].Different} of {Comparisons[^1].Questions} different; cache: {Cache.Cell}; Quartz: {Cluster}");
        Phases.Add(await Phase.RunAsync(label, [sessionA, sessionB], samples, settings, null, ct));
        Phases.Add(await Phase.RunAsync(label, [sessionA, sessionB], samples, settings, () => Writes(kind, "ab"), ct));
        // After writes through both servers: each must have caught up on the other's.
        Comparisons.Add(await AnswerComparison.RunAsync("after writes through both", sessionA, sessionB, samples, options.Number("--compare"), ct));
    }

    /// <summary>Where a server of this run keeps its snapshot file: a folder of its own (#18: each server with its snapshot).</summary>
    private string SnapshotFile(StoreKind kind, string server) =>
        Path.Combine(work, $"snapshot-{kind}-{server}-{Guid.NewGuid():N}", "analytics-snapshot.bin");

    private static string Label(StoreKind kind) => kind == StoreKind.Sqlite ? "SQLite" : "PostgreSQL + Redis";

    private IEnumerable<OwnershipWrite> Writes(StoreKind kind, string phase) =>
        OwnershipWrite.Sequence(graph, samples, $"scaleout-{kind.ToString().ToLowerInvariant()}-{phase}", settings.Seed + phase.Length);

    /// <summary>
    /// A server with its own snapshot folder, started and asked until its first analytics answer, and its snapshot file
    /// written: the first save follows the first load in the background, and would otherwise fall in the first phase.
    /// </summary>
    private async Task<ServerStart> StartAsync(StoreKind kind, string name, Dictionary<string, string?> shared, string file, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>(shared) { ["Analytics:Snapshot:Directory"] = Path.GetDirectoryName(file) };
        Console.WriteLine($"{kind}: starting server {name}");
        var start = await ServerStart.MeasureAsync(options["--server-dll"], settings, FirstQuestion.For(graph), Path.Combine(work, $"{kind}-{name}.log"), ct);
        Starts.Add((Label(kind), name, start.Answered));
        await ServerStart.WaitForFileAsync(file, ct);
        return start;
    }
}
