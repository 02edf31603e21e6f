using System.Diagnostics;
using AssetTrace.Graph.Store;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks.Measuring;

/// <summary>Name search through GraphQueries.SearchAsync (first page of 25), as the GraphQL field runs it.</summary>
public static class SearchMeasurement
{
    public const int PageSize = 25;

    /// <summary>
    /// Each query once to warm up and once timed, while the time budget lasts: a slow store answers
    /// fewer queries, and the report says how many.
    /// </summary>
    public static async Task<(Latencies Times, int WithoutMatch)> RunAsync(Database database, IReadOnlyList<string> queries, TimeSpan budget, CancellationToken ct)
    {
        var search = new GraphQueries(database);
        var times = new Latencies();
        var withoutMatch = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        foreach (var query in queries)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                break;
            }
            await search.SearchAsync(query, null, null, PageSize, null, ct);
            var started = Stopwatch.GetTimestamp();
            var page = await search.SearchAsync(query, null, null, PageSize, null, ct);
            times.Add(Stopwatch.GetElapsedTime(started));
            if (page.TotalCount == 0)
            {
                withoutMatch++;
            }
        }
        return (times, withoutMatch);
    }
}
