using System.Globalization;

namespace AssetTrace.Benchmarks.Names;

/// <summary>The command line of the name-matching benchmark (<c>names</c> as the first argument).</summary>
public sealed record NamesBenchOptions
{
    public IReadOnlyList<int> Sizes { get; init; } = [1_000_000];

    public int Queries { get; init; } = 1_000;

    public int Seed { get; init; } = 42;

    /// <summary>A PostgreSQL superuser connection string; without it pg_trgm is not measured.</summary>
    public string? Postgres { get; init; }

    /// <summary>How long pg_trgm's lookups may run at each size; the report says how many it answered.</summary>
    public TimeSpan TrigramBudget { get; init; } = TimeSpan.FromSeconds(120);

    public string Out { get; init; } = "/tmp/names-bench.md";

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/AssetTrace.Benchmarks -- names [options]

          --names LIST         population sizes, comma-separated (default 1000000)
          --queries N          lookups timed at each size (default 1000)
          --seed N             generator seed (default 42)
          --postgres CS        PostgreSQL superuser connection string, to measure pg_trgm beside the matcher
          --trgm-seconds N     time pg_trgm's lookups may take at each size (default 120)
          --out FILE           the report section (default /tmp/names-bench.md)
        """;

    public static NamesBenchOptions Parse(string[] args)
    {
        var options = new NamesBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--names" => options with { Sizes = [.. Value().Split(',').Select(Int)] },
                "--queries" => options with { Queries = Int(Value()) },
                "--seed" => options with { Seed = Int(Value()) },
                "--postgres" => options with { Postgres = Value() },
                "--trgm-seconds" => options with { TrigramBudget = TimeSpan.FromSeconds(Int(Value())) },
                "--out" => options with { Out = Value() },
                _ => throw new ArgumentException($"unknown option '{name}'.\n{Usage}"),
            };
        }
        return options;
    }

    private static int Int(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{text}' is not a positive whole number.\n{Usage}");
}
