using System.Net;
using System.Text;
using AssetTrace.Storage;
using AssetTrace.Watch.Extraction;
using AssetTrace.Watch.Fetching;
using AssetTrace.Watch.Runs;
using AssetTrace.Watch.Sources;

namespace AssetTrace.IntegrationTests.Watch;

/// <summary>
/// The crawler against the fixture site (#15): what it refuses (other hosts, internal addresses by
/// redirect or by DNS, robots.txt), how it waits and retries (on the fake clock), and what it makes of
/// validators, old Cyrillic charsets, gzip, a 50 MB page, a slow page and hostile markup. Fetching does
/// not depend on the store; one store is enough here.
/// </summary>
public sealed class WatchFetchingTests : IAsyncLifetime
{
    private FixtureSite _site = null!;
    private WatchHarness _watch = null!;

    public async Task InitializeAsync()
    {
        _site = await FixtureSite.StartAsync();
        _watch = await WatchHarness.StartAsync(StoreKind.Sqlite, new Dictionary<string, string>
        {
            ["trusted.json"] = WatchSourceFiles.Articles("trusted", _site.Port, "fixture.test", ["/news/"]),
            // The same loopback site under a name the source does not allow to be internal: what a public name pointed at the office's network looks like.
            ["public.json"] = WatchSourceFiles.Articles("public", _site.Port, "public.test", ["/news/"], allowPrivate: false),
        });
    }

    public async Task DisposeAsync()
    {
        await _watch.DisposeAsync();
        await _site.DisposeAsync();
    }

    private WatchSource Source(string name) => _watch.Get<WatchSources>().Find(name)!;

    private Uri At(string path, string host = "fixture.test") => new($"http://{host}:{_site.Port}{path}");

    private Task<FetchedPage> FetchAsync(string path, string source = "trusted", PageValidators? validators = null) =>
        _watch.Get<PageFetcher>().FetchAsync(Source(source), At(path, source == "trusted" ? "fixture.test" : "public.test"), validators, new RobotsCache(), CancellationToken.None);

    [Fact]
    public async Task A_host_that_resolves_to_an_internal_address_is_refused_at_connect_unless_the_source_allows_it()
    {
        var refused = await Assert.ThrowsAsync<FetchFailedException>(() => FetchAsync("/news/", "public"));
        Assert.True(refused.Refused);
        Assert.Contains("internal address", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, _site.Hits("/news/"));

        var allowed = await FetchAsync("/news/");
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
    }

    [Theory]
    [InlineData("/to-loopback", "127.0.0.1")]
    [InlineData("/to-private", "10.0.0.1")]
    public async Task A_redirect_to_another_host_or_an_internal_address_is_not_followed(string path, string target)
    {
        var refused = await Assert.ThrowsAsync<FetchFailedException>(() => FetchAsync(path));
        Assert.True(refused.Refused);
        Assert.Contains(target, refused.Message, StringComparison.Ordinal);
        Assert.Contains("not a page of the source", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, _site.Hits("/news/"));
    }

    [Fact]
    public async Task Only_http_and_https_to_the_sources_hosts_are_asked()
    {
        foreach (var url in new[] { "file:///etc/passwd", "ftp://fixture.test/x", $"http://elsewhere.test:{_site.Port}/news/", $"gopher://fixture.test:{_site.Port}/" })
        {
            var refused = await Assert.ThrowsAsync<FetchFailedException>(() =>
                _watch.Get<PageFetcher>().FetchAsync(Source("trusted"), new Uri(url), null, new RobotsCache(), CancellationToken.None));
            Assert.True(refused.Refused, url);
        }
    }

    [Fact]
    public async Task A_path_robots_txt_disallows_is_not_fetched()
    {
        var refused = await Assert.ThrowsAsync<FetchFailedException>(() => FetchAsync("/private/secret"));
        Assert.Contains("robots.txt", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, _site.Hits("/private/secret"));
    }

    [Fact]
    public async Task A_server_error_is_tried_again_after_a_backoff_and_a_429_after_its_Retry_After()
    {
        var (flaky, flakyWait) = await _watch.WithClockAsync(() => FetchAsync("/flaky"));
        Assert.Equal((HttpStatusCode.OK, 2), (flaky.Status, _site.Hits("/flaky")));
        // The clock moves a second at a time while the test waits, so only the lower bound is exact.
        Assert.InRange(flakyWait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        var (busy, busyWait) = await _watch.WithClockAsync(() => FetchAsync("/busy"));
        Assert.Equal((HttpStatusCode.OK, 2), (busy.Status, _site.Hits("/busy")));
        Assert.InRange(busyWait, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_validators_of_the_last_snapshot_make_an_unchanged_page_a_304()
    {
        var first = await FetchAsync("/validated");
        Assert.Equal(("\"v1\"", false), (first.Header("ETag"), first.NotModified));
        var second = await FetchAsync("/validated", validators: new PageValidators(first.Header("ETag"), first.Header("Last-Modified")));
        Assert.True(second.NotModified);
        Assert.Empty(second.Body);
    }

    [Theory]
    [InlineData("/cp1251", "Серик Ахметов купил виллу", "windows-1251")]
    [InlineData("/koi8", "Серик Ахметов продал яхту", "koi8-r")]
    [InlineData("/gzip", "compressed Serik Achmetov", "utf-8")]
    public async Task Old_Cyrillic_charsets_and_compressed_pages_read_as_written(string path, string text, string charset)
    {
        var page = await FetchAsync(path);
        var (decoded, used) = Charsets.Decode(page.Body, page.Charset);
        Assert.Contains(text, decoded, StringComparison.Ordinal);
        Assert.Equal(charset, used);
    }

    [Fact]
    public async Task A_50_MB_page_is_cut_at_the_sources_limit_and_marked()
    {
        var page = await FetchAsync("/huge");
        Assert.True(page.Truncated);
        Assert.Equal(2 * 1024 * 1024, page.Body.Length);
    }

    [Fact]
    public async Task A_page_that_does_not_answer_in_time_fails_after_its_attempts()
    {
        var (failure, _) = await _watch.WithClockAsync(async () => await Assert.ThrowsAsync<FetchFailedException>(() => FetchAsync("/slow")));
        Assert.Contains("no answer within 2 s after 3 attempts", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_markup_runs_no_script_and_still_yields_its_text()
    {
        var page = await FetchAsync("/hostile");
        var extract = HtmlExtractor.Extract(Encoding.UTF8.GetString(page.Body), page.Url, Source("trusted").Records, null);
        var record = Assert.Single(extract.Records);
        Assert.Contains(record.Values, v => v.Text.StartsWith("Serik Achmetov", StringComparison.Ordinal));
        Assert.DoesNotContain(record.Values, v => v.Text.Contains("fetch(", StringComparison.Ordinal));
        Assert.Equal(0, _site.Hits("/steal"));
    }

    [Fact]
    public async Task A_run_counts_refusals_and_failures_with_their_reasons()
    {
        var run = await _watch.Get<CrawlRunner>().RunAsync(Source("public"), "test", CancellationToken.None);
        Assert.Equal((0, 1, 0), (run.Changed, run.Failed, run.Leads));
        Assert.Contains(run.Errors, e => e.Contains("internal address", StringComparison.Ordinal));
    }
}
