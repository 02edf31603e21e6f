using System.Data.Common;
using System.Diagnostics;
using AssetTrace.Graph.Store;
using AssetTrace.Matching;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssetTrace.Benchmarks.Measuring;

/// <summary>
/// Name search through <see cref="NameSearch.SearchAsync"/> (first page of 25), as the GraphQL field runs it: the name
/// matcher's index in memory, then the hits' nodes from the store.
/// </summary>
public static class SearchMeasurement
{
    public const int PageSize = 25;

    /// <summary>
    /// Each query once to warm up and once timed, while the time budget lasts: a slow store answers
    /// fewer queries, and the report says how many. A query that fails (a command timeout) counts
    /// with the time it took and is reported. The index is built from the store before the budget starts,
    /// as a server builds it at its first search.
    /// </summary>
    public static async Task<SearchResult> RunAsync(Database database, IReadOnlyList<string> queries, TimeSpan budget, CancellationToken ct)
    {
        using var index = new MatchIndexProvider(database, new RecentGraphVersion(database, TimeProvider.System, TimeSpan.Zero), NullLogger<MatchIndexProvider>.Instance);
        var search = new NameSearch(index, new GraphQueries(database), Options.Create(new MatchingOptions()));
        if (queries.Count > 0)
        {
            // Its failure, if any, is counted when the loop meets the same query.
            await TryAsync(search, queries[0], [], ct);
        }
        var failures = new List<string>();
        var times = new Latencies();
        var withoutMatch = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        foreach (var query in queries)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                break;
            }
            var started = Stopwatch.GetTimestamp();
            if (await TryAsync(search, query, failures, ct) is null)
            {
                // What an analyst waits for before the error: counted, not retried.
                times.Add(Stopwatch.GetElapsedTime(started));
                continue;
            }
            started = Stopwatch.GetTimestamp();
            var page = await TryAsync(search, query, failures, ct);
            times.Add(Stopwatch.GetElapsedTime(started));
            if (page?.TotalCount == 0)
            {
                withoutMatch++;
            }
        }
        return new SearchResult(times, withoutMatch, failures);
    }

    private static async Task<SearchPage?> TryAsync(NameSearch search, string query, List<string> failures, CancellationToken ct)
    {
        try
        {
            return await search.SearchAsync(Viewer.System("bench"), query, null, null, PageSize, null, ct);
        }
        catch (DbException e)
        {
            failures.Add($"'{query}': {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}");
            return null;
        }
    }
}

/// <summary>Name search times; <see cref="Failures"/> are the queries the store did not answer (and why).</summary>
public sealed record SearchResult(Latencies Times, int WithoutMatch, IReadOnlyList<string> Failures);
