using System.Globalization;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>
/// A server's analytics cache lookups so far, read from its <c>/metrics</c> page: the counter
/// <c>assettrace.analytics.cache.lookups</c> with <c>result=hit|miss</c> (AnalyticsCache), the only place the server
/// tells a hit from a miss.
/// </summary>
internal readonly record struct CacheCounters(long Hits, long Misses)
{
    private const string Metric = "assettrace_analytics_cache_lookups";

    /// <summary>
    /// The Prometheus exporter answers a scrape from its own copy for 300 ms: waiting longer than that first means the
    /// figures include every request answered before the wait.
    /// </summary>
    private static readonly TimeSpan ExporterCache = TimeSpan.FromMilliseconds(400);

    public static async Task<CacheCounters> ReadAsync(GraphQLSession server, CancellationToken ct)
    {
        await Task.Delay(ExporterCache, ct);
        var text = await server.MetricsAsync(ct);
        return new CacheCounters(Sum(text, "hit"), Sum(text, "miss"));
    }

    public static CacheCounters operator -(CacheCounters after, CacheCounters before) => new(after.Hits - before.Hits, after.Misses - before.Misses);

    public static CacheCounters operator +(CacheCounters a, CacheCounters b) => new(a.Hits + b.Hits, a.Misses + b.Misses);

    public string HitShare => Hits + Misses == 0 ? "no lookups" : $"{100.0 * Hits / (Hits + Misses):0.0} % of {Hits + Misses:N0}";

    // A line such as: assettrace_analytics_cache_lookups_total{otel_scope_name="AssetTrace",result="hit"} 12 1733550000000
    private static long Sum(string text, string result) => text.Split('\n')
        .Where(line => line.StartsWith(Metric, StringComparison.Ordinal) && line.Contains($"result=\"{result}\"", StringComparison.Ordinal))
        .Sum(line => (long)double.Parse(line[(line.IndexOf('}', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
