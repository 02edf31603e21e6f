using AssetTrace.Graph.Schema;
using AssetTrace.IntegrationTests.Watch;
using AssetTrace.Watch.Runs;
using AssetTrace.Watch.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// The watch's pages in Chromium under the strict policy (#15): a crawl of a fixture news page raises a
/// lead on the demo case; the case's analyst finds it on the leads page with the snapshot's address and
/// hash, downloads its WARC file, accepts it, and the entity page shows the fact with the snapshot as its source; an analyst not on
/// the case sees no lead. Screenshots are kept in artifacts/console/ as watch-*.png.
/// </summary>
public sealed class WatchBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const string OwnPassword = "my own watch password";

    [Fact]
    public async Task The_cases_analyst_accepts_a_lead_from_a_news_page_and_the_entity_page_shows_the_snapshot_as_its_source()
    {
        await using var site = await FixtureSite.StartAsync();
        // The console's server has no source files: the test gives the crawler its source as a file would.
        var source = SourceFileReader.Read("news.json", WatchSourceFiles.Articles("news", site.Port, "127.0.0.1", ["/news/"]),
            fixture.Server.Services.GetRequiredService<GraphSchema>());
        var member = await SignedInAsync("watcher", onTheCase: true);
        var run = await fixture.Server.Services.GetRequiredService<CrawlRunner>().RunAsync(source, "test", CancellationToken.None);
        Assert.Equal(1, run.Leads);

        var page = member.Page;
        await page.GotoAsync(fixture.Address("/watch/leads").ToString());
        await member.InteractiveAsync();
        var lead = page.Locator("li.lead");
        await Assertions.Expect(lead).ToHaveCountAsync(1);
        await Assertions.Expect(lead.Locator("q.matched")).ToHaveTextAsync("Serik Achmetov");
        await Assertions.Expect(lead.Locator("h2 a")).ToHaveTextAsync("Серік Ахметов");
        await Assertions.Expect(lead.Locator("dd.snapshot")).ToContainTextAsync($"http://127.0.0.1:{site.Port}/news/");
        await Assertions.Expect(lead.Locator("dd.snapshot")).ToContainTextAsync("sha256:");
        await member.ScreenshotAsync("watch-01-leads");

        // The lead's snapshot as a WARC file, through the link, with the hash the page shows.
        var download = await page.RunAndWaitForDownloadAsync(() => lead.Locator("a.warc").ClickAsync());
        var warc = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var record = Assert.Single(Watch.WarcReader.Read(warc), r => r.Fields["WARC-Type"] == "response");
        Assert.Equal($"http://127.0.0.1:{site.Port}/news/", record["WARC-Target-URI"]);
        await Assertions.Expect(lead.Locator("dd.snapshot")).ToContainTextAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(record.Payload)));

        await lead.Locator("button.accept").ClickAsync();
        await Assertions.Expect(page.Locator("p.done")).ToContainTextAsync("watch-");
        await Assertions.Expect(page.Locator("li.lead")).ToHaveCountAsync(0);
        var fact = (await page.Locator("p.done").InnerTextAsync()).Split(' ').Single(w => w.StartsWith("watch-", StringComparison.Ordinal)).TrimEnd('.');
        await page.GotoAsync(fixture.Address($"/entities/{fact}").ToString());
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Serik Achmetov");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("sha256:");
        await member.ScreenshotAsync("watch-02-accepted-fact");

        // The sources page renders for the analyst (this server has no source files).
        await page.GotoAsync(fixture.Address("/watch").ToString());
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await member.AssertCleanAsync();
        await member.CloseAsync();

        var outsider = await SignedInAsync("not-on-the-case", onTheCase: false);
        await outsider.Page.GotoAsync(fixture.Address("/watch/leads").ToString());
        await outsider.InteractiveAsync();
        await outsider.Page.ClickAsync("button.show-all");
        await Assertions.Expect(outsider.Page.Locator("p.count")).ToBeVisibleAsync();
        await Assertions.Expect(outsider.Page.Locator("li.lead")).ToHaveCountAsync(0);
        await outsider.AssertCleanAsync();
        await outsider.CloseAsync();
    }

    private Task<ConsolePageWatch> SignedInAsync(string username, bool onTheCase) => fixture.SignedInAnalystAsync(username, onTheCase, OwnPassword);
}
