using System.Diagnostics;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Matching;

namespace AssetTrace.Benchmarks.Names;

/// <summary>The matcher's in-memory index over a generated population: what it costs to build and hold, and how fast one lookup is.</summary>
public static class MatcherLookups
{
    public static MatcherFigures Run(IReadOnlyList<string> names, IReadOnlyList<(string Query, int Source)> queries, TextWriter log)
    {
        var threshold = new MatchingOptions().Threshold;
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var building = Stopwatch.StartNew();
        var index = new MatchIndex();
        for (var i = 0; i < names.Count; i++)
        {
            index.Upsert(new MatchEntry(Id(i), i % 5 == 4 ? "Company" : "Person", MatchSubject.Named(names[i]), null, null, null));
        }
        var buildTime = building.Elapsed;
        var bytes = GC.GetTotalMemory(true) - before;
        log.WriteLine($"  matcher: {names.Count:N0} names indexed in {buildTime.TotalSeconds:F1} s, {bytes / 1048576.0:F0} MiB");

        var subjects = queries.Select(q => MatchSubject.Named(q.Query)).ToList();
        var (exact, exactHits) = Latencies.Measure(subjects, q => index.Find(q, search: false, _ => true, threshold, take: 10, countBound: 1000));
        log.WriteLine($"  matcher, whole words: p50 {exact.P50:F2} ms, p99 {exact.P99:F2} ms");
        foreach (var (query, time) in Slowest(subjects, q => index.Find(q, search: false, _ => true, threshold, take: 10, countBound: 1000)))
        {
            log.WriteLine($"    slow: '{query}' {time:F1} ms");
        }
        var (search, _) = Latencies.Measure(subjects, q => index.Find(q, search: true, _ => true, threshold, take: 10, countBound: 1000));
        log.WriteLine($"  matcher, as search (word prefixes too): p50 {search.P50:F2} ms, p99 {search.P99:F2} ms");
        // What the search box mostly gets: one word, the surname or a company's main word.
        var oneWords = queries.Select(q => MatchSubject.Named(q.Query.Split(' ', StringSplitOptions.RemoveEmptyEntries).MaxBy(w => w.Length)!)).ToList();
        var (oneWord, _) = Latencies.Measure(oneWords, q => index.Find(q, search: true, _ => true, threshold, take: 10, countBound: 1000));
        log.WriteLine($"  matcher, one word as search: p50 {oneWord.P50:F2} ms, p99 {oneWord.P99:F2} ms");
        foreach (var (query, time) in Slowest(oneWords, q => index.Find(q, search: true, _ => true, threshold, take: 10, countBound: 1000)))
        {
            log.WriteLine($"    slow: '{query}' {time:F1} ms");
        }
        var missed = queries.Select((q, i) => (q.Query, Source: names[q.Source], Hits: exactHits[i], Id: Id(q.Source))).Where(x => !Found(x.Hits, x.Id, x.Query, x.Source)).ToList();
        foreach (var miss in missed.Take(10))
        {
            log.WriteLine($"    not found: '{miss.Query}' from '{miss.Source}'");
        }
        GC.KeepAlive(index);
        return new MatcherFigures(names.Count, buildTime, bytes, exact, search, oneWord, 1 - ((double)missed.Count / queries.Count));
    }

    // A common name has hundreds of holders: the query's own source may be eleventh among names that match as well.
    private static bool Found(MatchHits hits, string id, string query, string source) =>
        hits.Items.Any(h => h.Entry.Id == id)
        || (hits.Items.Count == 10 && hits.Items[^1].Match.Score >= NameMatcher.Compare(query, source).Score);

    /// <summary>The slowest lookups and their times, to say where a high p99 comes from.</summary>
    private static List<(string Query, double Milliseconds)> Slowest(List<MatchSubject> subjects, Func<MatchSubject, MatchHits> find) =>
        subjects.Select(q =>
        {
            var started = Stopwatch.GetTimestamp();
            find(q);
            return (Query: q.Names[0], Milliseconds: Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }).OrderByDescending(x => x.Milliseconds).Take(8).ToList();

    private static string Id(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// <paramref name="Found"/>: the share of queries whose source is among the ten best, or outranked only by names that match as well;
/// <paramref name="OneWord"/>: the query's longest word alone, as a search, as the search box is mostly used.
/// </summary>
public sealed record MatcherFigures(int Names, TimeSpan Build, long Bytes, Latencies Exact, Latencies Search, Latencies OneWord, double Found);
