using AssetTrace.Watch.Sources;

namespace AssetTrace.Watch.Fetching;

/// <summary>The robots.txt rules of each site a crawl visits, fetched once per run.</summary>
public sealed class RobotsCache
{
    private readonly Dictionary<string, RobotsRules> _bySite = new(StringComparer.Ordinal);

    public async Task<RobotsRules> RulesAsync(PageFetcher fetcher, WatchSource source, Uri url, CancellationToken ct)
    {
        var site = url.GetLeftPart(UriPartial.Authority);
        if (!_bySite.TryGetValue(site, out var rules))
        {
            rules = await fetcher.FetchRobotsAsync(source, new Uri(site + "/robots.txt"), ct);
            _bySite[site] = rules;
        }
        return rules;
    }
}
