using AssetTrace.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// The analyst's pages in Chromium under the strict policy (#13): from the London flat's beneficial
/// owner to his holdings and wealth, an as-of date that changes the page, the timeline and the
/// dossier download (audited); the path finder between two entities picked by search; and what an
/// analyst who is not on the demo case gets from the same pages and the dossier address.
/// Screenshots are kept in artifacts/console/ as analyst-*.png.
/// </summary>
public sealed class AnalystBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const string OwnPassword = "my own analyst password";
    private const string Serik = "demo-serik-akhmetov";

    [Fact]
    public async Task An_analyst_follows_the_flats_owner_to_his_holdings_changes_the_date_opens_the_timeline_and_downloads_the_dossier()
    {
        var watch = await SignedInAsync("analyst1", onTheCase: true);
        var page = watch.Page;

        // The beneficial owners of the London flat, and from the owner to his holdings and wealth.
        await page.GotoAsync(fixture.Address("/owners/demo-flat-london").ToString());
        await watch.InteractiveAsync();
        await page.ClickAsync($"section.owner[data-owner={Serik}] a.holdings");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Holdings and wealth: Серік Ахметов");
        var flat = page.Locator("section.holding[data-holding=demo-flat-london]");
        await Assertions.Expect(flat).ToContainTextAsync("Flat 12, 41 Harrowby Crescent, London W2");
        await Assertions.Expect(flat.Locator("ol.paths li").First).ToContainTextAsync("CARIN request AT-2026-0031");
        await Assertions.Expect(flat.Locator(".badge.restricted").First).ToHaveTextAsync("Restricted to case demo-case");
        await Assertions.Expect(page.Locator("dd[data-wealth=own]")).ToContainTextAsync("USD");
        await Assertions.Expect(page.Locator("table.connected tr[data-person=demo-aliya-akhmetova]")).ToContainTextAsync("family");
        await watch.ScreenshotAsync("analyst-01-holdings");

        // An as-of date before he bought into the BVI company (2014-03-01): the holdings are not there yet; the address keeps the date.
        await page.FillAsync("#as-of-date", "2013-12-31");
        await page.ClickAsync("form.as-of button[type=submit]");
        await Assertions.Expect(page.Locator(".as-of-showing")).ToHaveTextAsync("The graph as of 2013-12-31");
        await Assertions.Expect(page.Locator("section.holding")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#holdings")).ToContainTextAsync("(0)");
        Assert.Contains("asOf=2013-12-31", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("p.actions a", new() { HasText = "Timeline" })).ToHaveAttributeAsync("href", $"/timeline/{Serik}?asOf=2013-12-31");
        await watch.ScreenshotAsync("analyst-02-as-of");
        await page.ClickAsync("#as-of-today");
        await Assertions.Expect(flat).ToBeVisibleAsync();

        // A date that is no date says which field is wrong and how to write it.
        await page.GotoAsync(fixture.Address($"/holdings/{Serik}?asOf=2013-02-30").ToString());
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("asOf: '2013-02-30' is not a date; write it as YYYY-MM-DD");

        // The timeline, newest first: when each link began, restricted ones marked.
        await page.GotoAsync(fixture.Address($"/holdings/{Serik}").ToString());
        await watch.InteractiveAsync();
        await page.ClickAsync("p.actions a:text-is('Timeline')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Timeline: Серік Ахметов");
        var bought = page.Locator("table.timeline tr[data-event=FactValidFrom]", new() { HasText = "Steppe Horizon Holdings Ltd" });
        await Assertions.Expect(bought).ToContainTextAsync("2014-03-01");
        await Assertions.Expect(bought.Locator(".badge.restricted")).ToHaveTextAsync("Restricted to case demo-case");
        await Assertions.Expect(page.Locator("table.timeline tr[data-event=Recorded]")).ToHaveCountAsync(1);
        var dates = await page.Locator("table.timeline tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        await watch.ScreenshotAsync("analyst-03-timeline");

        // The dossier: a PDF download with the person's name and the restricted facts marked; the download is audited.
        await page.GotoAsync(fixture.Address($"/entities/{Serik}").ToString());
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#dossier"));
        Assert.Equal($"dossier-{Serik}.pdf", download.SuggestedFilename);
        var saved = ConsoleFixture.ArtifactPath("analyst-04-dossier.pdf");
        await download.SaveAsAsync(saved);
        var text = PdfText(await File.ReadAllBytesAsync(saved));
        Assert.Contains("СерікАхметов", text, StringComparison.Ordinal);
        Assert.Contains("[RESTRICTEDTOCASEdemo-case]", text, StringComparison.Ordinal);
        var audited = await fixture.Server.Services.GetRequiredService<AuditLog>().ListAsync($"node/{Serik}", null, 20, default);
        Assert.Contains(audited, e => e.Action == "dossier.downloaded" && e.Actor == "analyst1");

        await watch.AssertCleanAsync();
        await watch.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_finds_the_paths_between_two_entities_picked_by_search_and_an_outsider_gets_none_of_the_hidden_ones()
    {
        var watch = await SignedInAsync("analyst2", onTheCase: true);
        var page = watch.Page;
        // Clicked while the first page's circuit still starts, the link's page would be replaced by that circuit's first render.
        await watch.InteractiveAsync();
        await page.ClickAsync("nav.sections a:text-is('Path finder')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Path finder between two entities");
        await watch.InteractiveAsync();

        // Each end is found by name in any script and chosen from the results; the choice goes into the address.
        await page.FillAsync("#path-from-query", "Akhmetova");
        await page.ClickAsync("#path-from button[type=submit]");
        await page.ClickAsync("#path-from li[data-node=demo-aliya-akhmetova] button");
        await Assertions.Expect(page.Locator("#path-from .chosen")).ToContainTextAsync("Әлия Ахметова");
        // A team member's picker offers the case's restricted company; the outsider's below does not.
        await page.FillAsync("#path-to-query", "Steppe Horizon");
        await page.ClickAsync("#path-to button[type=submit]");
        await Assertions.Expect(page.Locator("#path-to li[data-node=demo-steppe-horizon]")).ToHaveCountAsync(1);
        await page.FillAsync("#path-to-query", "Harrowby");
        await page.ClickAsync("#path-to button[type=submit]");
        await page.ClickAsync("#path-to li[data-node=demo-flat-london] button");
        await Assertions.Expect(page.Locator("#path-to .chosen")).ToContainTextAsync("Harrowby");
        Assert.Contains("from=demo-aliya-akhmetova&to=demo-flat-london", page.Url, StringComparison.Ordinal);

        // Every shortest path ends at the flat through the UK company, each hop with its kind and source.
        var paths = page.Locator("ol.found-paths > li");
        await Assertions.Expect(paths.First).ToContainTextAsync("Albion Crest Properties Ltd");
        foreach (var path in await paths.AllAsync())
        {
            await Assertions.Expect(path.Locator("a[data-node=demo-flat-london]")).ToHaveCountAsync(1);
            await Assertions.Expect(path.Locator(".hop[data-edge=demo-e-albion-owns-flat]")).ToContainTextAsync("owns");
            await Assertions.Expect(path.Locator(".hop[data-edge=demo-e-albion-owns-flat]")).ToContainTextAsync("HM Land Registry");
        }
        await watch.ScreenshotAsync("analyst-05-paths");
        await paths.First.Locator("a[data-node=demo-albion-crest]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Albion Crest Properties Ltd");
        await watch.AssertCleanAsync();
        await watch.CloseAsync();

        // An analyst who is not on the case: no path through the network's answer, no hidden end, and the same from the dossier's address.
        var outsider = await SignedInAsync("outsider2", onTheCase: false);
        var other = outsider.Page;
        await other.GotoAsync(fixture.Address($"/paths?from={Serik}&to=demo-flat-london").ToString());
        await Assertions.Expect(other.Locator("p.none")).ToHaveTextAsync("No path of at most 6 links between them in the facts you may see.");
        // The picker searches with the outsider's viewer: the restricted company is not offered as an end. Typed once the
        // page's circuit is up: before it, the form's submit reaches no one.
        await outsider.InteractiveAsync();
        await other.FillAsync("#path-to-query", "Steppe Horizon");
        await other.ClickAsync("#path-to button[type=submit]");
        await Assertions.Expect(other.Locator("#path-to .picker-results")).ToHaveCountAsync(1);
        await Assertions.Expect(other.Locator("#path-to li[data-node=demo-steppe-horizon]")).ToHaveCountAsync(0);
        await other.GotoAsync(fixture.Address($"/paths?from={Serik}&to=demo-steppe-horizon").ToString());
        await Assertions.Expect(other.Locator("[role=alert]")).ToContainTextAsync("Not found: node «demo-steppe-horizon»");
        await other.GotoAsync(fixture.Address($"/holdings/{Serik}").ToString());
        await Assertions.Expect(other.Locator("#holdings")).ToContainTextAsync("(0)");
        Assert.DoesNotContain("Steppe", await other.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var dossier = await other.Context.APIRequest.GetAsync(fixture.Address($"/console/dossier/{Serik}").ToString());
        Assert.Equal(200, dossier.Status);
        var text = PdfText(await dossier.BodyAsync());
        Assert.Contains("СерікАхметов", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Steppe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RESTRICTED", text, StringComparison.Ordinal);
        Assert.Equal(404, (await other.Context.APIRequest.GetAsync(fixture.Address("/console/dossier/demo-marcus-pellow").ToString())).Status);
        var badDate = await other.Context.APIRequest.GetAsync(fixture.Address($"/console/dossier/{Serik}?asOf=yesterday").ToString());
        Assert.Equal(400, badDate.Status);
        Assert.Contains("asOf", await badDate.TextAsync(), StringComparison.Ordinal);
        await outsider.CloseAsync();

        // Without the console's cookie there is no dossier: not signed in, nor with an API token in its place.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.Client.BaseAddress };
        var unsigned = await anonymous.GetAsync($"/console/dossier/{Serik}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, unsigned.StatusCode);
        Assert.StartsWith("/signin", unsigned.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var token = await fixture.Server.SignInAsync("outsider2", OwnPassword);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, $"/console/dossier/{Serik}");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var withToken = await anonymous.SendAsync(bearer);
        Assert.NotEqual("application/pdf", withToken.Content.Headers.ContentType?.MediaType);
    }

    private Task<ConsolePageWatch> SignedInAsync(string username, bool onTheCase) => fixture.SignedInAnalystAsync(username, onTheCase, OwnPassword);

    /// <summary>The PDF's text without whitespace: its lines wrap anywhere and spaces come out as various characters.</summary>
    private static string PdfText(byte[] pdf)
    {
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        using var document = PdfDocument.Open(pdf);
        return string.Concat(string.Concat(document.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
    }
}
