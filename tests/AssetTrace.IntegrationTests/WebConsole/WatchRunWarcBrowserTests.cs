using System.Text;
using AssetTrace.IntegrationTests.Accounts;
using AssetTrace.IntegrationTests.Watch;
using AssetTrace.Watch.Runs;
using AssetTrace.Watch.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// The run's WARC link on the watch's sources page, in Chromium (#15): the case's analyst downloads the latest run's
/// file, which is a WARC/1.1 file holding the page that raised the case's lead, and the download is audited; an analyst
/// of another case sees no link to that lead's file, gets a 404 for it by address, and their copy of the run's file
/// leaves out the page that raised a lead on a case they do not see.
/// </summary>
public sealed class WatchRunWarcBrowserTests(WatchConsoleFixture fixture) : IClassFixture<WatchConsoleFixture>
{
    private const string OwnPassword = "my own warc password";

    [Fact]
    public async Task The_cases_analyst_downloads_a_runs_WARC_file_from_the_sources_page_and_an_analyst_of_another_case_gets_no_lead_of_it()
    {
        var services = fixture.Server.Services;
        var run = await services.GetRequiredService<CrawlRunner>().RunAsync(services.GetRequiredService<WatchSources>().Find("news")!, "test", CancellationToken.None);
        Assert.Equal(1, run.Leads);
        var newsPage = $"http://127.0.0.1:{fixture.Site.Port}/news/";

        var member = await fixture.SignedInAnalystAsync("run-watcher", onTheCase: true, OwnPassword);
        await member.Page.GotoAsync(fixture.Address("/watch").ToString());
        await member.InteractiveAsync();
        var row = member.Page.Locator("tr[data-source=news]");
        await Assertions.Expect(row.Locator("a.warc")).ToHaveAttributeAsync("href", $"/console/watch/runs/{run.Id}.warc");
        var download = await member.Page.RunAndWaitForDownloadAsync(() => row.Locator("a.warc").ClickAsync());
        var file = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.StartsWith("WARC/1.1\r\n", Encoding.ASCII.GetString(file, 0, Math.Min(file.Length, 16)), StringComparison.Ordinal);
        Assert.Contains(WarcReader.Read(file), r => r.Fields["WARC-Type"] == "response" && r["WARC-Target-URI"] == newsPage);
        var audit = await fixture.Server.AuditAsync(100);
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "watch.warc.downloaded" && e["actor"]!.GetValue<string>() == "run-watcher"
            && e["entity"]!.GetValue<string>() == $"watch-run/{run.Id}");
        await member.AssertCleanAsync();
        await member.CloseAsync();

        var outsider = await fixture.SignedInAnalystAsync("other-case-analyst", onTheCase: false, OwnPassword);
        await outsider.Page.GotoAsync(fixture.Address("/watch/leads").ToString());
        await outsider.InteractiveAsync();
        await outsider.Page.ClickAsync("button.show-all");
        await Assertions.Expect(outsider.Page.Locator("p.count")).ToBeVisibleAsync();
        await Assertions.Expect(outsider.Page.Locator("li.lead")).ToHaveCountAsync(0);
        await Assertions.Expect(outsider.Page.Locator("a[href^='/console/watch/leads/']")).ToHaveCountAsync(0);
        // By address, the lead's file is not there for them; the run's file is, without the page that raised the lead.
        var lead = Assert.Single(await services.GetRequiredService<AssetTrace.Watch.Leads.LeadStore>().ListAsync(AssetTrace.Visibility.Viewer.System("test"),
            null, "demo-case", 10, CancellationToken.None));
        var byAddress = await outsider.Page.Context.APIRequest.GetAsync(fixture.Address($"/console/watch/leads/{lead.Id}.warc").ToString());
        Assert.Equal(404, byAddress.Status);
        await outsider.Page.GotoAsync(fixture.Address("/watch").ToString());
        await outsider.InteractiveAsync();
        var theirs = await outsider.Page.RunAndWaitForDownloadAsync(() => outsider.Page.Locator("tr[data-source=news] a.warc").ClickAsync());
        var theirFile = await File.ReadAllBytesAsync((await theirs.PathAsync())!);
        Assert.StartsWith("WARC/1.1\r\n", Encoding.ASCII.GetString(theirFile, 0, Math.Min(theirFile.Length, 16)), StringComparison.Ordinal);
        Assert.DoesNotContain(WarcReader.Read(theirFile), r => r.Fields["WARC-Type"] == "response");
        Assert.DoesNotContain("Serik Achmetov", Encoding.UTF8.GetString(theirFile), StringComparison.Ordinal);
        await outsider.AssertCleanAsync();
        await outsider.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_sets_their_address_for_lead_notices_on_the_leads_page_and_a_bad_one_is_refused_naming_it()
    {
        var analyst = await fixture.SignedInAnalystAsync("notice-reader", onTheCase: true, OwnPassword);
        var page = analyst.Page;
        await page.GotoAsync(fixture.Address("/watch/leads").ToString());
        await analyst.InteractiveAsync();
        var form = page.Locator("div.lead-notices");

        await form.Locator("#notice-address").FillAsync("notice reader at office");
        await form.Locator("button.save-address").ClickAsync();
        await Assertions.Expect(form.Locator(".error")).ToContainTextAsync("notice reader at office");
        var accounts = fixture.Server.Services.GetRequiredService<AssetTrace.Accounts.AccountStore>();
        Assert.Null((await accounts.FindUserAsync("notice-reader", CancellationToken.None))!.Email);

        await form.Locator("#notice-address").FillAsync("notice.reader@office.example");
        await form.Locator("button.save-address").ClickAsync();
        await Assertions.Expect(form.Locator("p.notice-saved")).ToContainTextAsync("notice.reader@office.example");
        Assert.Equal("notice.reader@office.example", (await accounts.FindUserAsync("notice-reader", CancellationToken.None))!.Email);
        var audit = await fixture.Server.AuditAsync(100);
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "user.email-changed" && e["actor"]!.GetValue<string>() == "notice-reader");

        // Shown again on the next visit; the page stays clean.
        await page.ReloadAsync();
        await analyst.InteractiveAsync();
        await Assertions.Expect(page.Locator("#notice-address")).ToHaveValueAsync("notice.reader@office.example");
        await analyst.AssertCleanAsync();
        await analyst.CloseAsync();
    }
}
