namespace AssetTrace.Benchmarks.Names;

/// <summary>The name matcher's benchmark (#14): quality on the labelled set and lookup speed, beside PostgreSQL pg_trgm.</summary>
public static class NamesCommand
{
    public static async Task<int> RunAsync(string[] args, string root, string command)
    {
        _ = root;
        _ = command;
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
        var names = NamePopulation.Generate(count, 42);
        var queries = NamePopulation.Queries(names, 500, 42);
        var figures = MatcherLookups.Run(names, queries, Console.Out);
        Console.WriteLine($"found {figures.Found:P1}");
        await Task.CompletedTask;
        return 0;
    }
}
