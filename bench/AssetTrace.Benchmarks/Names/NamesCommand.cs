using AssetTrace.Benchmarks.Measuring;

namespace AssetTrace.Benchmarks.Names;

/// <summary>The name matcher's benchmark (#14): quality on the labelled set and lookup speed, beside PostgreSQL pg_trgm.</summary>
public static class NamesCommand
{
    public static async Task<int> RunAsync(string[] args, string root, string command)
    {
        NamesBenchOptions options;
        try
        {
            options = NamesBenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        var ct = CancellationToken.None;
        var pairs = LabelledQuality.Load(root);
        Console.WriteLine($"Labelled set: {pairs.Count:N0} pairs");
        var matcherQuality = LabelledQuality.Matcher(pairs);
        Console.WriteLine($"  matcher: recall@10 {matcherQuality.RecallAt10:F3}, precision {matcherQuality.Precision:F3} at {matcherQuality.Threshold:F2}");
        await using var trigrams = options.Postgres is { } postgres ? await TrigramBaseline.CreateAsync(postgres, ct) : null;
        (QualityFigures Raw, QualityFigures Ascii)? trigramQuality = null;
        if (trigrams is not null)
        {
            trigramQuality = await LabelledQuality.TrigramsAsync(pairs, trigrams, ct);
            Console.WriteLine($"  pg_trgm transliterated: recall@10 {trigramQuality.Value.Ascii.RecallAt10:F3}, precision {trigramQuality.Value.Ascii.Precision:F3} at {trigramQuality.Value.Ascii.Threshold:F2}");
        }

        var sizes = new List<SizeFigures>();
        foreach (var size in options.Sizes)
        {
            Console.WriteLine($"{size:N0} names");
            var names = NamePopulation.Generate(size, options.Seed);
            var queries = NamePopulation.Queries(names, options.Queries, options.Seed);
            var matcher = MatcherLookups.Run(names, queries, Console.Out);
            GC.Collect();
            Latencies? trigramTimes = null;
            TimeSpan trigramIndex = default;
            if (trigrams is not null && trigramQuality is { } quality)
            {
                trigramIndex = await trigrams.LoadAsync("population", names, ct);
                trigramTimes = await trigrams.LookupsAsync("population", [.. queries.Select(q => q.Query)], quality.Ascii.Threshold, options.TrigramBudget, ct);
                Console.WriteLine($"  pg_trgm: index {trigramIndex.TotalSeconds:F0} s, {trigramTimes.Count} lookups, p50 {trigramTimes.P50:F1} ms, p99 {trigramTimes.P99:F1} ms");
            }
            sizes.Add(new SizeFigures(matcher, trigramIndex, trigramTimes));
        }

        var report = NamesReport.Write(command, options, matcherQuality, trigramQuality, sizes);
        var output = Path.IsPathRooted(options.Out) ? options.Out : Path.Combine(root, options.Out);
        await File.WriteAllTextAsync(output, report, ct);
        Console.WriteLine($"Wrote {output}");
        return 0;
    }
}

/// <summary>What was measured at one population size; the pg_trgm figures are absent without a PostgreSQL server.</summary>
public sealed record SizeFigures(MatcherFigures Matcher, TimeSpan TrigramIndex, Latencies? Trigram);
