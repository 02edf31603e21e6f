using System.Text.RegularExpressions;
using System.Xml.Linq;
using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Interchange.Export;
using AssetTrace.Visibility;
using AssetTrace.WebConsole.Interchange;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// The console's network view, search suggestions, and import and export pages in Chromium under the
/// server's policy (#13): indirect holdings and red flags drawn and exported as SVG and PNG; a Latin
/// spelling typed and the Cyrillic-named person chosen from the suggestions with the keyboard; an import
/// with its progress and report; exports that hold only what the user may see; and no import or export
/// offered to a role that may not do them. Screenshots are kept in artifacts/console/.
/// </summary>
public sealed class ConsoleNetworkTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const string Password = "a console password of mine";
    private const string Svg = "{http://www.w3.org/2000/svg}";

    // What the networks answered about the demo case is restricted to it (see ConsoleBrowserTests).
    private static readonly string[] Secrets = ["Steppe Horizon", "Marcus Pellow", "Harbour Chambers", "CARIN", "AT-2026-0031"];

    [Fact]
    public async Task An_analyst_on_the_case_sees_red_flags_and_a_dashed_indirect_holding_and_exports_the_view_as_svg_and_png()
    {
        var watch = await SignedInAsync("tracer", "ANALYST", onTeam: true);
        var page = watch.Page;
        await page.GotoAsync(fixture.Address("/network/demo-serik-akhmetov").ToString());
        await watch.InteractiveAsync();
        await Assertions.Expect(page.Locator("#network-canvas canvas").First).ToBeVisibleAsync();

        // Red flags of the person in focus, by name; the BVI company in view is outlined and says why.
        var flags = page.Locator("ul.red-flags");
        await Assertions.Expect(flags.Locator("li[data-flag=SecrecyJurisdiction][data-nodes=demo-steppe-horizon]")).ToContainTextAsync("secrecy jurisdiction: Steppe Horizon Holdings Ltd is registered in");
        await Assertions.Expect(flags.Locator("li[data-flag=NomineeArrangement]")).ToContainTextAsync("Marcus Pellow acts as nominee for Серік Ахметов");
        var steppe = page.Locator("ul.nodes-in-view li[data-node=demo-steppe-horizon]");
        await Assertions.Expect(steppe).ToHaveClassAsync("flagged");
        await Assertions.Expect(steppe.Locator(".badge.red-flag")).ToContainTextAsync("secrecy jurisdiction");
        // The legend names kinds in the page's language, not by their codes.
        await Assertions.Expect(page.Locator("ul.legend-nodes li[data-kind=RealEstate]")).ToHaveTextAsync("real estate");
        await Assertions.Expect(page.Locator("p.legend-links")).ToContainTextAsync("nominee for");

        // Expanding the company brings the Cypriot one into view: the person holds it through the chain, 60 % of 100 %.
        await Assertions.Expect(page.Locator("ul.indirect")).ToHaveCountAsync(0);
        await steppe.Locator("button.expand").ClickAsync();
        var indirect = page.Locator("ul.indirect li[data-owner=demo-serik-akhmetov][data-held=demo-kestrel-meridian]");
        await Assertions.Expect(indirect).ToContainTextAsync("Серік Ахметов → Kestrel Meridian Investments Ltd: 60 %");
        await watch.ScreenshotAsync("20-network-indirect-and-flags");

        var svg = await DownloadSvgAsync(page, "21-network.svg");
        Assert.Equal(Svg + "svg", svg.Root!.Name.ToString());
        Assert.Contains("Серік Ахметов", svg.Root.Value, StringComparison.Ordinal);
        Assert.Contains("Kestrel Meridian Investments Ltd", svg.Root.Value, StringComparison.Ordinal);
        var dashed = Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("data-id") == "indirect:demo-serik-akhmetov>demo-kestrel-meridian");
        Assert.Equal("8 5", (string?)dashed.Element(Svg + "line")?.Attribute("stroke-dasharray"));
        Assert.Equal("indirectly 60 %", dashed.Element(Svg + "text")!.Value);
        var flagged = Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("data-id") == "demo-steppe-horizon");
        Assert.Equal("#c62828", (string?)flagged.Element(Svg + "circle")!.Attribute("stroke"));

        // Hidden, the indirect holdings leave the view and its export.
        await page.Locator("#show-indirect").UncheckAsync();
        await Assertions.Expect(page.Locator("ul.indirect")).ToHaveCountAsync(0);
        var without = await DownloadSvgAsync(page, "22-network-direct-only.svg");
        Assert.DoesNotContain(without.Descendants(Svg + "g"), g => ((string?)g.Attribute("data-id"))?.StartsWith("indirect:", StringComparison.Ordinal) == true);

        var png = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-png"));
        var saved = ConsoleFixture.ArtifactPath("23-network.png");
        await png.SaveAsAsync(saved);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, (await File.ReadAllBytesAsync(saved))[..4]);

        await watch.AssertCleanAsync();
        await watch.CloseAsync();
    }

    [Fact]
    public async Task A_Latin_spelling_typed_in_the_search_box_suggests_the_Cyrillic_named_person_who_is_opened_with_the_keyboard()
    {
        var watch = await SignedInAsync("searcher", "ANALYST", onTeam: false);
        var page = watch.Page;
        await watch.InteractiveAsync();
        var box = page.Locator("#search-query");
        await Assertions.Expect(box).ToHaveAttributeAsync("role", "combobox");
        var options = page.Locator("#search-query-suggestions [role=option]");

        // Suggestions come from the same search as the API's, under the user's viewer: this analyst is not
        // on the demo case's team, so the open yacht is offered and the case's BVI company is not.
        await box.PressSequentiallyAsync("Steppe", new() { Delay = 40 });
        await Assertions.Expect(options.Filter(new() { HasText = "Aurora Steppe" })).ToBeVisibleAsync();
        await Assertions.Expect(options.Filter(new() { HasText = "Steppe Horizon" })).ToHaveCountAsync(0);

        await box.FillAsync("");
        await box.PressSequentiallyAsync("Akhmetov", new() { Delay = 40 });

        var serik = options.Filter(new() { HasText = "Серік Ахметов" });
        await Assertions.Expect(serik).ToContainTextAsync("Serik Akhmetov");

        // The German register's spelling, which no word prefix of the stored keys reaches, is found by the matcher.
        await box.FillAsync("");
        await box.PressSequentiallyAsync("Achmetow", new() { Delay = 40 });
        await Assertions.Expect(serik).ToContainTextAsync("Serik Akhmetov");
        await Assertions.Expect(serik.Locator(".kind")).ToHaveTextAsync("person");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.InRange(await options.CountAsync(), 1, 8);
        await watch.ScreenshotAsync("24-suggestions");

        // Escape closes the list; the down arrow opens it again on the first suggestion.
        await box.PressAsync("Escape");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(box).ToHaveValueAsync("Achmetow");
        var texts = await options.AllInnerTextsAsync();
        var wanted = texts.ToList().FindIndex(t => t.Contains("Серік Ахметов", StringComparison.Ordinal));
        for (var i = 0; i <= wanted; i++)
        {
            await box.PressAsync("ArrowDown");
            await Assertions.Expect(options.Nth(i)).ToHaveAttributeAsync("aria-selected", "true");
        }
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", await serik.GetAttributeAsync("id") ?? "");
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/entities/demo-serik-akhmetov$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Серік Ахметов");
        await watch.AssertCleanAsync();
        await watch.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_imports_a_file_with_progress_and_a_report_and_exports_only_what_each_user_may_see_while_an_officer_is_offered_neither()
    {
        var watch = await SignedInAsync("importer", "ANALYST", onTeam: true);
        var page = watch.Page;
        await watch.InteractiveAsync();
        await page.ClickAsync("nav.sections a[href='/interchange/import']");
        await Assertions.Expect(page.Locator("#import-form")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#import-format", "bods");
        var file = Fixtures.Path("bods/0.4/examples/bods-package-entity-owning-entity.json");
        await page.SetInputFilesAsync("#import-file", file);
        await page.ClickAsync("#import-run");

        var report = page.Locator("section.import-report");
        await Assertions.Expect(report.Locator(".notice")).ToContainTextAsync("The import was written (run");
        await Assertions.Expect(report.Locator("tr[data-count=nodesCreated] td")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(report.Locator("ul.files")).ToContainTextAsync("bods-package-entity-owning-entity.json");
        // The last progress: every byte of the file read, and the records counted.
        var size = new FileInfo(file).Length;
        await Assertions.Expect(page.Locator(".interchange-progress progress")).ToHaveAttributeAsync("value", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator(".interchange-progress .progress-text")).ToContainTextAsync(new Regex("Records read: [1-9]"));
        await watch.ScreenshotAsync("25-import-report");

        var member = await ExportAsync(page, "26-export-member");
        Assert.Contains("Steppe Horizon Holdings Ltd", member, StringComparison.Ordinal);
        await watch.AssertCleanAsync();
        await watch.CloseAsync();

        // An analyst outside the case's team exports the same whole graph: none of its restricted facts.
        var outsider = await SignedInAsync("exporter", "ANALYST", onTeam: false);
        await outsider.Page.GotoAsync(fixture.Address("/interchange/export").ToString());
        await outsider.InteractiveAsync();
        var open = await ExportAsync(outsider.Page, "27-export-outsider");
        Assert.Contains("Серік Ахметов", open, StringComparison.Ordinal);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, open, StringComparison.Ordinal);
        }
        await outsider.AssertCleanAsync();
        await outsider.CloseAsync();

        var audit = (await fixture.Server.DataAsync("{ auditLog(first: 100) { actor action } }"))["auditLog"]!.AsArray()
            .Select(e => ((string)e!["actor"]!, (string)e["action"]!)).ToList();
        Assert.Contains(("importer", "import.completed"), audit);
        Assert.Contains(("importer", "export.completed"), audit);
        Assert.Contains(("exporter", "export.completed"), audit);

        // An officer is offered neither page, and is told why when one is opened by its address.
        var officer = await SignedInAsync("officer", "OFFICER", onTeam: false);
        await Assertions.Expect(officer.Page.Locator("nav.sections")).Not.ToContainTextAsync("Import");
        await officer.Page.GotoAsync(fixture.Address("/interchange/import").ToString());
        await Assertions.Expect(officer.Page.Locator("[role=alert]")).ToContainTextAsync("Importing a file needs the role analyst");
        await Assertions.Expect(officer.Page.Locator("#import-form")).ToHaveCountAsync(0);
        await officer.Page.GotoAsync(fixture.Address("/interchange/export").ToString());
        await Assertions.Expect(officer.Page.Locator("[role=alert]")).ToContainTextAsync("Exporting the graph needs the role analyst");
        await Assertions.Expect(officer.Page.Locator("#export-form")).ToHaveCountAsync(0);
        await officer.CloseAsync();
    }

    [Fact]
    public async Task The_console_import_refuses_other_roles_and_oversized_files_before_reading_them_and_keeps_an_upload_in_its_own_folder()
    {
        using var scope = fixture.Server.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ConsoleImport>();
        var export = scope.ServiceProvider.GetRequiredService<ConsoleExport>();
        var officer = Viewer.User("clerk", [Role.Officer], []);
        var analyst = Viewer.User("uploader", [Role.Analyst], []);
        var opened = 0;
        var content = await File.ReadAllBytesAsync(Fixtures.Path("ftm/sample.ftm.json"));
        Stream Open(long max, CancellationToken ct)
        {
            opened++;
            return new MemoryStream(content);
        }
        var progress = new Progress<ConsoleImportProgress>();

        // The services check the role themselves: a page that forgot to would still be refused.
        await Assert.ThrowsAsync<ForbiddenException>(() => import.ImportAsync(officer, "ftm", "a.json", content.Length, Open, false, UsageRestriction.Evidence, progress, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => export.ExportAsync(officer, "graphml", new ExportScope(), false, new Progress<long>(), CancellationToken.None));
        var tooLarge = await Assert.ThrowsAsync<UserInputException>(() =>
            import.ImportAsync(analyst, "ftm", "big.json", ConsoleImport.MaxUploadBytes + 1, Open, false, UsageRestriction.Evidence, progress, CancellationToken.None));
        Assert.Contains("assettrace import ftm", tooLarge.Message, StringComparison.Ordinal);
        Assert.Equal(0, opened);

        // A name that climbs out of the upload's folder is cut to its last part.
        var escaped = Path.Combine(Path.GetTempPath(), "console-upload-escaped.ftm.json");
        File.Delete(escaped);
        var report = await import.ImportAsync(analyst, "ftm", "../console-upload-escaped.ftm.json", content.Length, Open, false, UsageRestriction.Evidence, progress, CancellationToken.None);
        Assert.True(report.Committed, report.FailureReason);
        Assert.Equal("console-upload-escaped.ftm.json", Assert.Single(report.Files).Name);
        Assert.False(File.Exists(escaped), $"the upload was written to {escaped}");
        Assert.Equal(1, opened);
    }

    /// <summary>Exports the whole graph as GraphML from the export page and returns the file's text.</summary>
    private static async Task<string> ExportAsync(IPage page, string artifact)
    {
        if (!page.Url.EndsWith("/interchange/export", StringComparison.Ordinal))
        {
            await page.ClickAsync("nav.sections a[href='/interchange/export']");
            await Assertions.Expect(page.Locator("#export-form")).ToBeVisibleAsync();
        }
        await page.SelectOptionAsync("#export-format", "graphml");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-run"));
        var saved = ConsoleFixture.ArtifactPath(artifact + ".graphml");
        await download.SaveAsAsync(saved);
        await Assertions.Expect(page.Locator("#export-done")).ToContainTextAsync("Exported");
        await Assertions.Expect(page.Locator(".interchange-progress .progress-text")).ToContainTextAsync("Written:");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ConsoleFixture.ArtifactPath(artifact + ".png"), FullPage = true });
        return await File.ReadAllTextAsync(saved);
    }

    private static async Task<XDocument> DownloadSvgAsync(IPage page, string artifact)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-svg"));
        Assert.EndsWith(".svg", download.SuggestedFilename, StringComparison.Ordinal);
        var saved = ConsoleFixture.ArtifactPath(artifact);
        await download.SaveAsAsync(saved);
        return XDocument.Load(saved);
    }

    /// <summary>A new user of the role, signed in in a fresh browser context; on the demo case's team when asked.</summary>
    private Task<ConsolePageWatch> SignedInAsync(string username, string role, bool onTeam) =>
        fixture.SignedInNewUserAsync(username, role, onTeam, Password);
}
