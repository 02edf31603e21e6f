using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// axe-core (#13) on every console page at 1280×800, as a member of the demo case's team (analyst,
/// officer and supervisor, so that the request desk's, recovery's and roster's pages are reached too), so the
/// restricted facts and their marks are on the pages too. A page fails on any serious or critical
/// violation, listed with its rule, impact and elements. A new page is covered by one line in
/// <see cref="SignedInPages"/>.
/// </summary>
/// <remarks>
/// axe is put into the page by Playwright's evaluate, which runs over the DevTools protocol and is not
/// subject to the page's Content-Security-Policy (the policy governs the page's own scripts); so the
/// test runs under the server's real policy, and <see cref="ConsolePageWatch"/> still fails it on any
/// violation of that policy.
/// </remarks>
public sealed class AccessibilityTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const string Member = "a11y-member";
    private const string OneTimePassword = "one-time password 123";
    private const string OwnPassword = "my own console password";

    /// <summary>
    /// A console page to check: what it is, where it is, and what is on it once it has loaded. An address
    /// nobody serves answers 404 (which the browser logs as an error) with a static page and no circuit.
    /// </summary>
    public sealed record ConsolePageToCheck(string Name, string Path, string Ready, bool NotFound = false);

    /// <summary>Every page a signed-in user reaches. Add one line for each new page (or state of one).</summary>
    public static readonly ConsolePageToCheck[] SignedInPages =
    [
        new("search with results", "/?q=Akhmetov", "table.results"),
        new("entity page", "/entities/demo-serik-akhmetov", "table.history"),
        new("network", "/network/demo-serik-akhmetov", "#network-canvas canvas"),
        new("beneficial owners", "/owners/demo-flat-london", "section.owner"),
        new("holdings and wealth", "/holdings/demo-serik-akhmetov", "section.wealth"),
        new("path finder", "/paths?from=demo-serik-akhmetov&to=demo-flat-london", "ol.found-paths"),
        new("timeline as of a date", "/timeline/demo-serik-akhmetov?asOf=2020-01-01", "table.timeline"),
        new("import", "/interchange/import", "#import-form"),
        new("export", "/interchange/export", "#export-form"),
        new("requests", "/requests", "p.count"),
        new("request composer", "/requests/new", "#composer-form"),
        new("approval queue", "/requests/approvals", "p.count"),
        new("holding pen", "/requests/holding-pen", "p.count"),
        new("overdue and turnaround", "/requests/figures", "p.count"),
        new("recovery cases", "/recovery", "ul.recovery-cases"),
        new("recovery of a case", "/recovery/demo-case", "section.recovery-assets"),
        new("recovery figures", "/recovery/figures", "#figures-csv"),
        new("roster board", "/roster", "main h1"),
        new("roster candidates", "/roster/candidates", "section.roster-candidate"),
        new("roster proposal", "/roster/propose/demo-serik-akhmetov", "#propose-statement"),
        new("special fund", "/roster/fund", "main h1"),
        new("watch sources", "/watch", "p.count"),
        new("watch leads", "/watch/leads", "p.count"),
        new("unknown address", "/no-such-page", "main h1", NotFound: true),
        new("not-found page", "/entities/no-such-entity", "main [role=alert]"),
        new("error state", "/?q=%21%21", "main [role=alert]"),
    ];

    private static readonly string[] Failing = ["serious", "critical"];

    /// <summary>Rules of lesser impact the console was found to break and now keeps: a page without a heading (the entity not found).</summary>
    private static readonly string[] Kept = ["page-has-heading-one"];

    [Fact]
    public async Task Every_console_page_has_no_serious_or_critical_accessibility_violation()
    {
        await fixture.Server.DataAsync($$"""mutation { createUser(input: { username: "{{Member}}", roles: [ANALYST, OFFICER, SUPERVISOR], password: "{{OneTimePassword}}" }) { id } }""");
        await fixture.Server.DataAsync($$"""
            mutation { updateCase(input: { id: "demo-case", reason: "accessibility check", team: ["admin", "{{Member}}"] }) { team } }
            """);
        var found = new List<string>();
        var watch = await ConsolePageWatch.OpenAsync(fixture.Browser);
        var page = watch.Page;

        // Signed out: the sign-in page, then the forced change of the one-time password.
        await page.GotoAsync(fixture.Address("/signin").ToString());
        found.AddRange(await CheckAsync(page, "sign-in", "#signin-form"));
        await watch.SignInAsync(fixture.Address("/"), Member, OneTimePassword);
        found.AddRange(await CheckAsync(page, "password change", "#password-form"));
        await page.FillAsync("#password-current", OneTimePassword);
        await page.FillAsync("#password-new", OwnPassword);
        await page.FillAsync("#password-confirm", OwnPassword);
        await page.ClickAsync("#password-form button[type=submit]");
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync(Member);

        foreach (var (name, path, ready, notFound) in SignedInPages)
        {
            if (notFound)
            {
                // In a tab of its own (same sign-in), so the 404 the browser logs is not taken for a fault of the other pages.
                var tab = await page.Context.NewPageAsync();
                var answer = await tab.GotoAsync(fixture.Address(path).ToString());
                Assert.Equal(404, answer!.Status);
                found.AddRange(await CheckAsync(tab, name, ready));
                await tab.CloseAsync();
                continue;
            }
            await page.GotoAsync(fixture.Address(path).ToString());
            await watch.InteractiveAsync();
            found.AddRange(await CheckAsync(page, name, ready));
        }

        Assert.True(found.Count == 0, "Accessibility violations (serious or critical, or a rule the console keeps):\n" + string.Join("\n", found));
        await watch.AssertCleanAsync();
        await watch.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_address_answers_404_with_the_console_page_while_the_API_and_missing_files_keep_their_plain_404()
    {
        var page = await fixture.Server.Client.GetAsync("/no-such-page");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=", html, StringComparison.Ordinal);
        Assert.Contains("<h1>", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // What is not a page stays a bare 404: an API path, a missing script or stylesheet, a POST.
        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Get, "/graphql/no-such-thing"),
            new HttpRequestMessage(HttpMethod.Get, "/auth/no-such-thing"),
            new HttpRequestMessage(HttpMethod.Get, "/console/no-such-file.js"),
            new HttpRequestMessage(HttpMethod.Post, "/no-such-page"),
        })
        {
            var answer = await fixture.Server.Client.SendAsync(request);
            Assert.True(answer.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.MethodNotAllowed, $"{request.Method} {request.RequestUri}: {answer.StatusCode}");
            Assert.Equal("", await answer.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The page's serious and critical violations, one line each: page, rule, impact, elements.</summary>
    private static async Task<List<string>> CheckAsync(IPage page, string name, string ready)
    {
        await Assertions.Expect(page.Locator(ready).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ConsoleFixture.ArtifactPath($"a11y-{name.Replace(' ', '-')}.png"), FullPage = true });
        var result = await page.RunAxe();
        return [.. result.Violations
            .Where(v => Failing.Contains(v.Impact) || Kept.Contains(v.Id))
            .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(Target))}")];
    }

    private static string Target(AxeResultNode node) => node.Target?.ToString() ?? node.Html;
}
