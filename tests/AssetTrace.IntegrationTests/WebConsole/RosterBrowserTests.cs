using AssetTrace.Roster.Entries;
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

    private Task CreateUserAsync(string username, string role) => fixture.CreateConsoleUserAsync(username, OwnPassword, role);

    private Task<ConsolePageWatch> SignInAsync(string username) => fixture.SignedInAsync(username, OwnPassword);
}
