using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// The analyst's main tasks with the keyboard alone (#13), at 1280×800: sign in, skip to the content,
/// search, open a result, open its network, export the view and expand a node; every control reached
/// shows where the focus is.
/// </summary>
public sealed class KeyboardTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const string Analyst = "keyboard-analyst";
    private const string OwnPassword = "my own console password";

    /// <summary>More Tab presses than any page of the console needs to reach a control.</summary>
    private const int MostTabs = 60;

    [Fact]
    public async Task An_analyst_searches_opens_a_result_and_works_its_network_with_the_keyboard_alone()
    {
        await fixture.CreateConsoleUserAsync(Analyst, OwnPassword, "ANALYST");
        await fixture.Server.DataAsync($$"""
            mutation { updateCase(input: { id: "demo-case", reason: "keyboard check", team: ["admin", "{{Analyst}}"] }) { team } }
            """);
        var watch = await ConsolePageWatch.OpenAsync(fixture.Browser);
        var page = watch.Page;
        var keyboard = page.Keyboard;

        // Sign in: the name field has the focus; Tab to the password, Enter sends the form.
        await page.GotoAsync(fixture.Address("/signin").ToString());
        await AssertFocusedAsync(page, "#signin-username");
        await keyboard.TypeAsync(Analyst);
        await TabToAsync(page, "#signin-password");
        await keyboard.TypeAsync(OwnPassword);
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync(Analyst);
        await watch.InteractiveAsync();

        // The first Tab reaches the skip link, shown while focused; it moves the focus past the header.
        await TabToAsync(page, "a.skip");
        await Assertions.Expect(page.Locator("a.skip")).ToBeInViewportAsync();
        await keyboard.PressAsync("Enter");
        await AssertFocusedAsync(page, "main");
        await TabToAsync(page, "#search-query");

        // Search, then open the person written in Cyrillic from the results.
        await keyboard.TypeAsync("Akhmetov");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("table.results")).ToContainTextAsync("Серік Ахметов");
        await TabToAsync(page, "table.results a[href='/entities/demo-serik-akhmetov']");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Серік Ахметов");
        await watch.InteractiveAsync();

        // On a page other than the search, the skip link still stays on the page and moves the focus.
        await page.Locator("body").FocusAsync();
        await TabToAsync(page, "a.skip");
        await keyboard.PressAsync("Enter");
        await AssertFocusedAsync(page, "main");
        Assert.EndsWith("/entities/demo-serik-akhmetov", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        // The network: reach the export and a node's expand button, and use both.
        await TabToAsync(page, "a[href='/network/demo-serik-akhmetov']");
        await keyboard.PressAsync("Enter");
        await watch.InteractiveAsync();
        await Assertions.Expect(page.Locator("#network-canvas canvas").First).ToBeVisibleAsync();
        await TabToAsync(page, "#export-png");
        var download = await page.RunAndWaitForDownloadAsync(() => keyboard.PressAsync("Enter"));
        Assert.Equal("network-demo-serik-akhmetov.png", download.SuggestedFilename);
        var nodes = page.Locator("ul.nodes-in-view");
        await Assertions.Expect(nodes).Not.ToContainTextAsync("Kestrel Meridian Investments Ltd");
        await TabToAsync(page, "li[data-node=demo-steppe-horizon] button.expand");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(nodes).ToContainTextAsync("Kestrel Meridian Investments Ltd");
        await watch.ScreenshotAsync("keyboard-network");

        await watch.AssertCleanAsync();
        await watch.CloseAsync();
    }

    [Fact]
    public async Task An_officer_records_a_step_and_accepts_a_recommendation_on_the_recovery_page_with_the_keyboard_alone()
    {
        const string officer = "keyboard-officer";
        var watch = await fixture.SignedInNewUserAsync(officer, "OFFICER", onTheCase: true, OwnPassword);
        var page = watch.Page;
        var keyboard = page.Keyboard;
        await page.GotoAsync(fixture.Address("/recovery/demo-case").ToString());
        await watch.InteractiveAsync();
        // The first evaluation on a server that just started also loads its analytics snapshot and the playbooks.
        var egmont = page.Locator("article.recommendation[data-action=egmont-accounts][data-jurisdiction=CH]");
        await Assertions.Expect(egmont).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // The record form: choose the flat and its first step with the arrow keys, type the rest, Enter sends it.
        await page.Locator("body").FocusAsync();
        await TabToAsync(page, "#move-asset");
        await keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#move-asset")).Not.ToHaveValueAsync("");
        var asset = await page.Locator("#move-asset").InputValueAsync();
        await TabToAsync(page, "#move-step");
        await keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#move-step")).ToHaveValueAsync("Identified");
        await TabToAsync(page, "#move-value");
        await keyboard.TypeAsync("4200000");
        await TabToAsync(page, "#move-currency");
        await keyboard.TypeAsync("GBP");
        await TabToAsync(page, "#move-reference");
        await keyboard.TypeAsync("Land registry copy 17");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("form.record-move .notice")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"tr[data-node='{asset}'] td.step")).ToHaveTextAsync("identified");

        // The Egmont recommendation: Tab to its accept button, Enter drafts the request, and its link takes the focus next.
        await TabToAsync(page, "article.recommendation[data-action=egmont-accounts][data-jurisdiction=CH] button.accept");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(egmont.Locator("a.draft-link")).ToBeVisibleAsync();
        await page.Locator("body").FocusAsync();
        await TabToAsync(page, "article.recommendation[data-action=egmont-accounts][data-jurisdiction=CH] a.draft-link");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/requests/[0-9a-f-]{36}$"));
        await watch.ScreenshotAsync("keyboard-recovery");

        await watch.AssertCleanAsync();
        await watch.CloseAsync();
    }

    /// <summary>Presses Tab until the focus is on <paramref name="selector"/>, then checks the focus is visible there.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var passed = new List<string>();
        for (var i = 0; i < MostTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                await AssertFocusVisibleAsync(page, selector);
                return;
            }
            passed.Add(await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.textContent ?? '').trim().slice(0, 30) : 'nothing'; }"));
        }
        Assert.Fail($"{MostTabs} presses of Tab did not reach {selector}; the focus went to: {string.Join(" | ", passed)}");
    }

    private static async Task AssertFocusedAsync(IPage page, string selector) =>
        Assert.True(await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector),
            $"the focus is not on {selector} but on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing'")}");

    /// <summary>A focused control must be seen to be focused: an outline of at least 2 px in a colour that is not the background's.</summary>
    private static async Task AssertFocusVisibleAsync(IPage page, string selector)
    {
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor; }");
        var parts = outline.Split(' ', 3);
        Assert.True(parts[0] != "none" && float.Parse(parts[1].Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 2,
            $"{selector} has the focus but no visible outline ({outline})");
    }
}
