using AssetTrace.Accounts;
using AssetTrace.Audit;
using System.Text.Json;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Roster.Candidates;
using AssetTrace.Roster.Court;
using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Roster.Fund;
using AssetTrace.Roster.Notice;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using UglyToad.PdfPig;

namespace AssetTrace.IntegrationTests.Roster;

/// <summary>The roster on the demo case, on both stores, with a fake clock: from candidate to the Special Fund, and the attacks on it.</summary>
public abstract class RosterContract(StoreKind kind) : IAsyncLifetime
{
    private const string Serik = "demo-serik-akhmetov";

    private static readonly Viewer Proposer = Viewer.User("aidos.supervisor", [Role.Supervisor], ["demo-case"]);
    private static readonly Viewer SecondSupervisor = Viewer.User("dana.supervisor", [Role.Supervisor], ["demo-case"]);
    private static readonly Viewer Member = Viewer.User("marat.commission", [Role.Commission], ["demo-case"]);
    private static readonly Viewer SecondMember = Viewer.User("saule.commission", [Role.Commission], ["demo-case"]);
    private static readonly Viewer Analyst = Viewer.User("asel.analyst", [Role.Analyst], ["demo-case"]);

    private CoreHarness _harness = null!;

    private RosterDesk Desk => _harness.Get<RosterDesk>();

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static RosterProposal Proposal(string statement = "Assets abroad far beyond a vice-minister's declared salary, held through relatives and BVI companies.") =>
        new("demo-case", Serik, null, ["assets_exceed_income", "public_office", "offshore_structures"], statement);

    private static RosterVote Vote(DateOnly on) => new(on, 4, 1, 0, ["Member A", "Member B", "Member C", "Member D", "Member E"]);

    private DateOnly Today => DateOnly.FromDateTime(_harness.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_former_official_goes_from_candidate_to_forfeiture_and_the_Special_Fund()
    {
        // A villa the land register shows in his own name: evidence a court may see, unlike the demo's network answers.
        var registry = new ProvenanceDraft(SourceKind.OfficialRegistry, "Almaty cadastre extract 2026/5531", null, UsageRestriction.Evidence);
        var graph = _harness.Get<GraphStore>();
        await graph.CreateNodeAsync(new NodeDraft(NodeKind.RealEstate, JsonSerializer.SerializeToElement(new
        {
            name = "Villa, 7 Al-Farabi Avenue, Almaty", country = "KZ", value = 2_500_000, valueCurrency = "USD", valueDate = "2026-06-01",
        }), registry, Id: "roster-villa"), Viewer.System("test"), default);
        await graph.CreateEdgeAsync(new EdgeDraft(EdgeKind.Owns, Serik, "roster-villa", JsonSerializer.SerializeToElement(new { share = 100 }), registry,
            Id: "roster-villa-owned"), Viewer.System("test"), default);

        var candidates = await _harness.Get<RosterCandidates>().ListAsync(Analyst, Today, default);
        var serik = Assert.Single(candidates, c => c.PersonId == Serik);
        Assert.True(serik.HighUsd >= 100_000_000m && serik.OwnHighUsd < 100_000_000m, $"{serik.OwnHighUsd} alone, {serik.HighUsd} with relatives");
        Assert.Contains("demo-aliya-akhmetova", serik.ConnectedPersonIds);
        Assert.Contains(serik.Assets, a => a.NodeId == "demo-flat-london" && a.Source == SourceKind.OfficialRegistry && a.SourceReference!.Contains("Land Registry", StringComparison.Ordinal));

        var proposed = await Desk.ProposeAsync(Proposal(), Proposer, default);
        Assert.Equal(RosterStage.Proposed, proposed.Stage);
        Assert.Null(proposed.Number);
        Assert.Equal(proposed.Id, (await _harness.Get<RosterCandidates>().ListAsync(Analyst, Today, default)).Single(c => c.PersonId == Serik).EntryId);

        var included = await Desk.DecideAsync(proposed.Id, Vote(Today), proposed.Stamp.Version, Member, default);
        Assert.Equal(RosterStage.Included, included.Stage);
        Assert.Equal($"ARC-{Today.Year}-0001", included.Number);
        Assert.Equal((4, 1, 0, "marat.commission"), (included.Decision!.For, included.Decision.Against, included.Decision.Abstained, included.Decision.RecordedBy));

        // Delivered on Sunday 21 February 2027: one month is Sunday 21 March, then three Nauryz days off.
        _harness.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 22, 9, 0, 0, TimeSpan.Zero));
        var notices = _harness.Get<RosterNotices>();
        var notified = await notices.RecordDeliveryAsync(proposed.Id, new DateOnly(2027, 2, 21), "by hand, receipt 17", null, Proposer, default);
        Assert.Equal(new DateOnly(2027, 3, 25), notified.DeadlineOn);
        foreach (var (language, words) in new[] { ("kk", "тізіліміне"), ("ru", "реестр"), ("en", "roster") })
        {
            var text = PdfText(await notices.PdfAsync(proposed.Id, language, Analyst, default));
            Assert.Contains(Squeeze(words), text, StringComparison.Ordinal);
            Assert.Contains("ARC-2026-0001", text, StringComparison.Ordinal);
            Assert.Contains("2027-03-25", text, StringComparison.Ordinal);
            Assert.Contains(Squeeze("Flat 12, 41 Harrowby Crescent"), text, StringComparison.Ordinal);
        }

