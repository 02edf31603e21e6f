using AssetTrace.Cases;
using AssetTrace.Graph.Store;
using AssetTrace.Matching;
using AssetTrace.Roster.Entries;
using AssetTrace.Watch.Extraction;
using AssetTrace.Watch.Fetching;
using AssetTrace.Watch.Leads;
using AssetTrace.Watch.Snapshots;
using AssetTrace.Watch.Sources;
using Microsoft.Extensions.Options;

namespace AssetTrace.Watch.Runs;

/// <summary>
/// Runs one crawl of a source (#15): from the frontier kept in the database (so a crawl cut by a crash
/// goes on where it stopped), each address fetched, snapshotted when new or changed, read by the
/// source's mapping, and matched against the watched nodes; a match raises a lead.
/// </summary>
public sealed class CrawlRunner(
    WatchRunStore runs,
    PageFetcher fetcher,
    SnapshotStore snapshots,
    LeadStore leads,
    LeadDigest digest,
    CaseStore cases,
    RosterStore roster,
    GraphQueries graph,
    IOptions<MatchingOptions> matching,
    ILogger<CrawlRunner> logger)
{
    public async Task<WatchRun> RunAsync(WatchSource source, string startedBy, CancellationToken ct)
    {
        var run = await runs.UnfinishedAsync(source.Name, ct);
        if (run is not null)
        {
            logger.LogInformation("Resuming the run {Run} of source {Source}", run.Id, source.Name);
        }
        run ??= await runs.StartAsync(source.Name, source.StartUrls, startedBy, ct);
        var watched = await WatchedSubjects.LoadAsync(cases, roster, graph, ct);
        var robots = new RobotsCache();
        while (await runs.NextAsync(run.Id, ct) is { } next)
        {
            var (outcome, found) = await PageAsync(source, run.Id, new Uri(next.Url), next.Depth, watched, robots, ct);
            Operations.Telemetry.AssetTraceTelemetry.CrawlPage(source.Name, outcome.Fetched, outcome.Unchanged, outcome.Changed, outcome.Leads);
            await runs.DoneAsync(run.Id, next.Url, outcome, found, source.Limits.MaxPages, ct);
        }
        // Before the run is marked finished: a crash in between resumes the run, and the digest is queued then (#15).
        await digest.QueueAsync(run, source.Title, ct);
        await runs.FinishAsync(run.Id, ct);
        return (await runs.GetAsync(run.Id, ct))!;
    }

    private async Task<(PageOutcome, List<(Uri, int)>)> PageAsync(WatchSource source, string runId, Uri url, int depth, WatchedSubjects watched, RobotsCache robots, CancellationToken ct)
    {
        var last = await snapshots.LastAsync(source.Name, url.AbsoluteUri, ct);
        FetchedPage page;
        try
        {
            page = await fetcher.FetchAsync(source, url, last?.Validators, robots, ct);
        }
        catch (FetchFailedException e)
        {
            return (new PageOutcome(!e.Refused, false, false, 0, e.Message), []);
        }
        if (page.NotModified && last is { } previous)
        {
            // Not processed again, but its links still lead on: the next list page may have changed.
            try
            {
                return (new PageOutcome(true, true, false, 0, null), await LinksOfAsync(source, previous.SnapshotId, depth, ct));
            }
            catch (SnapshotTamperedException e)
            {
                // The stored copy is not what was fetched: its links are not followed, and the run's errors say so.
                logger.LogError("Source {Source}: {Finding}", source.Name, e.Message);
                return (new PageOutcome(true, true, false, 0, e.Message), []);
            }
        }
        if ((int)page.Status is < 200 or >= 300)
        {
            return (new PageOutcome(true, false, false, 0, $"{page.Url}: HTTP {(int)page.Status}"), []);
        }
        var snapshot = await snapshots.SaveIfChangedAsync(source.Name, runId, page, ct);
        if (snapshot is null)
        {
            return (new PageOutcome(true, true, false, 0, null), Links(Extract(source, page.Url, page.Body, page.Charset), depth, source));
        }
        PageExtract extract;
        try
        {
            extract = Extract(source, page.Url, page.Body, page.Charset);
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidOperationException or System.Text.Json.JsonException)
        {
            // A long feed cut at the limit is no longer well-formed: say so, or the message blames the source.
            var cut = page.Truncated ? $" (it was cut at the source's limit of {source.Limits.MaxBytes / 1024 / 1024} MB, limits.maxMegabytes)" : "";
            return (new PageOutcome(true, false, true, 0, $"{page.Url}: could not be read as {source.Format}: {e.Message}{cut}"), []);
        }
        var candidates = LeadFinder.Find(extract.Records, source.Records, watched, matching.Value.Threshold);
        var raised = await leads.RaiseAsync(snapshot, source.Records, candidates, watched, ct);
        var truncated = page.Truncated ? $"{page.Url}: longer than {source.Limits.MaxBytes / 1024 / 1024} MB, kept and read up to there" : null;
        return (new PageOutcome(true, false, true, raised, truncated), Links(extract, depth, source));
    }

    private async Task<List<(Uri, int)>> LinksOfAsync(WatchSource source, string snapshotId, int depth, CancellationToken ct)
    {
        var snapshot = await snapshots.GetAsync(snapshotId, ct);
        return snapshot is null ? [] : Links(Extract(source, new Uri(snapshot.Url), await snapshots.VerifiedBodyAsync(snapshot, ct), snapshot.Charset), depth, source);
    }

    private static List<(Uri, int)> Links(PageExtract extract, int depth, WatchSource source) =>
        [.. extract.Links.Select(l => (l.Url, Depth: l.Deeper ? depth + 1 : depth)).Where(l => l.Depth <= source.Limits.MaxDepth && source.Allows(l.Url))];

    private static PageExtract Extract(WatchSource source, Uri url, byte[] body, string? charset)
    {
        var text = Charsets.Decode(body, charset).Text;
        return source.Format switch
        {
            SourceFormat.Html => HtmlExtractor.Extract(text, url, source.Records, source.Pagination),
            SourceFormat.Feed => FeedExtractor.Extract(text, source.Records),
            SourceFormat.Sitemap when text.Contains("<urlset", StringComparison.Ordinal) || text.Contains("<sitemapindex", StringComparison.Ordinal) => SitemapExtractor.Extract(text),
            SourceFormat.Sitemap => HtmlExtractor.Extract(text, url, source.Records, source.Pagination),
            SourceFormat.SanctionsXml => SanctionsExtractor.Extract(body, url, source.Records),
            SourceFormat.Json => JsonExtractor.Extract(text, source.Records),
            _ => PageExtract.Empty,
        };
    }
}
