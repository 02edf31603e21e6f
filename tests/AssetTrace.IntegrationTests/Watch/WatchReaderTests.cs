using AssetTrace.Storage;
using AssetTrace.Visibility;
using AssetTrace.Watch.Leads;
using AssetTrace.Watch.Runs;
using AssetTrace.Watch.Snapshots;
using AssetTrace.Watch.Sources;

namespace AssetTrace.IntegrationTests.Watch;

/// <summary>
/// The JSON and sitemap readers in a crawl of hostile fixtures (#15): a sitemap index that lists itself and
/// points off-site and inward, a JSON feed of 100 MB, one nested 100,000 deep. Reading does not depend on the
/// store; one store is enough here (the lead and run contracts run on both).
/// </summary>
public sealed class WatchReaderTests : IAsyncLifetime
{
    private FixtureSite _site = null!;
    private WatchHarness _watch = null!;

    public async Task InitializeAsync()
    {
        _site = await FixtureSite.StartAsync();
        _watch = await WatchHarness.StartAsync(StoreKind.Sqlite, new Dictionary<string, string>
        {
            ["sitemap.json"] = WatchSourceFiles.Sitemap(_site.Port, "sitemap.test", "/sitemap-index.xml"),
            ["people.json"] = WatchSourceFiles.People(_site.Port, "api.test", ["/api/people.json", "/api/deep.json", "/api/huge.json"]),
        });
    }

    public async Task DisposeAsync()
    {
        await _watch.DisposeAsync();
        await _site.DisposeAsync();
    }

    private Task<WatchRun> RunAsync(string source) =>
        _watch.Get<CrawlRunner>().RunAsync(_watch.Get<WatchSources>().Find(source)!, "test", CancellationToken.None);

    [Fact]
    public async Task A_sitemap_index_that_lists_itself_is_read_once_and_its_off_site_and_internal_entries_are_not_fetched()
    {
        var run = await RunAsync("sitemap");

        Assert.Equal(WatchRun.Finished, run.Status);
        Assert.Equal((1, 1, 1), (_site.Hits("/sitemap-index.xml"), _site.Hits("/sitemap-pages.xml"), _site.Hits("/news/")));
        Assert.Equal(0, _site.Hits("/offsite")); // elsewhere.test is loopback too: only the source's hosts are asked
        Assert.Equal((3, 0, 1), (run.Fetched, run.Failed, run.Leads));
        var lead = Assert.Single(await _watch.Get<LeadStore>().ListAsync(Viewer.System("test"), null, null, 10, CancellationToken.None));
        var snapshot = (await _watch.Get<SnapshotStore>().GetAsync(lead.SnapshotId, CancellationToken.None))!;
        Assert.Equal($"http://sitemap.test:{_site.Port}/news/", snapshot.Url);
    }

    [Fact]
    public async Task A_JSON_feed_is_read_by_its_paths_while_a_100_MB_one_is_cut_at_the_limit_and_a_deeply_nested_one_fails_alone()
    {
        var run = await RunAsync("people");

        Assert.Equal(WatchRun.Finished, run.Status);
        Assert.Equal((3, 3, 1), (run.Fetched, run.Changed, run.Leads));
        var lead = Assert.Single(await _watch.Get<LeadStore>().ListAsync(Viewer.System("test"), null, null, 10, CancellationToken.None));
        Assert.Equal(("demo-serik-akhmetov", "Serik Achmetov"), (lead.NodeId, lead.MatchedText));
        Assert.Equal("$.data.results[0].name", lead.Record.Of("name").Single().Element);
        Assert.Equal("former vice-minister", lead.Record.Of("position").Single().Text);

        var deep = Assert.Single(run.Errors, e => e.Contains("/api/deep.json", StringComparison.Ordinal));
        Assert.Contains("could not be read as Json", deep, StringComparison.Ordinal);
        var huge = Assert.Single(run.Errors, e => e.Contains("/api/huge.json", StringComparison.Ordinal));
        Assert.Contains("cut at the source's limit of 10 MB", huge, StringComparison.Ordinal);

        // The 100 MB feed is kept as far as it was read, marked cut: 10 MB, not 100.
        var kept = (await _watch.Get<SnapshotStore>().ListAsync("people", CancellationToken.None)).Single(s => s.Url.EndsWith("/api/huge.json", StringComparison.Ordinal));
        Assert.True(kept.Truncated);
        Assert.Equal(10L * 1024 * 1024, (await _watch.Get<SnapshotStore>().BodyAsync(kept.Sha256, CancellationToken.None))!.LongLength);
    }
}
