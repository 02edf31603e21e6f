using System.Net;

namespace AssetTrace.Watch.Fetching;

/// <summary>What the crawler got for one address, after redirects and retries.</summary>
/// <param name="Url">The address the body came from (the last hop of any redirects).</param>
/// <param name="Body">The body as received (decompressed), cut at the source's limit when <paramref name="Truncated"/>.</param>
/// <param name="NotModified">304: the page is as it was at the last snapshot.</param>
public sealed record FetchedPage(
    Uri Url,
    HttpStatusCode Status,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    bool Truncated,
    bool NotModified,
    string? ContentType,
    string? Charset,
    DateTimeOffset FetchedAt)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>A page the crawler could not or would not fetch: the reason is shown among the run's errors.</summary>
public sealed class FetchFailedException(Uri url, string reason, bool refused = false) : Exception($"{url}: {reason}")
{
    public Uri Url { get; } = url;

    /// <summary>Refused by a rule (host, address, robots.txt), not failed: not tried again.</summary>
    public bool Refused { get; } = refused;
}
