using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// The web console in Debian's Chromium under the server's Content-Security-Policy (#13): a new
/// user's first sign-in with the printed password, the analyst's search, entity page, network and
/// PNG export, and need-to-know: an outsider sees none of the demo case's restricted facts in any
/// of them while a member of its team does. Screenshots are kept in artifacts/console/.
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const string OwnPassword = "my own console password";

    [Fact]
    public async Task A_new_admin_signs_in_with_the_printed_password_chooses_their_own_and_traces_the_demo_case()
    {
        var watch = await ConsolePageWatch.OpenAsync(fixture.Browser);
        var page = watch.Page;

        // Not signed in: the console sends the user to its sign-in page, served under the strict policy.
        var response = await page.GotoAsync(fixture.Address("/").ToString());
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        Assert.EndsWith("/signin?back=%2F", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");

        // The printed password is one-time: it leads to choosing one's own.
        await watch.SignInAsync(fixture.Address("/"), "admin", fixture.FirstRunPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Choose your own password");
        await page.FillAsync("#password-current", fixture.FirstRunPassword);
        await page.FillAsync("#password-new", OwnPassword);
        await page.FillAsync("#password-confirm", OwnPassword);
        await watch.ScreenshotAsync("01-password");
        await page.ClickAsync("#password-form button[type=submit]");
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync("admin");

        // Switched to Russian and back: every text follows.
        await watch.InteractiveAsync();
        await page.ClickAsync("nav.languages a[lang=ru]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Поиск лиц, компаний и активов");
        await page.ClickAsync("nav.languages a[lang=en]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Search persons, companies and assets");
        // Typed before the circuit is live, the text would be reset by its first render.
        await watch.InteractiveAsync();

        // A German spelling finds the person written in Cyrillic, shown beside its transliteration,
        // with the matcher's score and why it matched.
        await page.FillAsync("#search-query", "Achmetow");
        await page.PressAsync("#search-query", "Enter");
        var serik = page.Locator("table.results tr", new() { HasText = "Серік Ахметов" });
        await Assertions.Expect(serik).ToContainTextAsync("Serik Akhmetov");
        await Assertions.Expect(serik.Locator("td.why")).ToContainTextAsync("achmetow ≈ ахметов (transliteration)");
        await watch.ScreenshotAsync("02-search");
        await serik.GetByRole(AriaRole.Link).ClickAsync();

        // The entity page: identifiers, and each fact with its source and restriction.
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Серік Ахметов");
        await Assertions.Expect(page.Locator("dl.properties").First).ToContainTextAsync("610417300123");
        var owns = page.Locator("table.facts tr[data-edge=demo-e-serik-owns-steppe]");
        await Assertions.Expect(owns).ToContainTextAsync("Steppe Horizon Holdings Ltd");
        await Assertions.Expect(owns).ToContainTextAsync("60 %");
        await Assertions.Expect(owns).ToContainTextAsync("CARIN request AT-2026-0031");
        await Assertions.Expect(owns.Locator(".badge.intelligence")).ToHaveTextAsync("Intelligence only — not evidence");
        await Assertions.Expect(page.Locator("table.history")).ToContainTextAsync("created");
        await watch.ScreenshotAsync("03-entity");

        // The network: drawn around the person, expanded from the keyboard-usable list of nodes.
        await page.ClickAsync("text=Open the network");
        await watch.InteractiveAsync();
        var nodes = page.Locator("ul.nodes-in-view");
        await Assertions.Expect(nodes).ToContainTextAsync("Steppe Horizon Holdings Ltd");
        await Assertions.Expect(page.Locator("#network-canvas canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(nodes).Not.ToContainTextAsync("Kestrel Meridian Investments Ltd");
        await nodes.Locator("li[data-node=demo-steppe-horizon] button.expand").ClickAsync();
        await Assertions.Expect(nodes).ToContainTextAsync("Kestrel Meridian Investments Ltd");
        await watch.ScreenshotAsync("04-network");

        // Export PNG: a real image of the view arrives as a download.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-png"));
        var saved = ConsoleFixture.ArtifactPath("05-network-export.png");
        await download.SaveAsAsync(saved);
        var bytes = await File.ReadAllBytesAsync(saved);
        Assert.True(bytes.Length > 5000, $"the PNG has only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.Equal("network-demo-serik-akhmetov.png", download.SuggestedFilename);

        await watch.AssertCleanAsync();

        // Signing out ends the session: the console asks for a sign-in again.
        await page.ClickAsync("form.signout button");
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("You have signed out");
        await page.GotoAsync(fixture.Address("/entities/demo-serik-akhmetov").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await watch.CloseAsync();
    }

    [Fact]
    public async Task An_outsider_sees_no_restricted_fact_of_the_demo_case_in_the_console_while_a_team_member_does()
    {
        // Both are analysts; only the member is on the demo case's team.
        foreach (var name in new[] { "outsider", "member" })
        {
            await fixture.CreateConsoleUserAsync(name, OwnPassword, "ANALYST");
        }
        await fixture.Server.DataAsync("""
            mutation { updateCase(input: { id: "demo-case", reason: "staffing", team: ["admin", "member"] }) { team } }
            """);

        var outsider = await ViewAsync("outsider");
        var member = await ViewAsync("member");

        // What the networks answered is restricted to the case: a BVI company, its nominee, its address, its references.
        string[] secrets = ["Steppe Horizon", "Marcus Pellow", "Harbour Chambers", "CARIN", "AT-2026-0031", "demo-case"];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, outsider.Everything, StringComparison.Ordinal);
        }
        Assert.Contains("Steppe Horizon Holdings Ltd", member.Search, StringComparison.Ordinal);
        Assert.Contains("Steppe Horizon Holdings Ltd", member.Entity, StringComparison.Ordinal);
        Assert.Contains("CARIN request AT-2026-0031", member.Entity, StringComparison.Ordinal);
        Assert.Contains("Restricted to case demo-case", member.Entity, StringComparison.Ordinal);
        Assert.Contains("Steppe Horizon Holdings Ltd", member.Network, StringComparison.Ordinal);
        Assert.Contains("Steppe Horizon Holdings Ltd", member.HiddenEntity, StringComparison.Ordinal);
        Assert.Contains("Серік Ахметов", member.Owners, StringComparison.Ordinal);

        // The outsider still sees the open facts, and is told plainly when something is not there for them.
        Assert.Contains("Серік Ахметов", outsider.Entity, StringComparison.Ordinal);
        Assert.Contains("Әлия Ахметова", outsider.Network, StringComparison.Ordinal);
        Assert.Contains("Not found", outsider.HiddenEntity, StringComparison.Ordinal);
        Assert.DoesNotContain("Серік Ахметов", outsider.Owners, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_left_open_reads_nothing_more_once_the_account_is_disabled()
    {
        await fixture.CreateConsoleUserAsync("leaver", OwnPassword, "ANALYST");
        var watch = await ConsolePageWatch.OpenAsync(fixture.Browser);
        var page = watch.Page;
        await watch.SignInAsync(fixture.Address("/"), "leaver", OwnPassword);
        await page.GotoAsync(fixture.Address("/network/demo-aliya-akhmetova").ToString());
        await watch.InteractiveAsync();
        var nodes = page.Locator("ul.nodes-in-view li");
        var before = await nodes.CountAsync();

        // The tab's circuit outlives the account: each read asks the store about the session again.
        await fixture.Server.DataAsync("""mutation { disableUser(username: "leaver", reason: "left the office") { username } }""");
        await page.Locator("ul.nodes-in-view li[data-node=demo-serik-akhmetov] button.expand").ClickAsync();

        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("Your session has ended");
        await Assertions.Expect(page.Locator("[role=alert] a")).ToHaveAttributeAsync("href", "/signin");
        Assert.Equal(before, await nodes.CountAsync());
        await watch.ScreenshotAsync("08-session-ended");
        await watch.CloseAsync();
    }

    private sealed record Seen(string Search, string Entity, string HiddenEntity, string Network, string Owners)
    {
        public string Everything => string.Join("\n", Search, Entity, HiddenEntity, Network, Owners);
    }

    /// <summary>What one user sees of the demo case on each page of the console.</summary>
    private async Task<Seen> ViewAsync(string username)
    {
        var watch = await ConsolePageWatch.OpenAsync(fixture.Browser);
        var page = watch.Page;
        if (username == "outsider")
        {
            // A wrong password first: the page says what went wrong and what to do.
            await watch.SignInAsync(fixture.Address("/"), username, "not the password");
            await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("Check the name and password and try again.");
        }
        await watch.SignInAsync(fixture.Address("/"), username, OwnPassword);
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync(username);

        await watch.InteractiveAsync();
        await page.FillAsync("#search-query", "Steppe Horizon");
        await page.PressAsync("#search-query", "Enter");
        await Assertions.Expect(page.Locator("p.count")).ToBeVisibleAsync();
        var search = await page.Locator("main").InnerTextAsync();

        var entity = await ReadAsync(page, "/entities/demo-serik-akhmetov", "table.history");
        var hidden = await ReadAsync(page, "/entities/demo-steppe-horizon", "main :is(h1, [role=alert])");
        await page.GotoAsync(fixture.Address("/network/demo-serik-akhmetov").ToString());
        await Assertions.Expect(page.Locator("ul.nodes-in-view li[data-node=demo-aliya-akhmetova]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#network-canvas canvas").First).ToBeVisibleAsync();
        var network = await page.Locator("main").InnerTextAsync() + await page.Locator("ul.nodes-in-view").InnerHTMLAsync();
        await watch.ScreenshotAsync($"06-network-{username}");
        var owners = await ReadAsync(page, "/owners/demo-flat-london", "main h1");
        await watch.ScreenshotAsync($"07-owners-{username}");

        await watch.AssertCleanAsync();
        await watch.CloseAsync();
        return new Seen(search, entity, hidden, network, owners);
    }

    private async Task<string> ReadAsync(IPage page, string path, string ready)
    {
        await page.GotoAsync(fixture.Address(path).ToString());
        await Assertions.Expect(page.Locator(ready).First).ToBeVisibleAsync();
        // Once the circuit is live the page is final (the prerendered copy is the same content).
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return await page.Locator("main").InnerTextAsync();
    }
}
