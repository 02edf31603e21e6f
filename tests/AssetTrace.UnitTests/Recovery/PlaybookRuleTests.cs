using System.Text.Json;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Wealth;
using AssetTrace.Cases;
using AssetTrace.Graph.Model;
using AssetTrace.Recovery.Assistant;
using AssetTrace.Recovery.Assistant.Rules;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.UnitTests.Analytics;

namespace AssetTrace.UnitTests.Recovery;

/// <summary>Each kind of playbook rule on a small graph made for it: what it finds, and what it must not.</summary>
public sealed class PlaybookRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static readonly RateTable Rates = new([new ExchangeRate("USD", new DateOnly(2000, 1, 1), 1, "identity"), new ExchangeRate("GBP", new DateOnly(2025, 1, 1), 1.25m, "test")]);

    private static CaseFacts Facts(params (string Node, string Role)[] subjects) => Facts([], new HashSet<string>(), subjects);

    private static CaseFacts Facts(IReadOnlyList<NetworkRequest> requests, IReadOnlySet<string> consented, params (string Node, string Role)[] subjects) =>
        new(new Case("case-1", "2026-1", "Test", "corruption", CaseStatus.Open, ["a"], new DateOnly(2026, 1, 15),
            [.. subjects.Select(s => new CaseSubject(s.Node, s.Role, DateTimeOffset.UnixEpoch, "a"))], new Stamp(1, DateTimeOffset.UnixEpoch, "a", DateTimeOffset.UnixEpoch, "a"), []),
            requests, consented, Rates, Today, new Dictionary<string, OpenSourceFact>());

    private static readonly JsonElement Offshore = Settings(new { throughJurisdictions = new List<string> { "VG" } });

    private static JsonElement Settings(object value) => JsonSerializer.SerializeToElement(value);

    private static SnapshotBuilder Country(SnapshotBuilder builder, string id, string country)
    {
        builder.Graph.Upsert(id, n => n.Country = country);
        return builder;
    }

    [Fact]
    public void A_flat_abroad_held_through_a_BVI_company_is_found_with_the_chain_but_one_held_directly_or_at_home_is_not()
    {
        var b = new SnapshotBuilder().Person("suspect").CompanyIn("VG", "bvi").CompanyIn("GB", "uk-co")
            .Asset(NodeKind.RealEstate, "flat-abroad").Asset(NodeKind.RealEstate, "flat-direct").Asset(NodeKind.RealEstate, "flat-home")
            .Owns("suspect", "bvi", 100).Owns("bvi", "uk-co", 100).Owns("uk-co", "flat-abroad", 100).Owns("suspect", "flat-direct", 100).Owns("bvi", "flat-home", 100);
        Country(b, "flat-abroad", "GB");
        Country(b, "flat-direct", "GB");
        Country(b, "flat-home", "KZ");

        var found = new ForeignPropertyViaOffshore().Find(b.Graph, Facts(("suspect", "suspect")), Offshore).ToList();

        var finding = Assert.Single(found);
        Assert.Equal(["flat-abroad"], finding.Subjects["asset"]);
        Assert.Equal(["bvi"], finding.Subjects["company"]);
        Assert.Equal(("GB", "VG"), (finding.Values["assetCountry"], finding.Values["companyCountry"]));
        Assert.Equal(["suspect", "bvi", "uk-co", "flat-abroad"], finding.Facts.Where(f => f.Kind == "node").Select(f => f.Id));
        Assert.Equal(3, finding.Facts.Count(f => f.Kind == "edge"));
    }

    [Fact]
    public void The_rule_reads_only_the_subjects_in_its_roles()
    {
        var b = new SnapshotBuilder().Person("witness").CompanyIn("VG", "bvi").Asset(NodeKind.RealEstate, "flat").Owns("witness", "bvi", 100).Owns("bvi", "flat", 100);
        Country(b, "flat", "GB");

        Assert.Empty(new ForeignPropertyViaOffshore().Find(b.Graph, Facts(("witness", "witness")), Offshore));
    }

    [Fact]
    public void Foreign_accounts_of_the_suspect_their_companies_and_relatives_are_grouped_by_country_and_home_accounts_left_out()
    {
        var b = new SnapshotBuilder().Person("suspect", "spouse").Company("co")
            .Asset(NodeKind.BankAccount, "acc-ch-1").Asset(NodeKind.BankAccount, "acc-ch-2").Asset(NodeKind.BankAccount, "acc-kz")
            .Edge(EdgeKind.FamilyOf, "spouse", "suspect", e => e.Role = "spouse")
            .Owns("suspect", "co", 100)
            .Edge(EdgeKind.HoldsAccount, "co", "acc-ch-1").Edge(EdgeKind.HoldsAccount, "spouse", "acc-ch-2").Edge(EdgeKind.HoldsAccount, "suspect", "acc-kz");
        Country(b, "acc-ch-1", "CH");
        Country(b, "acc-ch-2", "CH");
        Country(b, "acc-kz", "KZ");

        var finding = Assert.Single(new ForeignAccounts().Find(b.Graph, Facts(("suspect", "suspect")), default));

        Assert.Equal("CH", finding.Values["country"]);
        Assert.Equal(["acc-ch-1", "acc-ch-2"], finding.Subjects["account"]);
        Assert.Equal(["co", "spouse"], finding.Subjects["holder"].Order());
    }

    [Fact]
    public void A_relative_who_acquired_assets_above_the_threshold_since_the_window_is_found_and_one_with_older_or_smaller_holdings_is_not()
    {
        var b = new SnapshotBuilder().Person("suspect", "son", "daughter", "cousin").Company("co")
            .Asset(NodeKind.RealEstate, "villa", 2_000_000, "GBP", new DateOnly(2025, 6, 1))
            .Asset(NodeKind.RealEstate, "old-house", 5_000_000, "USD").Asset(NodeKind.Vehicle, "car", 50_000, "USD")
            .Edge(EdgeKind.FamilyOf, "son", "suspect", e => e.Role = "child").Edge(EdgeKind.FamilyOf, "daughter", "suspect", e => e.Role = "child")
            .Edge(EdgeKind.FamilyOf, "cousin", "suspect", e => e.Role = "child")
            .Owns("son", "co", 50, from: new DateOnly(2020, 1, 1)).Owns("co", "villa", 100)
            .Owns("daughter", "old-house", 100, from: new DateOnly(2001, 1, 1))
            .Owns("cousin", "car", 100, from: new DateOnly(2024, 1, 1));

        var found = new RelativesSuddenWealth().Find(b.Graph, Facts(("suspect", "suspect")), Settings(new { yearsBeforeCase = 10, minUsd = 1_000_000 })).ToList();

        var finding = Assert.Single(found);
        Assert.Equal(["son"], finding.Subjects["relative"]);
        // Half of a 2M GBP villa at 1.25 USD per GBP.
        Assert.Equal(("1,250,000", "2020-01-01"), (finding.Values["usd"], finding.Values["since"]));
    }

    [Fact]
    public void A_request_past_its_due_date_and_awaiting_an_answer_is_overdue_and_an_answered_one_is_not()
    {
        var late = Request("r1", "REQ-1", RequestStatus.Sent, Today.AddDays(-2));
        var answered = Request("r2", "REQ-2", RequestStatus.Answered, Today.AddDays(-20));
        var onTime = Request("r3", "REQ-3", RequestStatus.Acknowledged, Today.AddDays(3));

        var finding = Assert.Single(new OverdueRequests().Find(new GraphSnapshot(), Facts([late, answered, onTime], new HashSet<string>()), default));

        Assert.Equal(("r1", "REQ-1"), (finding.RequestId, finding.Values["number"]));
    }

    [Fact]
    public void An_answered_informal_request_with_consent_and_no_MLA_after_it_calls_for_the_formal_request()
    {
        var consented = Request("r1", "REQ-1", RequestStatus.Answered, null);
        var noConsent = Request("r2", "REQ-2", RequestStatus.Answered, null);
        var followed = Request("r3", "REQ-3", RequestStatus.Closed, null);
        var mla = Request("r4", "REQ-4", RequestStatus.Draft, null, network: "MLA") is var m
            ? m with { Body = m.Body with { FreeText = "Follows informal request REQ-3 (CARIN). More." } } : null!;

        var found = new IntelligenceToEvidence().Find(new GraphSnapshot(), Facts([consented, noConsent, followed, mla], new HashSet<string> { "r1", "r3" }), default);

        Assert.Equal(["r1"], found.Select(f => f.RequestId));
    }

    [Fact]
    public void An_asset_abroad_from_an_accepted_open_source_lead_is_to_be_confirmed_through_the_network_that_reaches_its_state()
    {
        var b = new SnapshotBuilder().Person("suspect", "spouse")
            .Asset(NodeKind.RealEstate, "villa-es").Asset(NodeKind.RealEstate, "flat-sg").Asset(NodeKind.RealEstate, "flat-gb")
            .Asset(NodeKind.RealEstate, "house-kz").Asset(NodeKind.RealEstate, "flat-fr").Asset(NodeKind.BankAccount, "acc-ch")
            .Edge(EdgeKind.FamilyOf, "spouse", "suspect", e => e.Role = "spouse")
            .Owns("spouse", "villa-es", 100).Owns("suspect", "flat-sg", 100).Owns("suspect", "flat-gb", 100).Owns("suspect", "house-kz", 100).Owns("suspect", "flat-fr", 100)
            .Edge(EdgeKind.HoldsAccount, "suspect", "acc-ch");
        foreach (var (asset, country) in new[] { ("villa-es", "ES"), ("flat-sg", "SG"), ("flat-gb", "GB"), ("house-kz", "KZ"), ("flat-fr", "FR"), ("acc-ch", "CH") })
        {
            Country(b, asset, country);
        }
        // The villa's link and the other assets came from leads; the French flat from a registry; the British one was already asked about.
        var villaLink = b.Graph.Find("spouse")!.Out.Single(e => e.Target.Id == "villa-es").Id;
        var leads = new Dictionary<string, OpenSourceFact>
        {
            [villaLink] = new(villaLink, "lead-1", "news-es", "analyst1"),
            ["flat-sg"] = new("flat-sg", "lead-2", "news-sg", "analyst1"),
            ["flat-gb"] = new("flat-gb", "lead-3", "news-gb", "analyst1"),
            ["house-kz"] = new("house-kz", "lead-4", "news-kz", "analyst1"),
            ["acc-ch"] = new("acc-ch", "lead-5", "news-ch", "analyst1"),
        };
        var askedGb = Request("r1", "REQ-1", RequestStatus.Sent, null) with { Body = Request("r1", "REQ-1", RequestStatus.Sent, null).Body with { SubjectIds = ["flat-gb"] } };
        var facts = Facts([askedGb], new HashSet<string>(), ("suspect", "suspect")) with { OpenSource = leads };
        var settings = Settings(new { networks = new Dictionary<string, string[]> { ["ARIN_AP"] = ["SG"] } });

        var found = new OpenSourceForeignAsset().Find(b.Graph, facts, settings).OrderBy(f => f.Values["assetCountry"], StringComparer.Ordinal).ToList();

        Assert.Equal(["ES", "SG"], found.Select(f => f.Values["assetCountry"]));
        Assert.Equal(["CARIN", "ARIN_AP"], found.Select(f => f.Values["network"]));
        Assert.Equal(("news-es", "lead-1"), (found[0].Values["source"], found[0].Facts.Single(f => f.Kind == "lead").Id));
        Assert.Equal(["suspect"], found[0].Subjects["subject"]);
        Assert.Empty(new OpenSourceForeignAsset().Find(b.Graph, Facts(("suspect", "suspect")), settings));
    }

    [Fact]
    public void A_state_listed_under_two_networks_is_a_settings_problem_and_one_listed_twice_under_one_is_not()
    {
        var rule = new OpenSourceForeignAsset();

        var problem = Assert.Single(rule.Check(Settings(new { networks = new Dictionary<string, string[]> { ["CARIN"] = ["ES", "SG"], ["ARIN_AP"] = ["SG"] } })));
        Assert.Equal("settings.networks: 'SG' is listed under more than one network.", problem);
        Assert.Empty(rule.Check(Settings(new { networks = new Dictionary<string, string[]> { ["CARIN"] = ["ES", "ES"], ["ARIN_AP"] = ["SG"] } })));
    }

    [Fact]
    public void A_request_whose_network_is_a_placeholder_is_drafted_to_the_network_the_finding_names()
    {
        var b = new SnapshotBuilder().Person("suspect").Asset(NodeKind.RealEstate, "flat-sg").Owns("suspect", "flat-sg", 100);
        Country(b, "flat-sg", "SG");
        var facts = Facts(("suspect", "suspect")) with { OpenSource = new Dictionary<string, OpenSourceFact> { ["flat-sg"] = new("flat-sg", "lead-1", "news-sg", "analyst1") } };
        var action = new RuleAction("confirm", ActionDraft.Request, "{network}", "{assetCountry}", ["real_estate"], ["subject", "asset"], "basis",
            new LocalText("{network} to {assetCountry}", "{network} в {assetCountry}"), new LocalText("why", "почему"));
        var playbook = new Playbook("corruption", new LocalText("c", "к"),
            [new PlaybookRule("open", "open_source_foreign_asset", Settings(new { networks = new Dictionary<string, string[]> { ["ARIN_AP"] = ["SG"] } }), [action], 3)], "corruption.json");

        var (recommendations, problems) = PlaybookEvaluator.Evaluate(b.Graph, facts, playbook, new HashSet<(string, string)> { ("ARIN_AP", "SG") });

        Assert.Empty(problems);
        var recommendation = Assert.Single(recommendations);
        Assert.Equal(("ARIN_AP", "SG", null, "ARIN_AP to SG"), (recommendation.Network, recommendation.Jurisdiction, recommendation.RouteProblem, recommendation.Title.En));
    }

    [Fact]
    public void A_rule_that_fails_while_it_runs_is_reported_with_its_file_and_line_and_the_others_still_run()
    {
        var b = new SnapshotBuilder().Person("suspect");
        var broken = new PlaybookRule("broken", "foreign_property_via_offshore", Settings(new { throughJurisdictions = 7 }), [Task("t1")], 12);
        var working = new PlaybookRule("overdue", "request_overdue", default, [Task("t2")], 30);
        var playbook = new Playbook("corruption", new LocalText("C", "К"), [broken, working], "corruption.json");

        var (recommendations, problems) = PlaybookEvaluator.Evaluate(b.Graph,
            Facts([Request("r1", "REQ-1", RequestStatus.Sent, Today.AddDays(-1))], new HashSet<string>(), ("suspect", "suspect")), playbook, new HashSet<(string, string)>());

        var problem = Assert.Single(problems);
        Assert.Equal(("corruption.json", 12), (problem.File, problem.Line));
        Assert.Equal("t2", Assert.Single(recommendations).ActionId);
    }

    private static RuleAction Task(string id) => new(id, ActionDraft.Task, null, null, [], [], null, new LocalText("Do {number}", "Сделать {number}"), new LocalText("why", "почему"));

    private static NetworkRequest Request(string id, string number, RequestStatus status, DateOnly? due, string network = "CARIN") =>
        new(id, number, new RequestRoute("case-1", network, "GB", "cp"),
            new RequestBody([], ["real_estate"], null, "basis", "", null, RequestBody.DefaultConfidentiality, null, ["en"], new Dictionary<string, string>()),
            new RequestProgress(status, Urgency.Normal, due?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) is { } d ? new DateTimeOffset(d) : null, false, null),
            RequestMilestones.None, "token", new Stamp(1, DateTimeOffset.UnixEpoch, "a", DateTimeOffset.UnixEpoch, "a"));
}
