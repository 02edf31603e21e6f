using System.Globalization;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks.Import;

/// <summary>The command line of the import benchmark (<c>import</c> as the first argument).</summary>
public sealed record ImportBenchOptions
{
    /// <summary>Generated nodes at the smallest scale; the files hold persons, companies, addresses and the links among them.</summary>
    public int Nodes { get; init; } = 200_000;

    /// <summary>Multiples of <see cref="Nodes"/> to run at, so that memory can be compared as the file grows.</summary>
    public IReadOnlyList<int> Scales { get; init; } = [1, 10];

    public int Seed { get; init; } = 42;

    public IReadOnlyList<string> Formats { get; init; } = ["bods", "icij"];

    public IReadOnlyList<StoreKind> Stores { get; init; } = [StoreKind.Sqlite, StoreKind.Postgres];

    /// <summary>A PostgreSQL superuser connection string; the run creates its own databases there.</summary>
    public string? Postgres { get; init; }

    public string Out { get; init; } = "/tmp/import-bench.md";

    /// <summary>Where the files, the SQLite stores and the COPY data go.</summary>
    public string Work { get; init; } = Path.Combine(Path.GetTempPath(), "assettrace-import-bench");

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/AssetTrace.Benchmarks -- import [options]

          --nodes N            generated nodes at scale 1 (default 200000)
          --scales LIST        multiples of --nodes to run at (default 1,10)
          --seed N             generator seed (default 42)
          --formats LIST       bods,icij (default both)
          --stores LIST        sqlite,postgres (default both)
          --postgres CS        PostgreSQL superuser connection string (needed for postgres, and for the COPY baseline)
          --out FILE           the markdown report (default /tmp/import-bench.md)
          --work DIR           scratch directory (default /tmp/assettrace-import-bench)
        """;

    public static ImportBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ImportBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--nodes" => options with { Nodes = Int(Value()) },
                "--scales" => options with { Scales = [.. List(Value()).Select(Int)] },
                "--seed" => options with { Seed = Int(Value()) },
                "--formats" => options with { Formats = [.. List(Value()).Select(ParseFormat)] },
                "--stores" => options with { Stores = [.. List(Value()).Select(ParseStore)] },
                "--postgres" => options with { Postgres = Value() },
                "--out" => options with { Out = Value() },
                "--work" => options with { Work = Value() },
                _ => throw new ArgumentException($"unknown option '{name}'.\n{Usage}"),
            };
        }
        if (options.Nodes < 1_000)
        {
            throw new ArgumentException($"--nodes {options.Nodes}: generate at least 1000 nodes.");
        }
        if (options.Stores.Contains(StoreKind.Postgres) && string.IsNullOrWhiteSpace(options.Postgres))
        {
            throw new ArgumentException("--stores includes postgres: give --postgres with a superuser connection string, or use --stores sqlite.");
        }
        return options;
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Int(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"'{value}' is not a positive whole number.");

    private static string ParseFormat(string value) => value.ToLowerInvariant() switch
    {
        "bods" => "bods",
        "icij" => "icij",
        _ => throw new ArgumentException($"unknown format '{value}': use bods or icij."),
    };

    private static StoreKind ParseStore(string value) => value.ToLowerInvariant() switch
    {
        "sqlite" => StoreKind.Sqlite,
        "postgres" or "postgresql" => StoreKind.Postgres,
        _ => throw new ArgumentException($"unknown store '{value}': use sqlite or postgres."),
    };
}