        var evaluations = _harness.Get<RosterEvaluations>();
        var declaration = await evaluations.AddDeclarationAsync(proposed.Id, "declaration.pdf", "application/pdf", "%PDF-1.4 declaration"u8.ToArray(), null, Proposer, default);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("%PDF-1.4 declaration"u8.ToArray())), declaration.Sha256);
        Assert.Equal("%PDF-1.4 declaration"u8.ToArray(), (await evaluations.DocumentAsync(declaration.Id, Analyst, default)).Content);
        Assert.Contains("roster-villa", notified.AssetIds);
        var explained = notified.AssetIds.First(a => a is not ("demo-flat-london" or "roster-villa"));
        await evaluations.EvaluateAsync(proposed.Id, explained, AssetVerdict.Explained, "Salary account; deposits match declared income.", null, Proposer, default);
        await evaluations.EvaluateAsync(proposed.Id, "demo-flat-london", AssetVerdict.Unexplained, "Bought through BVI companies; no source of funds shown.", null, Proposer, default);
        var unexplained = notified.AssetIds.Where(a => a != explained).ToList();

        var court = _harness.Get<RosterCourt>();
        _harness.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 25, 18, 59, 0, TimeSpan.Zero));
        Assert.Null(await court.DeadlinePassedAsync(proposed.Id, default));
        _harness.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 25, 19, 0, 1, TimeSpan.Zero));
        var applied = await court.DeadlinePassedAsync(proposed.Id, default);
        Assert.Equal(RosterStage.CourtApplication, applied!.Stage);
        Assert.Null(await court.DeadlinePassedAsync(proposed.Id, default));

        var application = await court.ApplicationAsync(proposed.Id, Analyst, default);
        Assert.Equal(unexplained.Order(StringComparer.Ordinal), application.Assets.Select(a => a.NodeId).Order(StringComparer.Ordinal));
        var villa = application.Assets.Single(a => a.NodeId == "roster-villa");
        var path = Assert.Single(villa.Paths);
        Assert.Equal(["Серік Ахметов", "Villa, 7 Al-Farabi Avenue, Almaty"], path.NodeNames);
        Assert.Equal(["OWNS: official_registry (Almaty cadastre extract 2026/5531)"], path.Sources);
        // The flat is held through Steppe Horizon, known only from a network answer without consent: listed, its paths withheld.
        var flat = application.Assets.Single(a => a.NodeId == "demo-flat-london");
        Assert.Empty(flat.Paths);
        Assert.True(flat.WithheldPaths > 0);
        // The Swiss account is known only from an FIU message without consent: named, but no source or path of it goes to court.
        Assert.All(application.Assets.Where(a => a.NodeId == "demo-account-ch"), swiss => Assert.Null(swiss.Source));
        Assert.True(unexplained.Count >= 2, string.Join(", ", notified.AssetIds));
        // The draft is kept in Kazakh, Russian and English, and none of them carries the withheld intelligence.
        var drafts = (await evaluations.DocumentsAsync(proposed.Id, Analyst, default)).Where(d => d.Kind == RosterEvaluations.CourtApplication).ToList();
        Assert.Equal(["en", "kk", "ru"], drafts.Select(d => d.FileName[^6..^4]).Order(StringComparer.Ordinal));
        foreach (var draft in drafts)
        {
            var draftText = PdfText((await evaluations.DocumentAsync(draft.Id, Analyst, default)).Content);
            Assert.Contains(Squeeze(flat.Name), draftText, StringComparison.Ordinal);
            Assert.Contains(Squeeze("Almaty cadastre extract 2026/5531"), draftText, StringComparison.Ordinal);
            Assert.DoesNotContain(Squeeze("Steppe Horizon"), draftText, StringComparison.Ordinal);
            Assert.DoesNotContain("FIU-CH", draftText, StringComparison.Ordinal);
            Assert.DoesNotContain(Squeeze(serik.Assets.Single(a => a.NodeId == explained).Name), draftText, StringComparison.Ordinal);
        }

        foreach (var step in new[] { RosterStage.Filed, RosterStage.InterimMeasures, RosterStage.Decided, RosterStage.Forfeited })
        {
            await court.RecordStepAsync(proposed.Id, step, $"court record for {step}", null, Proposer, default);
        }
        var fund = _harness.Get<SpecialFund>();
        await fund.RecordAsync(proposed.Id, "demo-flat-london", 4_200_000m, "GBP", new DateOnly(2027, 3, 20), null, null, null, Proposer, default);
        var totals = await fund.TotalsAsync(Analyst, default);
        Assert.True(totals.Usd > 4_200_000m, $"{totals.Usd} USD");
        Assert.Equal("real_estate", Assert.Single(totals.ByCategory).Key);
        Assert.Equal("GB", Assert.Single(totals.ByCountry).Key);
        Assert.Equal("2027", Assert.Single(totals.ByYear).Key);

        var history = await Desk.HistoryAsync(proposed.Id, Analyst, default);
        Assert.Equal(["proposed", "decided", "notified", "declaration_received", "asset_evaluated", "asset_evaluated", "deadline_passed", "filed", "interim_measures",
            "decided", "forfeited", "fund_return"], history.Select(e => e.Event));
        var audited = await _harness.Get<AuditLog>().ListAsync($"roster/{proposed.Id}", null, 100, default);
        Assert.Equal(history.Count, audited.Count);
        Assert.Contains(audited, a => a.Actor == "marat.commission" && a.Action == "roster.decided");
    }

    [Fact]
    public async Task Only_a_Commission_member_who_did_not_propose_decides_and_only_on_the_version_read()
    {
        var proposed = await Desk.ProposeAsync(Proposal(), Proposer, default);

        await Assert.ThrowsAsync<ForbiddenException>(() => Desk.DecideAsync(proposed.Id, Vote(Today), null, Analyst, default));
        await Assert.ThrowsAsync<ForbiddenException>(() => Desk.ProposeAsync(Proposal(), Analyst, default));
        // A proposer who also sits on the Commission still may not decide on their own proposal.
        var proposerWhoIsAlsoMember = Viewer.User("aidos.supervisor", [Role.Supervisor, Role.Commission], ["demo-case"]);
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => Desk.DecideAsync(proposed.Id, Vote(Today), null, proposerWhoIsAlsoMember, default));
        Assert.Contains("another Commission member", error.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<ConflictException>(() => Desk.DecideAsync(proposed.Id, Vote(Today), proposed.Stamp.Version + 1, Member, default));
        var badVote = await Assert.ThrowsAsync<UserInputException>(() => Desk.DecideAsync(proposed.Id, new RosterVote(Today.AddDays(1), 2, 0, 0, ["A"]), null, Member, default));
        Assert.Equal(["vote", "vote.meetingOn"], badVote.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));

        var rejected = await Desk.DecideAsync(proposed.Id, new RosterVote(Today, 2, 2, 1, ["A", "B", "C", "D", "E"]), proposed.Stamp.Version, Member, default);
        Assert.Equal(RosterStage.Rejected, rejected.Stage);
        Assert.Null(rejected.Number);
        await Assert.ThrowsAsync<ConflictException>(() => Desk.DecideAsync(proposed.Id, Vote(Today), null, SecondMember, default));
        Assert.Equal(["proposed", "decided"], (await Desk.HistoryAsync(proposed.Id, Member, default)).Select(e => e.Event));
    }

    [Fact]
    public async Task Exclusion_takes_a_second_person_and_leaves_the_history_in_place()
    {
        var entry = await Desk.ProposeAsync(Proposal(), Proposer, default);
        entry = await Desk.DecideAsync(entry.Id, Vote(Today), null, Member, default);

        await Assert.ThrowsAsync<ForbiddenException>(() => Desk.RequestExclusionAsync(entry.Id, "Assets found lawful.", null, Member, default));
        var huge = await Assert.ThrowsAsync<UserInputException>(() => Desk.RequestExclusionAsync(entry.Id, new string('x', 5_000), null, Proposer, default));
        Assert.Equal("reason", Assert.Single(huge.Errors).Field);
        await Desk.RequestExclusionAsync(entry.Id, "The court acquitted him and the assets were found lawful.", null, Proposer, default);
        await Assert.ThrowsAsync<ConflictException>(() => Desk.RequestExclusionAsync(entry.Id, "Again.", null, SecondSupervisor, default));

        var asker = Viewer.User("aidos.supervisor", [Role.Supervisor, Role.Commission], ["demo-case"]);
        await Assert.ThrowsAsync<ForbiddenException>(() => Desk.ApproveExclusionAsync(entry.Id, null, asker, default));
        Assert.Equal(RosterStage.Included, (await Desk.GetAsync(entry.Id, Analyst, default))!.Stage);

        var excluded = await Desk.ApproveExclusionAsync(entry.Id, null, SecondMember, default);
        Assert.Equal(RosterStage.Excluded, excluded.Stage);
        Assert.Equal(("aidos.supervisor", "saule.commission"), (excluded.Exclusion!.RequestedBy, excluded.Exclusion.ApprovedBy));
        Assert.Equal(["proposed", "decided", "exclusion_requested", "excluded"], (await Desk.HistoryAsync(entry.Id, Analyst, default)).Select(e => e.Event));
        // A new proposal for the same person may follow an exclusion.
        Assert.Equal(RosterStage.Proposed, (await Desk.ProposeAsync(Proposal(), SecondSupervisor, default)).Stage);
    }

    [Fact]
    public async Task Another_cases_users_see_no_entry_and_cannot_act_on_one()
    {
        var entry = await Desk.ProposeAsync(Proposal(), Proposer, default);
        var outsiderMember = Viewer.User("nurlan.commission", [Role.Commission, Role.Supervisor, Role.Analyst], ["other-case"]);

        Assert.Null(await Desk.GetAsync(entry.Id, outsiderMember, default));
        Assert.Empty(await Desk.ListAsync(outsiderMember, null, null, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Desk.DecideAsync(entry.Id, Vote(Today), null, outsiderMember, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Desk.HistoryAsync(entry.Id, outsiderMember, default));
        await Assert.ThrowsAsync<NotFoundException>(() => _harness.Get<RosterNotices>().PdfAsync(entry.Id, "en", outsiderMember, default));
        var propose = await Assert.ThrowsAsync<UserInputException>(() => Desk.ProposeAsync(Proposal(), outsiderMember, default));
        Assert.Equal("input.caseId", Assert.Single(propose.Errors).Field);
        // The audit log keeps the entry's records from those who may not see its case.
        var records = await _harness.Get<AuditLog>().ListAsync($"roster/{entry.Id}", null, 10, default);
        Assert.NotEmpty(records);
        Assert.Empty(await _harness.Get<EntityVisibility>().VisibleAsync(outsiderMember, records, r => r.Entity, default));
        Assert.Equal(RosterStage.Proposed, (await Desk.GetAsync(entry.Id, Member, default))!.Stage);
    }

    [Fact]
    public async Task Bad_grounds_are_refused_with_each_field_named_and_nothing_written()
    {
        var input = Proposal(new string('д', 10_001)) with
        {
            Criteria = ["assets_exceed_income", "horoscope"],
            ConnectedPersonIds = ["demo-aliya-akhmetova", "demo-flat-london"],
        };

        var error = await Assert.ThrowsAsync<UserInputException>(() => Desk.ProposeAsync(input, Proposer, default));

        Assert.Equal(["input.connectedPersonIds", "input.criteria", "input.statement"], error.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        var empty = await Assert.ThrowsAsync<UserInputException>(() => Desk.ProposeAsync(Proposal("  ") with { Criteria = [] }, Proposer, default));
        Assert.Equal(["input.criteria", "input.statement"], empty.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Empty(await Desk.ListAsync(Analyst, null, null, default));
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    /// <summary>The PDF's text has no reliable spaces or line ends: compare without whitespace.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

public sealed class SqliteRosterTests() : RosterContract(StoreKind.Sqlite);

public sealed class PostgresRosterTests() : RosterContract(StoreKind.Postgres);
