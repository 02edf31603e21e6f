using System.Globalization;

namespace AssetTrace.Benchmarks.ConsolePages;

/// <summary>The command line of the console benchmark (<c>console</c> as the first argument).</summary>
public sealed record ConsoleBenchOptions
{
    public int Nodes { get; init; } = 1_000_000;

    public int Seed { get; init; } = 42;

    /// <summary>Where the loaded store is kept between runs (generating and loading a million nodes takes minutes).</summary>
    public string Work { get; init; } = Path.Combine(Path.GetTempPath(), "assettrace-bench");

    /// <summary>Timed repetitions of each browser measurement.</summary>
    public int Runs { get; init; } = 20;

    /// <summary>Search prefixes timed through the suggestions' service call.</summary>
    public int Prefixes { get; init; } = 500;

    public string Out { get; init; } = "/tmp/console-bench.md";

    /// <summary>How long "show more" may go on towards 1,000 nodes before the frames are timed with what is drawn.</summary>
    public TimeSpan GrowBudget { get; init; } = TimeSpan.FromMinutes(5);

    public string ServerDll { get; init; } = "";

    public string Chromium { get; init; } = Environment.GetEnvironmentVariable("ASSETTRACE_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Where to write CPU profiles of the last hub run and of the pan and zoom; null for none (#13).</summary>
    public string? Profile { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/AssetTrace.Benchmarks -- console [options]

          --nodes N            nodes to generate (default 1000000)
          --seed N             generator seed (default 42)
          --work DIR           where the loaded SQLite store is kept and reused (default /tmp/assettrace-bench)
          --runs N             timed repetitions of each browser measurement (default 20)
          --prefixes N         search prefixes timed for the suggestions (default 500)
          --out FILE           the report section (default /tmp/console-bench.md)
          --grow-minutes N     minutes "show more" may take towards 1,000 nodes (default 5)
          --server-dll PATH    the built server (default src/AssetTrace/bin/Release/net10.0/assettrace.dll)
          --chromium PATH      the browser (default $ASSETTRACE_TEST_CHROMIUM or /usr/bin/chromium)
          --profile DIR        also write V8 CPU profiles (.cpuprofile) of the last hub open, its "show more"
                               and the pan and zoom into DIR (sampling slows the page: not for timing runs)
        """;

    /// <summary>The directory of the store for this node count and seed.</summary>
    public string StoreDirectory => Path.Combine(Path.GetFullPath(Work), $"console-sqlite-n{Nodes}-s{Seed}");

    public static ConsoleBenchOptions Parse(string[] args, string repositoryRoot)
    {
        var options = new ConsoleBenchOptions { ServerDll = Path.Combine(repositoryRoot, "src/AssetTrace/bin/Release/net10.0/assettrace.dll") };
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--nodes" => options with { Nodes = Int(Value()) },
                "--seed" => options with { Seed = Int(Value()) },
                "--work" => options with { Work = Value() },
                "--runs" => options with { Runs = Int(Value()) },
                "--prefixes" => options with { Prefixes = Int(Value()) },
                "--out" => options with { Out = Value() },
                "--grow-minutes" => options with { GrowBudget = TimeSpan.FromMinutes(Int(Value())) },
                "--server-dll" => options with { ServerDll = Path.GetFullPath(Value()) },
                "--chromium" => options with { Chromium = Value() },
                "--profile" => options with { Profile = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"unknown option '{name}'.\n{Usage}"),
            };
        }
        return options;
    }

    private static int Int(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"'{value}' is not a positive whole number.");
}
