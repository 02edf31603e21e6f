using System.Diagnostics;
using AssetTrace.Accounts;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Graph.Store;
using AssetTrace.Matching;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssetTrace.Benchmarks.ConsolePages;

/// <summary>
/// The search box's suggestions as the service call they make: <see cref="NameSearch.SearchAsync"/> (the name
/// matcher's index in memory, then the hits' nodes from the store) with an analyst's viewer and the first <see cref="Suggestions"/> matches, on what a user has typed
/// so far: the first 3 to 6 letters of a name in the graph, in whichever script the name is.
/// </summary>
public static class SuggestionTiming
{
    public const int Suggestions = 8;

    public static List<string> Prefixes(IReadOnlyList<string> names, int count, int seed)
    {
        var random = new Random(seed);
        var prefixes = new List<string>(count);
        while (prefixes.Count < count)
        {
            var word = names[random.Next(names.Count)].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            var prefix = word.Length >= 3 ? word[..Math.Min(word.Length, 3 + random.Next(4))] : "";
            // Only what the box looks up: a legal form alone ("ТОО") holds no name yet, and the box suggests nothing for it.
            if (prefix.Length > 0 && ParsedName.Parse(prefix).Words.Count > 0)
            {
                prefixes.Add(prefix);
            }
        }
        return prefixes;
    }

    /// <summary>
    /// Other prefixes first, as a server that has been answering a while has compiled the code and read
    /// the index's upper pages; then each of <paramref name="prefixes"/> once, timed: a user's typing is
    /// new to the server, so no prefix is timed twice.
    /// </summary>
    public static async Task<Latencies> RunAsync(Database database, IReadOnlyList<string> warmUp, IReadOnlyList<string> prefixes, CancellationToken ct)
    {
        // The first lookup builds the index from the store, as a server's first search does: it is in the warm-up.
        using var index = new MatchIndexProvider(database, new RecentGraphVersion(database, TimeProvider.System, TimeSpan.Zero), NullLogger<MatchIndexProvider>.Instance);
        var search = new NameSearch(index, new GraphQueries(database), Options.Create(new MatchingOptions()));
        var viewer = Viewer.User("bench", [Role.Analyst], []);
        foreach (var prefix in warmUp)
        {
            await search.SearchAsync(viewer, prefix, null, null, Suggestions, null, ct);
        }
        var times = new Latencies();
        foreach (var prefix in prefixes)
        {
            var started = Stopwatch.GetTimestamp();
            await search.SearchAsync(viewer, prefix, null, null, Suggestions, null, ct);
            times.Add(Stopwatch.GetElapsedTime(started));
        }
        return times;
    }
}
