using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Visibility;
using Microsoft.Extensions.Options;

namespace AssetTrace.Matching;

/// <summary>A node found by name, with its score and the explanation of how its name matched.</summary>
public sealed record SearchResult(Node Node, double Score, string MatchedName, IReadOnlyList<MatchReason> Explanation);

/// <summary>
/// One page of a name search: the results best first, and how many there are in all, exactly up to
/// <see cref="MatchingOptions.ExactTotal"/> or the page's end if further, and "more than" that beyond it.
/// </summary>
public sealed record SearchPage(IReadOnlyList<SearchResult> Results, int TotalCount, bool TotalIsExact, string? EndCursor, bool HasNextPage)
{
    public IReadOnlyList<Node> Nodes => [.. Results.Select(r => r.Node)];
}

/// <summary>
/// Search by name through the matcher (#14): the API's <c>search</c>. Finds what the viewer may see
/// in the match index, then reads those nodes from the store for the same viewer, so a node the index
/// still holds but the store no longer shows them (deleted, restricted since) is left out.
/// </summary>
public sealed class NameSearch(MatchIndexProvider index, GraphQueries queries, IOptions<MatchingOptions> options)
{
    public async Task<SearchPage> SearchAsync(Viewer viewer, string query, IReadOnlyCollection<NodeKind>? kinds, DateOnly? asOf, int first, string? after, CancellationToken ct)
    {
        CheckQuery(query);
        var settings = options.Value;
        var offset = Offset(after);
        if (offset >= settings.CountBound)
        {
            throw new UserInputException("after", $"a search shows its best {settings.CountBound} results; make the query more precise to see others.");
        }
        var exactUpTo = Math.Min(settings.CountBound, Math.Max(settings.ExactTotal, offset + first));
        var hits = await index.FindAsync(viewer, MatchSubject.Named(query), search: true, kinds?.Select(Codes.Of).ToList(), asOf,
            settings.Threshold, offset + first + 1, exactUpTo, ct);
        var page = hits.Items.Skip(offset).Take(first).ToList();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var nodes = await queries.GetNodesAsync(viewer, page.Select(h => h.Entry.Id), ct);
        Operations.Telemetry.AssetTraceTelemetry.MatchingStep("nodes", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        var results = page.Where(h => nodes.ContainsKey(h.Entry.Id))
            .Select(h => new SearchResult(nodes[h.Entry.Id], h.Match.Score, h.Match.MatchedName, h.Match.Explanation))
            .ToList();
        var hasNext = hits.Items.Count > offset + first;
        return new SearchPage(results, hits.Total, hits.TotalIsExact, hasNext ? Cursor.Encode((offset + first).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null, hasNext);
    }

    /// <summary>The longest query a search takes: every word of it is compared with every word of each candidate.</summary>
    public const int MaxQueryLength = 300;

    /// <summary>Refuses a query with nothing to search for, or so long that scoring it would cost seconds.</summary>
    public static void CheckQuery(string query)
    {
        if (query.Length > MaxQueryLength)
        {
            throw new UserInputException("query", $"is {query.Length} characters long; a name search takes at most {MaxQueryLength}: give the name, not a text.");
        }
        if (ParsedName.Parse(query).Words.Count == 0)
        {
            throw new UserInputException("query", "give at least one letter or digit to search for.");
        }
    }

    private static int Offset(string? after) =>
        Cursor.Decode(after, 1) is { } parts
            ? int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset
                : throw new UserInputException("after", $"'{after}' is not a cursor this search returned; pass the endCursor of the previous page.")
            : 0;
}
