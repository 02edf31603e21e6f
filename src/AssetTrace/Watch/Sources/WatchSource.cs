namespace AssetTrace.Watch.Sources;

/// <summary>What a source is read as.</summary>
public enum SourceFormat
{
    /// <summary>HTML list and detail pages, read by CSS selectors.</summary>
    Html,
    /// <summary>An RSS 2.0 or Atom feed: one record per item or entry.</summary>
    Feed,
    /// <summary>A sitemap: its page addresses are fetched as HTML pages of the source.</summary>
    Sitemap,
    /// <summary>A JSON API: records at a path, properties by name.</summary>
    Json,
    /// <summary>The UN Security Council consolidated list, read by the interchange parser.</summary>
    SanctionsXml,
}

/// <summary>
/// One open source, as its file under Watch:SourcesDirectory declares it (#15): what to fetch, how
/// politely, what to take from each page and how to match it. Adding a source needs no code.
/// </summary>
/// <param name="File">The file it was read from, for messages.</param>
/// <param name="Hosts">The only hosts the crawler may ask: those of the start URLs and those named in allowedHosts.</param>
public sealed record WatchSource(
    string Name,
    string File,
    string Title,
    SourceFormat Format,
    IReadOnlyList<Uri> StartUrls,
    string Schedule,
    IReadOnlySet<string> Hosts,
    Politeness Politeness,
    CrawlLimits Limits,
    Pagination? Pagination,
    RecordMapping Records)
{
    /// <summary>Whether the crawler may ask <paramref name="url"/> at all (scheme and host; the address is checked at connect).</summary>
    public bool Allows(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && Hosts.Contains(url.IdnHost.ToLowerInvariant());
}

/// <param name="RequestsPerMinutePerHost">0 turns the rate limit off (a benchmark or a fixture site).</param>
/// <param name="AllowedPrivateHosts">Hosts that may resolve to loopback, link-local or private addresses (an office's own registry mirror).</param>
public sealed record Politeness(int RequestsPerMinutePerHost, bool RobotsTxt, string UserAgent, IReadOnlySet<string> AllowedPrivateHosts);

/// <param name="MaxBytes">A page longer than this is cut there, kept as cut, and marked truncated.</param>
public sealed record CrawlLimits(int MaxPages, int MaxDepth, long MaxBytes, TimeSpan Timeout, int MaxRedirects, int MaxAttempts);

/// <param name="Next">The CSS selector of the link to the next list page.</param>
/// <param name="Follow">The CSS selector of links to detail pages, fetched one level deeper.</param>
public sealed record Pagination(string? Next, string? Follow);

/// <summary>
/// What a record is and how it is matched: the element that holds each record, each property's
/// selector (CSS for HTML, the element name for feeds, the member for JSON), and which properties
/// are names, free text searched for names, or identifiers compared exactly.
/// </summary>
/// <param name="Kind">The node kind an accepted record becomes (Person, Company, …).</param>
/// <param name="Link">The edge an accepted record gets to the watched subject, if any.</param>
public sealed record RecordMapping(
    string? Item,
    string Kind,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyList<string> NameProperties,
    IReadOnlyList<string> TextProperties,
    IReadOnlyList<string> IdentifierProperties,
    RecordLink? Link);

/// <param name="Edge">An edge kind code, e.g. DIRECTOR_OF.</param>
/// <param name="FromSubject">True: subject → record (the subject directs the company); false: record → subject.</param>
public sealed record RecordLink(string Edge, bool FromSubject);
