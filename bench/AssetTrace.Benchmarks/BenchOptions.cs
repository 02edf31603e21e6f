using System.Globalization;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks;

/// <summary>The command line of a run.</summary>
public sealed record BenchOptions
{
    public int Nodes { get; init; } = 1_000_000;

    public int Seed { get; init; } = 42;

    public IReadOnlyList<StoreKind> Stores { get; init; } = [StoreKind.Sqlite, StoreKind.Postgres];

    /// <summary>A PostgreSQL superuser connection string; the run creates its own database there.</summary>
    public string? Postgres { get; init; }

    public string Out { get; init; } = "docs/BENCHMARKS.md";

    /// <summary>Where the SQLite files, igraph's edge list and the server logs go.</summary>
    public string Work { get; init; } = Path.Combine(Path.GetTempPath(), "assettrace-bench");

    /// <summary>Queries per measurement.</summary>
    public int Queries { get; init; } = 1_000;

    public int Clients { get; init; } = 16;

    public TimeSpan LoadDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Name search is timed until all queries ran or this time is up.</summary>
    public TimeSpan SearchBudget { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The built server; empty to skip the GraphQL load.</summary>
    public string? ServerDll { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/AssetTrace.Benchmarks -- [options]

          --nodes N            nodes to generate (default 1000000)
          --seed N             generator seed (default 42)
          --stores LIST        sqlite,postgres (default both)
          --postgres CS        PostgreSQL superuser connection string (needed for postgres)
          --out FILE           the report (default docs/BENCHMARKS.md)
          --work DIR           scratch directory (default /tmp/assettrace-bench)
          --queries N          queries per measurement (default 1000)
          --clients N          concurrent GraphQL clients (default 16)
          --duration S         seconds of GraphQL load (default 20)
          --search-budget S    seconds name search may take per store (default 90)
          --server-dll PATH    the built server (default src/AssetTrace/bin/Release/net10.0/assettrace.dll); "none" skips the GraphQL load
        """;

    public static BenchOptions Parse(string[] args, string repositoryRoot)
    {
        var options = new BenchOptions { ServerDll = Path.Combine(repositoryRoot, "src/AssetTrace/bin/Release/net10.0/assettrace.dll") };
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--nodes" => options with { Nodes = Int(Value()) },
                "--seed" => options with { Seed = Int(Value()) },
                "--stores" => options with { Stores = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseStore)] },
                "--postgres" => options with { Postgres = Value() },
                "--out" => options with { Out = Value() },
                "--work" => options with { Work = Value() },
                "--queries" => options with { Queries = Int(Value()) },
                "--clients" => options with { Clients = Int(Value()) },
                "--duration" => options with { LoadDuration = TimeSpan.FromSeconds(Int(Value())) },
                "--search-budget" => options with { SearchBudget = TimeSpan.FromSeconds(Int(Value())) },
                "--server-dll" => options with { ServerDll = Value() is "none" ? null : Path.GetFullPath(args[i]) },
                _ => throw new ArgumentException($"unknown option '{name}'.\n{Usage}"),
            };
        }
        if (options.Stores.Contains(StoreKind.Postgres) && string.IsNullOrWhiteSpace(options.Postgres))
        {
            throw new ArgumentException("--stores includes postgres: give --postgres with a superuser connection string, or use --stores sqlite.");
        }
        return options;
    }

    private static int Int(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"'{value}' is not a positive whole number.");

    private static StoreKind ParseStore(string value) => value.Trim().ToLowerInvariant() switch
    {
        "sqlite" => StoreKind.Sqlite,
        "postgres" or "postgresql" => StoreKind.Postgres,
        _ => throw new ArgumentException($"unknown store '{value}': use sqlite or postgres."),
    };
}
