using AssetTrace.Accounts;
using AssetTrace.Analytics;
using AssetTrace.Common;
using AssetTrace.Graph.Schema;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Requests;
using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using AssetTrace.WebConsole.Dossier;
using AssetTrace.WebConsole.Text;
using AssetTrace.WebConsole.Timeline;
using UglyToad.PdfPig;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// A person's dossier as the PDF a user downloads (#13), read back with PdfPig: an outsider's holds
/// none of the demo case's restricted facts (the network's answer, its BVI company, the request
/// sent about the person), a member of the case's team gets them, each marked in words.
/// </summary>
public abstract class DossierContract(StoreKind kind) : IAsyncLifetime
{
    private const string Serik = "demo-serik-akhmetov";

    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private DossierComposer Composer => new(_harness.Get<GraphQueries>(), _harness.Get<OwnershipAnalytics>(),
        new EntityTimeline(_harness.Get<GraphQueries>(), _harness.Get<RequestStore>()), _harness.Get<GraphSchema>(), _harness.Clock);

    [Fact]
    public async Task An_outsiders_dossier_holds_no_restricted_fact_and_a_team_members_holds_them_marked()
    {
        var request = await _harness.Get<RequestDesk>().DraftAsync(new RequestDraftInput("demo-case", "CARIN", "GB", null, Urgency.Normal,
            new RequestBody([Serik], ["real_estate"], null, "CARIN informal cooperation", "Embezzlement of public funds", null, "Confidential", null,
                ["en"], new Dictionary<string, string>())), Viewer.System("officer1"), default);
        // Both are officers, so both may read requests; only the member is on the demo case.
        var outsider = Viewer.User("outsider", [Role.Analyst, Role.Officer], []);
        var member = Viewer.User("member", [Role.Analyst, Role.Officer], ["demo-case"]);

        var (outsiderText, outsiderCount) = await DossierTextAsync(outsider);
        var (memberText, memberCount) = await DossierTextAsync(member);

        // Both see who the person is: identity and identifiers are open registry facts.
        foreach (var text in new[] { outsiderText, memberText })
        {
            Assert.Contains(Squeeze("Dossier: Серік Ахметов"), text, StringComparison.Ordinal);
            Assert.Contains(Squeeze("Serik Akhmetov"), text, StringComparison.Ordinal);
            Assert.Contains("610417300123", text, StringComparison.Ordinal);
        }
        string[] secrets = ["SteppeHorizon", "Harrowby", "CARIN", "AT-2026-0031", "demo-case", "RESTRICTED", request.Number];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, outsiderText, StringComparison.Ordinal);
        }
        Assert.Contains(Squeeze("No holding follows from the facts you may see."), outsiderText, StringComparison.Ordinal);
        Assert.Contains(Squeeze("No request about this person."), outsiderText, StringComparison.Ordinal);
        Assert.Equal(0, outsiderCount);

        // The member sees the chain to the London flat, each hop with its source, and the request; restricted facts are marked.
        Assert.Contains(Squeeze("Flat 12, 41 Harrowby Crescent, London W2"), memberText, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Steppe Horizon Holdings Ltd"), memberText, StringComparison.Ordinal);
        Assert.Contains(Squeeze("network_answer: CARIN request AT-2026-0031"), memberText, StringComparison.Ordinal);
        Assert.Contains(Squeeze("mla_answer: MLA response CY-MOJ 412/2026"), memberText, StringComparison.Ordinal);
        Assert.Contains(Squeeze("[RESTRICTED TO CASE demo-case]"), memberText, StringComparison.Ordinal);
        Assert.Contains(Squeeze("[INTELLIGENCE ONLY — NOT EVIDENCE]"), memberText, StringComparison.Ordinal);
        Assert.Contains(request.Number, memberText, StringComparison.Ordinal);
        Assert.True(memberCount >= 2, $"the member's dossier marks {memberCount} restricted facts");
    }

    [Fact]
    public async Task An_analyst_on_the_case_gets_the_facts_but_no_request_section_as_the_API_lets_only_the_desk_read_requests()
    {
        var analyst = Viewer.User("analyst", [Role.Analyst], ["demo-case"]);

        var (text, _) = await DossierTextAsync(analyst);

        Assert.Contains(Squeeze("Steppe Horizon Holdings Ltd"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Squeeze("Requests sent"), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dossier_of_a_company_or_an_id_the_viewer_may_not_see_is_refused_naming_the_input()
    {
        var outsider = Viewer.User("outsider", [Role.Analyst], []);
        var member = Viewer.User("member", [Role.Analyst], ["demo-case"]);

        var company = await Assert.ThrowsAsync<UserInputException>(() => Composer.ComposeAsync(member, "demo-albion-crest", null, ConsoleText.English, default));
        Assert.Equal("id", Assert.Single(company.Errors).Field);
        // A hidden person answers as one that does not exist (need-to-know).
        await Assert.ThrowsAsync<NotFoundException>(() => Composer.ComposeAsync(outsider, "demo-marcus-pellow", null, ConsoleText.English, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Composer.ComposeAsync(outsider, "no-such-person", null, ConsoleText.English, default));
    }

    [Fact]
    public async Task On_a_date_before_the_holding_began_the_dossier_shows_no_holding()
    {
        var member = Viewer.User("member", [Role.Analyst], ["demo-case"]);

        var (text, _) = await DossierTextAsync(member, new DateOnly(2013, 12, 31));

        Assert.Contains(Squeeze("Graph as of: 2013-12-31"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Harrowby", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_shows_an_outsider_no_restricted_event_and_a_team_officer_each_one_marked_newest_first()
    {
        var request = await _harness.Get<RequestDesk>().DraftAsync(new RequestDraftInput("demo-case", "CARIN", "GB", null, Urgency.Normal,
            new RequestBody([Serik], ["real_estate"], null, "CARIN informal cooperation", "Embezzlement of public funds", null, "Confidential", null,
                ["en"], new Dictionary<string, string>())), Viewer.System("officer1"), default);
        var timeline = new EntityTimeline(_harness.Get<GraphQueries>(), _harness.Get<RequestStore>());
        var outsider = Viewer.User("outsider", [Role.Officer], []);
        var member = Viewer.User("member", [Role.Officer], ["demo-case"]);

        var outsiders = await timeline.BuildAsync(outsider, Serik, null, default);
        var members = await timeline.BuildAsync(member, Serik, null, default);

        Assert.All(outsiders, e => Assert.Null(e.CaseId));
        Assert.DoesNotContain(outsiders, e => e.RequestId is not null || e.Fact?.Node.Id == "demo-steppe-horizon");
        Assert.Contains(outsiders, e => e.Kind == TimelineEventKind.Recorded);
        var bought = Assert.Single(members, e => e.Kind == TimelineEventKind.FactValidFrom && e.Fact?.Edge.Id == "demo-e-serik-owns-steppe");
        Assert.Equal(("demo-case", true, new DateOnly(2014, 3, 1)), (bought.CaseId, bought.Intelligence, bought.Day));
        var drafted = Assert.Single(members, e => e.RequestId == request.Id);
        Assert.Equal((TimelineEventKind.RequestDrafted, "demo-case"), (drafted.Kind, drafted.CaseId));
        Assert.Equal(members.OrderByDescending(e => e.At).Select(e => e.At), members.Select(e => e.At));

        // On a date the timeline ends that day.
        var before = await timeline.BuildAsync(member, Serik, new DateOnly(2014, 2, 28), default);
        Assert.DoesNotContain(before, e => e.Day > new DateOnly(2014, 2, 28));
        Assert.DoesNotContain(before, e => e.Fact?.Edge.Id == "demo-e-serik-owns-steppe");
    }

    private async Task<(string Text, int Restricted)> DossierTextAsync(Viewer viewer, DateOnly? asOf = null)
    {
        var content = await Composer.ComposeAsync(viewer, Serik, asOf, ConsoleText.English, default);
        using var renderer = new PdfLetterRenderer();
        var pdf = renderer.Render(content.Document, content.Document.Subject);
        using var document = PdfDocument.Open(pdf);
        return (Squeeze(string.Concat(document.GetPages().Select(p => p.Text))), content.RestrictedFacts);
    }

    /// <summary>The PDF's text has no reliable spaces or line ends (lines wrap anywhere): compare without whitespace.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

public sealed class SqliteDossierTests() : DossierContract(StoreKind.Sqlite);

public sealed class PostgresDossierTests() : DossierContract(StoreKind.Postgres);
