using AssetTrace.Accounts;
using AssetTrace.Roster.Court;
using AssetTrace.Roster.Deadlines;
using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Roster.Notice;
using AssetTrace.WebConsole.Components.Pages.Roster;
using Microsoft.Extensions.DependencyInjection;
using AssetTrace.Visibility;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// The Commission's roster in the console, in Chromium against the real server (#16): a supervisor (the
/// authorised body) finds the former official among the candidates and proposes him; a Commission member
/// records the meeting's vote, which gives the entry its number; the supervisor records the notice's
/// delivery and the deadline appears on the board. Screenshots are kept in artifacts/console/.
/// </summary>
public sealed class RosterBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const string OwnPassword = "my own roster password";

    [Fact]
    public async Task A_proposal_a_decision_and_a_notice_go_through_the_console_each_by_its_own_role()
    {
        await CreateUserAsync("roster-supervisor", "SUPERVISOR");
        await CreateUserAsync("roster-member", "COMMISSION");
        await fixture.Server.DataAsync("""
            mutation { updateCase(input: { id: "demo-case", reason: "roster staffing", team: ["admin", "roster-supervisor", "roster-member"] }) { team } }
            """);

        var supervisor = await SignInAsync("roster-supervisor");
        var page = supervisor.Page;
        await page.ClickAsync("nav.sections a[href='/roster']");
        await Assertions.Expect(page.Locator("nav.roster-nav a[href='/roster/candidates']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.GotoAsync(fixture.Address("/roster/candidates").ToString());
        await supervisor.InteractiveAsync();
        var serik = page.Locator("section.roster-candidate[data-person=demo-serik-akhmetov]");
        await Assertions.Expect(serik.Locator("table.roster-assets tbody tr")).Not.ToHaveCountAsync(0);
        await supervisor.ScreenshotAsync("roster-01-candidates");
        await serik.Locator("a.button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/roster/propose/demo-serik-akhmetov$"));
        await supervisor.InteractiveAsync();
        await page.CheckAsync("#criterion-assets_exceed_income");
        await page.CheckAsync("#criterion-public_office");
        await page.FillAsync("#propose-statement", "Assets abroad far beyond a vice-minister's salary, held through relatives.");
        await page.Locator("#propose-statement").BlurAsync();
        await page.ClickAsync("#propose-submit");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/roster/[0-9a-f-]{36}$"));
        var entryPath = new Uri(page.Url).AbsolutePath;
        var id = entryPath["/roster/".Length..];
        await Assertions.Expect(page.Locator(".roster-history li[data-event=proposed]")).ToHaveCountAsync(1);
        // The authorised body does not decide: the vote's form is not offered to it.
        await Assertions.Expect(page.Locator("#action-decide")).ToHaveCountAsync(0);
        await supervisor.ScreenshotAsync("roster-02-proposed");

        var member = await SignInAsync("roster-member");
        await member.Page.GotoAsync(fixture.Address("/roster").ToString());
        // A click before the board's circuit is live can be lost to the page's own start-up on a busy machine.
        await member.InteractiveAsync();
        await member.Page.ClickAsync($"tr[data-entry='{id}'] a");
        await Assertions.Expect(member.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(entryPath + "$"));
        await Assertions.Expect(member.Page.Locator("#decide-for")).ToBeVisibleAsync();
        await member.InteractiveAsync();
        await member.Page.FillAsync("#decide-for", "4");
        await member.Page.FillAsync("#decide-against", "1");
        await member.Page.FillAsync("#decide-members", "Member A\nMember B\nMember C\nMember D\nMember E");
        await member.Page.Locator("#decide-members").BlurAsync();
        await member.Page.ClickAsync("#action-decide");
        await Assertions.Expect(member.Page.Locator("#entry-decision")).ToContainTextAsync("4 / 1 / 0 (roster-member)");
        var number = (await fixture.Server.Services.GetRequiredService<RosterStore>().GetAsync(Viewer.System("test"), id, default))!.Number!;
        await Assertions.Expect(member.Page.Locator("h1")).ToContainTextAsync(number);
        await Assertions.Expect(member.Page.Locator("#action-notify")).ToHaveCountAsync(0);
        await member.ScreenshotAsync("roster-03-decided");

        await page.ReloadAsync();
        await supervisor.InteractiveAsync();
        await page.FillAsync("#notice-method", "by hand, receipt 17");
        await page.Locator("#notice-method").BlurAsync();
        await page.ClickAsync("#action-notify");
        await Assertions.Expect(page.Locator("#entry-deadline")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2}$"));
        var deadline = (await fixture.Server.Services.GetRequiredService<RosterStore>().GetAsync(Viewer.System("test"), id, default))!.DeadlineOn!.Value;
        await page.ClickAsync("nav.roster-nav a[href='/roster']");
        await Assertions.Expect(page.Locator($"tr[data-entry='{id}'] td.stage-notified"))
            .ToHaveTextAsync(deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await supervisor.ScreenshotAsync("roster-04-board");

        await supervisor.AssertCleanAsync();
        await member.AssertCleanAsync();
        await supervisor.CloseAsync();
        await member.CloseAsync();
    }

    [Fact]
    public async Task A_declaration_its_evaluation_the_court_and_a_return_go_through_the_console_and_another_cases_user_gets_no_document()
    {
        await CreateUserAsync("roster-body", "SUPERVISOR");
        await CreateUserAsync("roster-voter", "COMMISSION");
        await fixture.JoinDemoCaseAsync("roster-body");
        await fixture.JoinDemoCaseAsync("roster-voter");
        var body = Viewer.User("roster-body", [Role.Supervisor], ["demo-case"]);
        var voter = Viewer.User("roster-voter", [Role.Commission], ["demo-case"]);
        var services = fixture.Server.Services;
        var desk = services.GetRequiredService<RosterDesk>();
        // The other test of this class may have left Serik's entry open: it leaves the roster first (four eyes), as it would in the office.
        foreach (var open in (await desk.ListAsync(body, "demo-case", null, default)).Where(e => RosterTransitions.From(e.Stage).Contains(RosterStage.Excluded)))
        {
            await desk.RequestExclusionAsync(open.Id, "Making way for the next test's entry.", null, body, default);
            await desk.ApproveExclusionAsync(open.Id, null, voter, default);
        }
        // Proposal, decision and notice go through the console in the test above; here they are the starting point.
        var entry = await desk.ProposeAsync(new RosterProposal("demo-case", "demo-serik-akhmetov", null, ["assets_exceed_income"], "Assets far beyond his salary."), body, default);
        entry = await desk.DecideAsync(entry.Id, new RosterVote(LegalCalendar.Today(TimeProvider.System), 3, 0, 0, ["A", "B", "C"]), null, voter, default);
        entry = await services.GetRequiredService<RosterNotices>().RecordDeliveryAsync(entry.Id, LegalCalendar.Today(TimeProvider.System), "by hand", null, body, default);
        var entryUrl = fixture.Address($"/roster/{entry.Id}").ToString();

        var watch = await SignInAsync("roster-body");
        var page = watch.Page;
        await page.GotoAsync(entryUrl);
        await watch.InteractiveAsync();
        // The deadline is extended with a reason; the form then offers no more than the three months the law allows.
        await page.FillAsync("#extend-months", "3");
        await page.FillAsync("#extend-reason", "Documents requested from abroad.");
        await page.Locator("#extend-reason").BlurAsync();
        await page.ClickAsync("#action-extend");
        await Assertions.Expect(page.Locator(".roster-history li[data-event=deadline_extended]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#action-extend")).ToHaveCountAsync(0);
        var extended = (await services.GetRequiredService<RosterStore>().GetAsync(body, entry.Id, default))!.DeadlineOn!.Value;
        await Assertions.Expect(page.Locator("#entry-deadline")).ToHaveTextAsync(extended.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(extended > entry.DeadlineOn, $"{extended} after {entry.DeadlineOn}");

        // A file that is not a PDF is refused with the fields named, and nothing is stored.
        await page.SetInputFilesAsync("#declaration-file", new FilePayload { Name = "notes.html", MimeType = "text/html", Buffer = "<script>alert(1)</script>"u8.ToArray() });
        await page.ClickAsync("#action-declare");
        await Assertions.Expect(page.Locator(".roster-declarations .error")).ToContainTextAsync("contentType");
        await Assertions.Expect(page.Locator(".roster-documents li")).ToHaveCountAsync(0);
        await page.SetInputFilesAsync("#declaration-file", new FilePayload { Name = "declaration.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 the subject's declaration"u8.ToArray() });
        await page.ClickAsync("#action-declare");
        await Assertions.Expect(page.Locator("#entry-stage")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stage-under-evaluation"));
        await Assertions.Expect(page.Locator(".roster-documents li")).ToContainTextAsync("declaration.pdf");

        // An evaluation without a reason is refused and what was chosen stays; with one it is recorded.
        var asset = entry.AssetIds[0];
        await page.SelectOptionAsync("#evaluate-asset", asset);
        await page.ClickAsync("#action-evaluate");
        await Assertions.Expect(page.Locator(".roster-declarations .error")).ToContainTextAsync("reason");
        await Assertions.Expect(page.Locator("#evaluate-asset")).ToHaveValueAsync(asset);
        await page.FillAsync("#evaluate-reason", "No source of funds shown for the purchase.");
        await page.Locator("#evaluate-reason").BlurAsync();
        await page.ClickAsync("#action-evaluate");
        await Assertions.Expect(page.Locator(".roster-history li[data-event=asset_evaluated]")).ToHaveCountAsync(1);
        await watch.ScreenshotAsync("roster-05-evaluated");

        // The deadline's passing is the clock's act (tested with a fake clock in RosterContract); this server runs on the real one.
        await services.GetRequiredService<RosterStore>().ChangeAsync(entry.Id, Viewer.System("scheduler"), null, "deadline_passed", "test: the deadline passed",
            (e, _, _) => Task.FromResult(e with { Stage = RosterStage.CourtApplication }), default);
        await page.ReloadAsync();
        await watch.InteractiveAsync();
        foreach (var (step, css) in new[] { ("Filed", "filed"), ("InterimMeasures", "interim-measures"), ("Decided", "decided"), ("Forfeited", "forfeited") })
        {
            await page.SelectOptionAsync("#court-step", step);
            await page.FillAsync("#court-note", $"Almaty city court, case 2-{css}.");
            await page.Locator("#court-note").BlurAsync();
            await page.ClickAsync("#action-court-step");
            await Assertions.Expect(page.Locator("#entry-stage")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex($"stage-{css}$"));
        }
        await Assertions.Expect(page.Locator("#court-step")).ToHaveCountAsync(0);

        // A negative amount is refused, the amount typed stays in its field; a real one is recorded.
        await page.SelectOptionAsync("#return-asset", asset);
        await page.FillAsync("#return-amount", "-5");
        await page.Locator("#return-amount").BlurAsync();
        await page.ClickAsync("#action-return");
        await Assertions.Expect(page.Locator(".roster-court .error")).ToContainTextAsync("amount");
        await Assertions.Expect(page.Locator("#return-amount")).ToHaveValueAsync("-5");
        await page.FillAsync("#return-amount", "1 250 000,50");
        await page.FillAsync("#return-currency", "eur");
        await page.Locator("#return-currency").BlurAsync();
        await page.ClickAsync("#action-return");
        await Assertions.Expect(page.Locator(".roster-history li[data-event=fund_return]")).ToContainTextAsync("1250000.50 EUR");
        await watch.ScreenshotAsync("roster-06-returned");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#notice-kk"));
        Assert.Equal("notice-kk.pdf", download.SuggestedFilename);
        var application = await page.Context.APIRequest.GetAsync(fixture.Address(RosterDocumentsEndpoint.CourtApplicationLink(entry.Id, "en")).ToString());
        Assert.Equal(200, application.Status);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await application.BodyAsync())[..5], StringComparison.Ordinal);

        await page.ClickAsync("nav.roster-nav a[href='/roster/fund']");
        await Assertions.Expect(page.Locator("#fund-total")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.figures tbody th", new() { HasText = LegalCalendar.Today(TimeProvider.System).Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            .ToHaveCountAsync(1);
        await watch.ScreenshotAsync("roster-07-fund");

        // Another case's supervisor asks for the same files by their addresses: each is a 404, as for no entry at all.
        var outsider = await fixture.SignedInNewUserAsync("roster-outsider", "SUPERVISOR", onTheCase: false, OwnPassword);
        var document = (await services.GetRequiredService<RosterEvaluations>().DocumentsAsync(entry.Id, body, default)).Single();
        foreach (var link in new[] { RosterDocumentsEndpoint.NoticeLink(entry.Id, "ru"), RosterDocumentsEndpoint.CourtApplicationLink(entry.Id, "ru"),
            RosterDocumentsEndpoint.DocumentLink(document.Id) })
        {
            var refused = await outsider.Page.Context.APIRequest.GetAsync(fixture.Address(link).ToString());
            Assert.Equal(404, refused.Status);
            Assert.DoesNotContain("%PDF", await refused.TextAsync(), StringComparison.Ordinal);
        }
        await outsider.Page.GotoAsync(entryUrl);
        await Assertions.Expect(outsider.Page.Locator("main .error")).ToBeVisibleAsync();
        await Assertions.Expect(outsider.Page.Locator("#entry-stage")).ToHaveCountAsync(0);
        await Assertions.Expect(outsider.Page.Locator(".roster-downloads a")).ToHaveCountAsync(0);

        // An analyst on the case reads and downloads, but is offered no form: the return the supervisor had is not there.
        var reader = await fixture.SignedInAnalystAsync("roster-reader", onTheCase: true, OwnPassword);
        await reader.Page.GotoAsync(entryUrl);
        await reader.InteractiveAsync();
        await Assertions.Expect(reader.Page.Locator("#notice-en")).ToBeVisibleAsync();
        await Assertions.Expect(reader.Page.Locator("#action-return")).ToHaveCountAsync(0);
        await Assertions.Expect(reader.Page.Locator(".roster-actions")).ToHaveCountAsync(0);

        var audited = await services.GetRequiredService<AssetTrace.Audit.AuditLog>().ListAsync($"roster/{entry.Id}", null, 200, default);
        Assert.Contains(audited, a => a is { Actor: "roster-body", Action: "roster.notice_downloaded" });
        Assert.Contains(audited, a => a is { Actor: "roster-body", Action: "roster.court_application_downloaded" });
        Assert.DoesNotContain(audited, a => a.Actor == "roster-outsider");

        // The entry leaves the roster's open list, so that the other test of this class can propose Serik again.
        await services.GetRequiredService<RosterCourt>().RecordStepAsync(entry.Id, RosterStage.Closed, "Returns complete.", null, body, default);
        await watch.AssertCleanAsync();
        await outsider.AssertCleanAsync();
        await reader.AssertCleanAsync();
        await watch.CloseAsync();
        await outsider.CloseAsync();
        await reader.CloseAsync();
    }

    private Task CreateUserAsync(string username, string role) => fixture.CreateConsoleUserAsync(username, OwnPassword, role);

    private Task<ConsolePageWatch> SignInAsync(string username) => fixture.SignedInAsync(username, OwnPassword);
}
