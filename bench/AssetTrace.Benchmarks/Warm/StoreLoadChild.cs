using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks.Warm;

/// <summary>
/// The generated graph made and bulk-loaded in a child process (<c>warm --child-load RESULT</c>), so that the
/// benchmark's own process never holds it. At ten million nodes the generated rows take several GiB that even an
/// aggressive collection did not give back to the system, and the servers measured after need the machine's memory.
/// </summary>
internal static class StoreLoadChild
{
    private sealed record Result(StoreKind Kind, string Location, string Question);

    private const string Database = "warmbench";

    /// <summary>Runs the child and returns the store it loaded and the analytics question for its graph.</summary>
    public static async Task<(BenchStore Store, string Question)> LoadAsync(StoreKind kind, int nodes, int seed, string work, CommandOptions options, CancellationToken ct)
    {
        var resultFile = Path.Combine(work, $"load-{kind}.json");
        File.Delete(resultFile);
        var dll = Path.Combine(AppContext.BaseDirectory, "AssetTrace.Benchmarks.dll");
        string[] args = ["exec", dll, "warm", "--child-load", resultFile, "--stores", kind.ToString(), "--nodes", nodes.ToString(CultureInfo.InvariantCulture),
            "--seed", seed.ToString(CultureInfo.InvariantCulture), "--work", work, .. kind == StoreKind.Postgres ? ["--postgres", options["--postgres"]] : Array.Empty<string>()];
        using var process = Process.Start(new ProcessStartInfo("dotnet", args)) ?? throw new InvalidOperationException("could not start the load's child process.");
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 || !File.Exists(resultFile))
        {
            throw new InvalidOperationException($"the load of {nodes:N0} nodes into {kind} stopped with exit code {process.ExitCode}: see its output above.");
        }
        var result = JsonSerializer.Deserialize<Result>(await File.ReadAllTextAsync(resultFile, ct))
            ?? throw new InvalidOperationException($"{resultFile} holds no result.");
        var store = kind == StoreKind.Sqlite ? BenchStore.ExistingSqlite(result.Location) : BenchStore.ExistingPostgres(result.Location, Database);
        return (store, result.Question);
    }

    /// <summary>The child's work: generate, load, and write where the store is and what to ask it.</summary>
    public static async Task<int> RunAsync(string resultFile, CommandOptions options, CancellationToken ct)
    {
        var kind = options.Stores.Single();
        var (nodes, seed) = (options.Number("--nodes"), options.Number("--seed"));
        Console.WriteLine($"generating {nodes:N0} nodes, seed {seed}");
        var graph = GraphGenerator.Generate(nodes, seed);
        var store = await LoadedStore.CreateAsync(kind, Path.GetFullPath(options["--work"]), options, Database, graph, ct);
        var location = kind == StoreKind.Sqlite ? store.Settings["Storage:DataDirectory"]! : options["--postgres"];
        await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(new Result(kind, location, FirstQuestion.For(graph))), ct);
        return 0;
    }
}
