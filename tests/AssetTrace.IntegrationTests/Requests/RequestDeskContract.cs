using System.Text.Json;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Mail;
using AssetTrace.Requests;
using AssetTrace.Requests.Consent;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Requests;

/// <summary>The request lifecycle on the demo case, on both stores (the mail transport itself is tested in Mail/).</summary>
public abstract class RequestDeskContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    private RequestDesk Desk => _harness.Get<RequestDesk>();

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static RequestBody CarinBody(params string[] languages) => new(
        ["demo-serik-akhmetov", "demo-steppe-horizon", "demo-flat-london"], ["real_estate", "company_register", "bank_accounts"],
        "Please include any mortgage on the flat.", "CARIN informal cooperation; UNCAC art. 48",
        "Embezzlement of public funds by a former vice-minister, 2014–2019", "The flat was bought with funds moved from a state contractor.",
        "Confidential", null, languages, new Dictionary<string, string>());

    private async Task<NetworkRequest> CarinDraftAsync(params string[] languages) =>
        await Desk.DraftAsync(new RequestDraftInput("demo-case", "CARIN", "GB", null, Urgency.Normal, CarinBody(languages)), Viewer.System("officer1"), default);

    [Fact]
    public async Task A_CARIN_request_goes_from_draft_to_answered_with_its_facts_marked_intelligence_only()
    {
        var draft = await CarinDraftAsync("en", "ru");
        Assert.Equal(RequestStatus.Draft, draft.Progress.Status);
        Assert.Matches(@"^REQ-\d{4}-0001$", draft.Number);

        await Assert.ThrowsAsync<ForbiddenException>(() => Desk.ApproveAsync(draft.Id, null, Viewer.System("officer1"), default));
        var approved = await Desk.ApproveAsync(draft.Id, null, Viewer.System("supervisor1"), default);
        Assert.Equal("supervisor1", approved.Milestones.ApprovedBy);

        var queued = await Desk.SendAsync(draft.Id, Viewer.System("officer1"), default);
        Assert.Equal(RequestStatus.Queued, queued.Progress.Status);
        var mail = Assert.Single(await _harness.Get<MailOutbox>().ForRequestAsync(draft.Id, default));
        Assert.Equal(["aro@uk-aro.example.org"], mail.Recipients);
        Assert.Contains(draft.Number, mail.Subject, StringComparison.Ordinal);

        var sentAt = _harness.Clock.GetUtcNow();
        await Desk.MarkSentAsync(draft.Id, mail.MessageId, sentAt, default);
        await Desk.MarkSentAsync(draft.Id, mail.MessageId, sentAt, default);
        var sent = (await _harness.Get<RequestStore>().GetAsync(draft.Id, default))!;
        Assert.Equal(RequestStatus.Sent, sent.Progress.Status);
        Assert.Equal(sentAt.AddDays(7), sent.Progress.DueAt);

        _harness.Clock.Advance(TimeSpan.FromDays(6));
        var answered = await Desk.RecordAnswerAsync(draft.Id, true, "Land Registry extract attached",
            [new NodeDraft(NodeKind.BankAccount, JsonSerializer.SerializeToElement(new { name = "GB29 NWBK 6016 1331 9268 19", country = "GB" }), null!, Id: "answer-account")],
            [new EdgeDraft(EdgeKind.HoldsAccount, "demo-albion-crest", "answer-account", JsonSerializer.SerializeToElement(new { role = "holder" }), null!)],
            Viewer.System("officer1"), default);

        Assert.Equal(RequestStatus.Answered, answered.Progress.Status);
        var account = (await _harness.Get<GraphQueries>().GetNodeAsync(Viewer.System("test"), "answer-account", default))!;
        Assert.Equal(SourceKind.NetworkAnswer, account.Provenance.Source);
        Assert.Equal(UsageRestriction.IntelligenceOnly, account.Provenance.Restriction);
        Assert.StartsWith(draft.Number, account.Provenance.Reference, StringComparison.Ordinal);

        var figures = await _harness.Get<RequestFigureReader>().ReadAsync(Viewer.System("test"), default);
        var carin = figures.ByNetwork.Single(t => t.Key == "CARIN");
        Assert.Equal(1, carin.Answered);
        Assert.Equal(6, carin.MedianDays!.Value, 6);
        Assert.Equal(0, figures.Open);

        var events = await _harness.Get<RequestStore>().EventsAsync(draft.Id, default);
        Assert.Equal(["created", "approved", "queued", "sent", "answered"], events.Select(e => e.Event));
    }

    [Fact]
    public async Task Moves_the_lifecycle_does_not_allow_are_refused_and_change_nothing()
    {
        var draft = await CarinDraftAsync("en");

        var error = await Assert.ThrowsAsync<ConflictException>(() => Desk.SendAsync(draft.Id, Viewer.System("officer1"), default));
        Assert.Contains("Draft", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ConflictException>(() => Desk.CloseAsync(draft.Id, Viewer.System("officer1"), null, default));
        Assert.Equal(RequestStatus.Draft, (await _harness.Get<RequestStore>().GetAsync(draft.Id, default))!.Progress.Status);
        Assert.Empty(await _harness.Get<MailOutbox>().ForRequestAsync(draft.Id, default));
    }

    [Fact]
    public async Task Bad_drafts_are_refused_with_each_field_named()
    {
        var body = CarinBody("en", "de") with
        {
            SubjectIds = ["demo-serik-akhmetov", "nobody"],
            Questions = ["real_estate", "horoscope"],
            // Accepted before #12, and the letters then failed to render: no statement 'horoscope' has a heading.
            Statements = new Dictionary<string, string> { ["dual_criminality"] = "An offence in both states.", ["horoscope"] = "Favourable." },
        };

        var error = await Assert.ThrowsAsync<UserInputException>(() =>
            Desk.DraftAsync(new RequestDraftInput("demo-case", "CARIN", "ZZ", null, Urgency.Urgent, body), Viewer.System("officer1"), default));

        Assert.Equal(["input.jurisdiction", "input.languages", "input.questions", "input.statements", "input.subjectIds"], error.Errors.Select(e => e.Field).Order());
        Assert.Contains("'horoscope' is not a checklist statement", error.Errors.Single(e => e.Field == "input.statements").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_formal_request_needs_what_the_requested_state_requires_before_approval()
    {
        var body = CarinBody("en") with { LegalBasis = "UNCAC art. 46", AssetLink = null };
        var draft = await Desk.DraftAsync(new RequestDraftInput("demo-case", "MLA", "GB", null, Urgency.Normal, body), Viewer.System("officer1"), default);

        var error = await Assert.ThrowsAsync<UserInputException>(() => Desk.ApproveAsync(draft.Id, null, Viewer.System("supervisor1"), default));

        Assert.Equal(["checklist.confidentiality_statement", "checklist.dual_criminality", "checklist.link_asset_offence"], error.Errors.Select(e => e.Field).Order());
        var fixedBody = body with
        {
            AssetLink = "Funds embezzled in 2018 reached the flat through the BVI company.",
            Statements = new Dictionary<string, string> { ["dual_criminality"] = "Embezzlement is an offence in both states.", ["confidentiality_statement"] = "Please keep this request confidential." },
        };
        await Desk.UpdateDraftAsync(draft.Id, fixedBody, Urgency.Normal, null, Viewer.System("officer1"), default);
        Assert.Equal(RequestStatus.Approved, (await Desk.ApproveAsync(draft.Id, null, Viewer.System("supervisor1"), default)).Progress.Status);
    }

    [Fact]
    public async Task Facts_from_a_network_answer_stay_out_of_an_MLA_draft_until_the_provider_consents()
    {
        // Answer a CARIN request with a fact, then draft a formal MLA request about the same subject.
        var carin = await CarinDraftAsync("en");
        await Desk.ApproveAsync(carin.Id, null, Viewer.System("supervisor1"), default);
        await Desk.SendAsync(carin.Id, Viewer.System("officer1"), default);
        await Desk.MarkSentAsync(carin.Id, (await _harness.Get<MailOutbox>().ForRequestAsync(carin.Id, default))[0].MessageId, _harness.Clock.GetUtcNow(), default);
        await Desk.RecordAnswerAsync(carin.Id, true, null, [],
            [new EdgeDraft(EdgeKind.IntermediaryOf, "demo-marcus-pellow", "demo-albion-crest", JsonSerializer.SerializeToElement(new { }), null!, Id: "carin-fact")],
            Viewer.System("officer1"), default);
        var mla = await Desk.DraftAsync(new RequestDraftInput("demo-case", "MLA", "GB", null, Urgency.Normal, CarinBody("en") with { SubjectIds = ["demo-albion-crest"] }), Viewer.System("officer1"), default);

        var before = (await _harness.Get<RequestDocuments>().RenderAsync(mla, default))[0];
        Assert.Contains(before.Withheld, w => w.EntityId == "carin-fact" && w.RequestId == carin.Id);
        Assert.DoesNotContain("Marcus Pellow", before.Text, StringComparison.Ordinal);

        await _harness.Get<ConsentLedger>().RecordAsync(carin.Id, "UK Asset Recovery Office", "use as evidence", "UKARO/2026/331", new DateOnly(2026, 11, 20), Viewer.System("officer1"), default);

        var after = (await _harness.Get<RequestDocuments>().RenderAsync(mla, default))[0];
        Assert.DoesNotContain(after.Withheld, w => w.EntityId == "carin-fact");
        Assert.Contains("Marcus Pellow — intermediary of — Albion Crest Properties Ltd", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_formal_MLA_request_is_drafted_from_the_informal_one()
    {
        var carin = await CarinDraftAsync("en", "ru");

        var mla = await Desk.DraftMlaFromAsync(carin.Id, Viewer.System("officer1"), default);

        Assert.Equal(("MLA", "GB", RequestStatus.Draft), (mla.Route.Network, mla.Route.Jurisdiction, mla.Progress.Status));
        Assert.Equal(carin.Body.SubjectIds, mla.Body.SubjectIds);
        Assert.Equal(["en", "ru"], mla.Body.Languages);
        Assert.StartsWith($"Follows informal request {carin.Number}", mla.Body.FreeText, StringComparison.Ordinal);
        var letter = (await _harness.Get<RequestDocuments>().RenderAsync(mla, default))[0];
        Assert.StartsWith("Request for mutual legal assistance", letter.Text, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UserInputException>(() => Desk.DraftMlaFromAsync(mla.Id, Viewer.System("officer1"), default));
    }

    [Fact]
    public async Task The_directory_is_seeded_and_edits_to_it_are_audited()
    {
        var directory = _harness.Get<NetworkDirectory>();
        Assert.Equal(["ARIN_AP", "CARIN", "EGMONT", "INTERPOL_STAR", "MLA"], (await directory.NetworksAsync(default)).Select(n => n.Code));
        Assert.All(await directory.ContactPointsAsync(null, null, default), c => Assert.EndsWith(".example.org", c.Email, StringComparison.Ordinal));

        var contact = (await directory.ContactPointsAsync("EGMONT", "AE", default)).Single();
        await directory.SaveContactPointAsync(contact with { Email = "desk@ae-fiu.example.org" }, "supervisor1", default);

        var entry = (await _harness.Get<AssetTrace.Audit.AuditLog>().ListAsync($"contact_point/{contact.Id}", null, 5, default)).Single();
        Assert.Equal("supervisor1", entry.Actor);
        Assert.Contains("egmont@ae-fiu.example.org", entry.Before, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UserInputException>(() => directory.SaveContactPointAsync(contact with { Email = "not an address" }, "supervisor1", default));
    }

    [Fact]
    public async Task A_contact_point_a_request_was_drafted_to_can_still_be_edited_and_the_request_keeps_it()
    {
        var directory = _harness.Get<NetworkDirectory>();
        var draft = await CarinDraftAsync("en");
        var contact = (await directory.ContactPointAsync(draft.Route.ContactPointId, default))!;

        await directory.SaveContactPointAsync(contact with { Email = "new-desk@uk-aro.example.org" }, "supervisor1", default);

        Assert.Equal("new-desk@uk-aro.example.org", (await directory.ContactPointAsync(contact.Id, default))!.Email);
        var reread = await _harness.Get<RequestStore>().GetAsync(Viewer.System("officer1"), draft.Id, default);
        Assert.Equal(contact.Id, reread!.Route.ContactPointId);
    }
}

public sealed class SqliteRequestDeskTests() : RequestDeskContract(StoreKind.Sqlite);

public sealed class PostgresRequestDeskTests() : RequestDeskContract(StoreKind.Postgres);
