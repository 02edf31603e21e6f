using AssetTrace.Requests.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// Recovery in the console (#17), in Debian's Chromium against the real server with the demo case:
/// the assistant proposes the CARIN and Egmont requests for the London flat and the accounts, one
/// becomes a draft request in one click, the flat is moved through the steps to "returned" with the
/// form, and a supervisor sees it in the figures by year and country in USD and downloads them as CSV.
/// An officer of another case finds nothing of it. Screenshots are kept in artifacts/console/.
/// </summary>
public sealed class RecoveryBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const string OwnPassword = "my own recovery password";

    [Fact]
    public async Task The_assistant_drafts_a_request_in_one_click_and_the_flat_moved_to_returned_shows_in_the_supervisors_figures()
    {
        await CreateUserAsync("rec-officer", "OFFICER");
        await CreateUserAsync("rec-supervisor", "SUPERVISOR");
        await CreateUserAsync("rec-stranger", "OFFICER", "SUPERVISOR");
        await fixture.Server.DataAsync("""
            mutation { updateCase(input: { id: "demo-case", reason: "recovery staffing", team: ["admin", "rec-officer"], supervisors: ["rec-supervisor"] }) { team } }
            """);

        var officer = await SignInAsync("rec-officer");
        var page = officer.Page;
        await page.ClickAsync("nav.sections a[href='/recovery']");
        await page.ClickAsync("ul.recovery-cases li[data-case=demo-case] a");
        await officer.InteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Case 2026-ARC-0017: recovery");
        var carin = page.Locator("article.recommendation[data-action=carin-land-registry][data-jurisdiction=GB]");
        // The first evaluation on a server that just started also loads its analytics snapshot and the playbooks.
        await Assertions.Expect(carin).ToContainTextAsync("Flat 12, 41 Harrowby Crescent", new() { Timeout = 60_000 });
        await Assertions.Expect(carin).ToContainTextAsync("Steppe Horizon Holdings Ltd");
        var egmont = page.Locator("article.recommendation[data-action=egmont-accounts][data-jurisdiction=CH]");
        await Assertions.Expect(egmont).ToContainTextAsync("CH93 0076 2011 6238 5295 7");
        await officer.ScreenshotAsync("recovery-case-recommendations");

        await carin.Locator("button.accept").ClickAsync();

        var draftLink = carin.Locator("a.draft-link");
        await Assertions.Expect(draftLink).ToBeVisibleAsync();
        var requestId = (await draftLink.GetAttributeAsync("href"))!["/requests/".Length..];
        var draft = await fixture.Server.Services.GetRequiredService<RequestStore>().GetAsync(requestId, default);
        Assert.Equal((RequestStatus.Draft, "CARIN", "GB", "rec-officer"), (draft!.Progress.Status, draft.Route.Network, draft.Route.Jurisdiction, draft.Stamp.CreatedBy));
        Assert.Equal(["demo-serik-akhmetov", "demo-flat-london"], draft.Body.SubjectIds);

        // A recommendation that drafts no request becomes a task of the case, marked done with a note.
        var analysis = page.Locator("article.recommendation[data-action=connected-person-analysis]").First;
        var taskKey = await analysis.GetAttributeAsync("data-key");
        await analysis.Locator("button.accept").ClickAsync();
        var task = page.Locator($"section.recovery-tasks li.task.open[data-key='{taskKey}']");
        await Assertions.Expect(task).ToContainTextAsync("rec-officer");
        await task.Locator("input.task-note").FillAsync("Connected persons analysed in report 12/2026");
        await task.Locator("input.task-note").BlurAsync();
        await task.Locator("button.complete").ClickAsync();
        await Assertions.Expect(page.Locator($"section.recovery-tasks li.task.done[data-key='{taskKey}'] .task-done"))
            .ToContainTextAsync("rec-officer");
        await Assertions.Expect(page.Locator($"section.recovery-tasks li.task.done[data-key='{taskKey}'] .task-done"))
            .ToContainTextAsync("Connected persons analysed in report 12/2026");

        // The flat through the steps, with the form: each step offered is one the table allows from where it stands.
        await RecordAsync(page, "Identified", "2026-02-01", "4200000", "HM Land Registry official copy NGL998812");
        await RecordAsync(page, "Traced", "2026-03-01", "4200000", "CARIN answer AT-2026-0031");
        await RecordAsync(page, "LinkEstablished", "2026-04-01", "4200000", "Expert report 14/2026");
        await RecordAsync(page, "Frozen", "2026-05-01", "4200000", "UK restraint order 2026/551", kind: "CourtDecision");
        await RecordAsync(page, "Confiscated", "2026-09-01", "4500000", "Astana court 2-118/2026", kind: "CourtDecision");
        await RecordAsync(page, "Returned", "2026-11-20", "4500000", "Special Fund transfer act 77", kind: "RosterAct");
        await Assertions.Expect(page.Locator("tr[data-node=demo-flat-london] td.step")).ToHaveTextAsync("returned");
        await officer.ScreenshotAsync("recovery-case-returned");
        await officer.AssertCleanAsync();
        await officer.CloseAsync();

        var supervisor = await SignInAsync("rec-supervisor");
        await supervisor.Page.ClickAsync("nav.sections a[href='/recovery/figures']");
        var returned = supervisor.Page.Locator("table.by-row tr[data-step=returned][data-year='2026'][data-country=GB]");
        // 4.5M GBP at 1.3440 USD (the latest rate on or before 2026-11-20).
        await Assertions.Expect(returned.Locator("td.usd")).ToHaveTextAsync("6,048,000");
        await Assertions.Expect(supervisor.Page.Locator("figure.step-chart g.bar[data-step=returned]")).ToHaveCountAsync(1);
        var download = await supervisor.Page.RunAndWaitForDownloadAsync(() => supervisor.Page.ClickAsync("#figures-csv"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("returned,2026,GB,corruption,network_request,1,6048000.00,0,0", csv, StringComparison.Ordinal);
        await supervisor.ScreenshotAsync("recovery-figures");
        await supervisor.AssertCleanAsync();
        await supervisor.CloseAsync();

        // An officer and supervisor of no case sees neither the case's steps nor its recommendations, by address, nor its figures.
        var stranger = await SignInAsync("rec-stranger");
        await stranger.Page.GotoAsync(fixture.Address("/recovery/demo-case").ToString());
        await Assertions.Expect(stranger.Page.Locator("main")).ToContainTextAsync("demo-case");
        Assert.Equal(0, await stranger.Page.Locator("article.recommendation, tr[data-node]").CountAsync());
        await stranger.Page.GotoAsync(fixture.Address("/recovery/figures").ToString());
        Assert.Equal(0, await stranger.Page.Locator("table.by-row tr[data-step]").CountAsync());
        await Assertions.Expect(stranger.Page.Locator("main")).ToContainTextAsync("Recovery figures");
        await stranger.CloseAsync();
    }

    private static async Task RecordAsync(IPage page, string step, string date, string value, string reference, string kind = "Document")
    {
        await page.SelectOptionAsync("#move-asset", "demo-flat-london");
        await page.SelectOptionAsync("#move-step", step);
        await page.FillAsync("#move-date", date);
        await page.FillAsync("#move-value", value);
        await page.FillAsync("#move-currency", "GBP");
        await page.SelectOptionAsync("#move-justification", kind);
        await page.FillAsync("#move-reference", reference);
        await page.ClickAsync("#move-record");
        await Assertions.Expect(page.Locator("form.record-move .notice")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#move-reference")).ToHaveValueAsync("");
    }

    private Task CreateUserAsync(string username, params string[] roles) => fixture.CreateConsoleUserAsync(username, OwnPassword, roles);

    private Task<ConsolePageWatch> SignInAsync(string username) => fixture.SignedInAsync(username, OwnPassword);
}
