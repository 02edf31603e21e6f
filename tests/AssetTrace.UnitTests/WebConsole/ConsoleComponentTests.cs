using AssetTrace.Graph.Model;
using AssetTrace.WebConsole.Components;
using AssetTrace.WebConsole.Components.Controls;
using AssetTrace.WebConsole.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.UnitTests.WebConsole;

/// <summary>
/// The console's small components rendered without a browser (#13, bUnit): the marks on a fact's
/// provenance, the property list, the error notice and the language switch, in the language given.
/// </summary>
public sealed class ConsoleComponentTests : IDisposable
{
    private static readonly DateTimeOffset Obtained = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);
    private readonly BunitContext _context = new();

    [Fact]
    public void A_fact_a_network_answered_is_marked_intelligence_only_in_words_and_one_restricted_to_a_case_names_the_case()
    {
        var cells = RenderInRow(new Provenance(SourceKind.NetworkAnswer, "CARIN request AT-2026-0031", Obtained, "analyst", UsageRestriction.IntelligenceOnly, "demo-case"));

        Assert.Equal(["network_answer", "CARIN request AT-2026-0031", "2026-03-14"], cells.FindAll("td").Take(3).Select(td => td.TextContent.Trim()));
        Assert.Equal("Intelligence only — not evidence", cells.Find(".badge.intelligence").TextContent);
        Assert.Equal("Restricted to case demo-case", cells.Find(".badge.restricted").TextContent);
    }

    [Fact]
    public void A_fact_relabelled_as_evidence_keeps_its_intelligence_mark_from_the_channel_it_came_through()
    {
        // An informal answer later labelled as an MLA answer and evidence: what it came through still counts.
        var relabelled = new Provenance(SourceKind.MlaAnswer, "MLA 2026/7", Obtained, "analyst", UsageRestriction.Evidence,
            Original: new Channel(SourceKind.NetworkAnswer, UsageRestriction.IntelligenceOnly));
        Assert.Single(RenderInRow(relabelled).FindAll(".badge.intelligence"));

        var registry = RenderInRow(new Provenance(SourceKind.OfficialRegistry, "https://register.example/123", Obtained, "analyst", UsageRestriction.Evidence));
        Assert.Empty(registry.FindAll(".badge"));
    }

    [Fact]
    public void The_marks_follow_the_pages_language()
    {
        var cells = RenderInRow(new Provenance(SourceKind.NetworkAnswer, "ARIN-WA 12", Obtained, "analyst", UsageRestriction.ConsentRequired, "case-7"), ConsoleText.Russian);
        Assert.Equal("Только разведданные — не доказательство", cells.Find(".badge.intelligence").TextContent);
        Assert.Equal("Только для дела case-7", cells.Find(".badge.restricted").TextContent);
    }

    [Fact]
    public void The_property_list_names_each_property_with_its_description_and_says_so_when_there_is_none()
    {
        var list = _context.Render<PropertyTable>(p => p.Add(x => x.Rows, [
            new PropertyValues.Row("IIN", "610417300123", "Individual identification number"),
            new PropertyValues.Row("Born", "1961-04-17", null),
        ]));
        Assert.Equal(["IIN", "Born"], list.FindAll("dl.properties dt").Select(dt => dt.TextContent));
        Assert.Equal(["610417300123", "1961-04-17"], list.FindAll("dl.properties dd").Select(dd => dd.TextContent));
        Assert.Equal("Individual identification number", list.Find("dt").GetAttribute("title"));

        var empty = _context.Render<PropertyTable>(p => p.Add(x => x.Rows, []));
        Assert.Empty(empty.FindAll("dl"));
        Assert.Equal("—", empty.Find("p.empty").TextContent);
    }

    [Fact]
    public void The_error_notice_is_an_alert_that_offers_signing_in_again_only_when_the_session_has_ended()
    {
        Assert.Empty(_context.Render<ErrorNotice>(p => p.Add(x => x.Failure, null)).Markup.Trim());

        var notFound = _context.Render<ErrorNotice>(p => p
            .Add(x => x.Failure, new ConsoleFailure("Not found: node «x».")).Add(x => x.Text, ConsoleText.English));
        Assert.Equal("Not found: node «x».", notFound.Find("[role=alert] p").TextContent);
        Assert.Empty(notFound.FindAll("a"));

        var ended = _context.Render<ErrorNotice>(p => p
            .Add(x => x.Failure, new ConsoleFailure(ConsoleText.English.SessionEnded, SignInAgain: true)).Add(x => x.Text, ConsoleText.English));
        var link = ended.Find("[role=alert] a");
        Assert.Equal("/signin", link.GetAttribute("href"));
        Assert.Equal(ConsoleText.English.SignInAgain, link.TextContent);
    }

    [Fact]
    public void The_language_switch_marks_the_current_language_and_returns_to_the_same_page()
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/entities/demo-serik-akhmetov?tab=facts");
        var languages = _context.Render<LanguageSwitch>(p => p.Add(x => x.Text, ConsoleText.English));

        var links = languages.FindAll("nav.languages a");
        Assert.Equal(["ru", "en"], links.Select(a => a.GetAttribute("lang")));
        Assert.Equal([null, "true"], links.Select(a => a.GetAttribute("aria-current")));
        Assert.Equal("/console/language?to=ru&back=%2Fentities%2Fdemo-serik-akhmetov%3Ftab%3Dfacts", links[0].GetAttribute("href"));
        Assert.Equal(ConsoleText.English.Language, languages.Find("nav").GetAttribute("aria-label"));
    }

    /// <summary>ProvenanceCells renders table cells, which mean something only inside a table row.</summary>
    private IRenderedComponent<ContainerFragment> RenderInRow(Provenance provenance, ConsoleText? text = null) =>
        _context.Render<ContainerFragment>(p => p.Add(x => x.Content, builder =>
        {
            builder.OpenComponent<CascadingValue<ConsoleText>>(0);
            builder.AddComponentParameter(1, nameof(CascadingValue<ConsoleText>.Value), text ?? ConsoleText.English);
            builder.AddComponentParameter(2, nameof(CascadingValue<ConsoleText>.ChildContent), (RenderFragment)(row =>
            {
                row.OpenElement(0, "table");
                row.OpenElement(1, "tbody");
                row.OpenElement(2, "tr");
                row.OpenComponent<ProvenanceCells>(3);
                row.AddComponentParameter(4, nameof(ProvenanceCells.Provenance), provenance);
                row.CloseComponent();
                row.CloseElement();
                row.CloseElement();
                row.CloseElement();
            }));
            builder.CloseComponent();
        }));

    public void Dispose() => _context.Dispose();

    /// <summary>Renders the fragment it is given, so a test can put a component inside the markup it belongs in.</summary>
    public sealed class ContainerFragment : ComponentBase
    {
        [Parameter]
        public RenderFragment? Content { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Content);
    }
}
