using AssetTrace.Accounts;
using AssetTrace.Audit;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Recovery.Assistant;
using AssetTrace.Recovery.Tasks;
using AssetTrace.Requests.Consent;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using static AssetTrace.IntegrationTests.Requests.RequestSteps;

namespace AssetTrace.IntegrationTests.Recovery;

/// <summary>
/// The assistant as a whole on the demo case, on both stores: what the corruption playbook proposes,
/// accepting (a draft request in one step) and dismissing, reminders and the formal MLA request, and
/// what another case's user and an analyst may do.
/// </summary>
public abstract class AssistantContract(StoreKind kind) : IAsyncLifetime
{
    private static readonly Viewer DemoOfficer = Viewer.User("officer1", [Role.Officer], ["demo-case"]);

    private CoreHarness _harness = null!;

    private RecoveryAssistant Assistant => _harness.Get<RecoveryAssistant>();

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task On_the_demo_case_the_assistant_proposes_the_CARIN_and_Egmont_requests_for_the_flat_and_the_accounts_and_one_becomes_a_draft()
    {
        var answer = await Assistant.RecommendAsync(DemoOfficer, "demo-case", default);

        Assert.Equal("corruption", answer.CrimeType);
        Assert.Empty(answer.Problems);
        var carin = Assert.Single(answer.Recommendations, r => r.ActionId == "carin-land-registry" && r.SubjectIds.Contains("demo-flat-london"));
        Assert.Equal(("CARIN", "GB", ActionDraft.Request, null), (carin.Network, carin.Jurisdiction, carin.Draft, carin.RouteProblem));
        Assert.Equal(["demo-serik-akhmetov", "demo-flat-london"], carin.SubjectIds);
        Assert.Equal(["real_estate", "company_register"], carin.Questions);
        Assert.Contains("Steppe Horizon Holdings Ltd, registered in VG", carin.Why.En, StringComparison.Ordinal);
        Assert.Contains(carin.Facts, f => f.Kind == "edge" && f.Id == "demo-e-albion-owns-flat");
        var egmont = Assert.Single(answer.Recommendations, r => r.ActionId == "egmont-accounts" && r.Jurisdiction == "CH");
        Assert.Equal(("EGMONT", null), (egmont.Network, egmont.RouteProblem));
        Assert.Equal(["demo-account-ch", "demo-aliya-akhmetova"], egmont.SubjectIds);
        Assert.Contains("Әлия Ахметова", egmont.Why.En, StringComparison.Ordinal);
        Assert.Single(answer.Recommendations, r => r.ActionId == "regional-offshore-company" && r.SubjectIds.SequenceEqual(["demo-steppe-horizon"]));
        // The CY account's FIU is not in the directory: proposed, but it says why it cannot be drafted.
        Assert.Contains("no active contact point of EGMONT in CY",
            Assert.Single(answer.Recommendations, r => r.ActionId == "egmont-accounts" && r.Jurisdiction == "CY").RouteProblem, StringComparison.Ordinal);
        Assert.Contains(answer.Recommendations, r => r.ActionId == "connected-person-analysis" && r.SubjectIds.Contains("demo-aliya-akhmetova"));

        var accepted = await Assistant.AcceptAsync(DemoOfficer, "demo-case", carin.Key, default);

        var draft = await _harness.Get<RequestStore>().GetAsync(DemoOfficer, accepted.Decision!.RequestId!, default);
        Assert.Equal((RequestStatus.Draft, "CARIN", "GB", "demo-case"), (draft!.Progress.Status, draft.Route.Network, draft.Route.Jurisdiction, draft.Route.CaseId));
        Assert.Equal(carin.SubjectIds, draft.Body.SubjectIds);
        Assert.Equal(RecommendationStatus.Accepted,
            (await Assistant.RecommendAsync(DemoOfficer, "demo-case", default)).Recommendations.Single(r => r.Key == carin.Key).Status);
        await Assert.ThrowsAsync<ConflictException>(() => Assistant.AcceptAsync(DemoOfficer, "demo-case", carin.Key, default));
        Assert.Single(await _harness.Get<AuditLog>().ListAsync("case/demo-case", null, 500, default), e => e.Action == "recovery.recommendation_accepted");
    }

    [Fact]
    public async Task Officers_accepting_one_recommendation_at_the_same_instant_leave_one_draft_and_one_decision()
    {
        var egmont = (await Assistant.RecommendAsync(DemoOfficer, "demo-case", default)).Recommendations
            .Single(r => r.ActionId == "egmont-accounts" && r.Jurisdiction == "CH");
        var before = (await _harness.Get<RequestStore>().ListAsync(DemoOfficer, "demo-case", null, default)).Count;

        var attempts = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            var officer = Viewer.User($"officer{i}", [Role.Officer], ["demo-case"]);
            try
            {
                return (await Assistant.AcceptAsync(officer, "demo-case", egmont.Key, default)).Decision!.RequestId;
            }
            catch (ConflictException)
            {
                return null;
            }
        })));

        var drafted = Assert.Single(attempts, id => id is not null);
        var requests = await _harness.Get<RequestStore>().ListAsync(DemoOfficer, "demo-case", null, default);
        Assert.Equal(before + 1, requests.Count);
        Assert.Contains(requests, r => r.Id == drafted);
        Assert.Equal(drafted, (await Assistant.RecommendAsync(DemoOfficer, "demo-case", default)).Recommendations.Single(r => r.Key == egmont.Key).Decision!.RequestId);
        Assert.Single(await _harness.Get<AuditLog>().ListAsync("case/demo-case", null, 500, default), e => e.Action == "recovery.recommendation_accepted");
    }

    [Fact]
    public async Task A_recommendation_is_dismissed_only_with_a_reason_and_an_analyst_cannot_draft_a_request()
    {
        var analyst = Viewer.User("analyst1", [Role.Analyst], ["demo-case"]);
        var answer = await Assistant.RecommendAsync(analyst, "demo-case", default);
        var request = answer.Recommendations.First(r => r.Draft == ActionDraft.Request && r.RouteProblem is null);
        var task = answer.Recommendations.First(r => r.Draft == ActionDraft.Task);

        await Assert.ThrowsAsync<ForbiddenException>(() => Assistant.AcceptAsync(analyst, "demo-case", request.Key, default));
        Assert.Equal("reason", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() => Assistant.DismissAsync(analyst, "demo-case", request.Key, " ", default))).Errors).Field);
        var dismissed = await Assistant.DismissAsync(analyst, "demo-case", request.Key, "the UK answered this through MLA already", default);
        var accepted = await Assistant.AcceptAsync(analyst, "demo-case", task.Key, default);

        Assert.Equal((RecommendationStatus.Dismissed, "the UK answered this through MLA already"), (dismissed.Status, dismissed.Decision!.Reason));
        Assert.Equal((RecommendationStatus.Accepted, null), (accepted.Status, accepted.Decision!.RequestId));
    }

    [Fact]
    public async Task An_accepted_task_goes_on_the_case_s_list_and_is_done_once_with_a_note_by_someone_who_sees_the_case()
    {
        var analyst = Viewer.User("analyst1", [Role.Analyst], ["demo-case"]);
        var tasks = _harness.Get<RecoveryTasks>();
        var recommendation = (await Assistant.RecommendAsync(analyst, "demo-case", default)).Recommendations
            .First(r => r.ActionId == "connected-person-analysis");
        Assert.Empty(await tasks.ForCaseAsync(analyst, "demo-case", default));

        await Assistant.AcceptAsync(analyst, "demo-case", recommendation.Key, default);

        var task = Assert.Single(await tasks.ForCaseAsync(analyst, "demo-case", default));
        Assert.Equal((recommendation.Key, recommendation.Title.En, recommendation.Why.Ru, "analyst1", false, 1),
            (task.RecommendationKey, task.Title.En, task.Why.Ru, task.CreatedBy, task.Done, task.Version));
        var outsider = Viewer.User("outsider", [Role.Analyst, Role.Officer, Role.Supervisor], []);
        await Assert.ThrowsAsync<NotFoundException>(() => tasks.ForCaseAsync(outsider, "demo-case", default));
        await Assert.ThrowsAsync<NotFoundException>(() => tasks.CompleteAsync(outsider, "demo-case", task.Id, "probe", null, default));
        Assert.Equal("note", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() => tasks.CompleteAsync(analyst, "demo-case", task.Id, "  ", null, default))).Errors).Field);
        await Assert.ThrowsAsync<ConflictException>(() => tasks.CompleteAsync(analyst, "demo-case", task.Id, "stale", 7, default));

        var done = await tasks.CompleteAsync(analyst, "demo-case", task.Id, "connected persons analysed in report 12/2026", 1, default);

        Assert.Equal((true, "analyst1", "connected persons analysed in report 12/2026", 2), (done.Done, done.DoneBy, done.DoneNote, done.Version));
        Assert.Equal(done, Assert.Single(await tasks.ForCaseAsync(analyst, "demo-case", default)));
        await Assert.ThrowsAsync<ConflictException>(() => tasks.CompleteAsync(analyst, "demo-case", task.Id, "again", null, default));
        Assert.Single(await _harness.Get<AuditLog>().ListAsync("case/demo-case", null, 500, default), e => e.Action == "recovery.task_done" && e.Actor == "analyst1");
        // Dismissing and drafting make no task.
        var request = (await Assistant.RecommendAsync(DemoOfficer, "demo-case", default)).Recommendations.First(r => r.Draft == ActionDraft.Request && r.RouteProblem is null);
        await Assistant.AcceptAsync(DemoOfficer, "demo-case", request.Key, default);
        Assert.Single(await tasks.ForCaseAsync(analyst, "demo-case", default));
    }

    [Fact]
    public async Task An_overdue_request_brings_a_reminder_and_an_answered_one_with_consent_brings_the_formal_MLA_request()
    {
        var overdue = await SentAsync(_harness, _harness.Clock.GetUtcNow().AddDays(-30), "CARIN", "GB");
        var answered = await SentAsync(_harness, _harness.Clock.GetUtcNow().AddDays(-3), "CARIN", "GB");
        await AnswerAsync(_harness, answered.Id, complete: true);

        var before = await Assistant.RecommendAsync(DemoOfficer, "demo-case", default);
        Assert.Contains(before.Recommendations, r => r.ActionId == "send-reminder" && r.SourceRequestId == overdue.Id && r.Why.En.Contains(overdue.Number, StringComparison.Ordinal));
        Assert.DoesNotContain(before.Recommendations, r => r.ActionId == "formal-mla");

        await _harness.Get<ConsentLedger>().RecordAsync(answered.Id, "UK ARO", "use as evidence", "letter UK-ARO/2026/551", new DateOnly(2026, 11, 27), DemoOfficer, default);
        var mla = Assert.Single((await Assistant.RecommendAsync(DemoOfficer, "demo-case", default)).Recommendations, r => r.ActionId == "formal-mla");
        Assert.Equal(answered.Id, mla.SourceRequestId);

        var accepted = await Assistant.AcceptAsync(DemoOfficer, "demo-case", mla.Key, default);

        var draft = await _harness.Get<RequestStore>().GetAsync(DemoOfficer, accepted.Decision!.RequestId!, default);
        Assert.Equal(("MLA", "GB"), (draft!.Route.Network, draft.Route.Jurisdiction));
        Assert.StartsWith($"Follows informal request {answered.Number} ", draft.Body.FreeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_of_another_case_gets_no_recommendations_and_cannot_decide_any()
    {
        var other = await _harness.Get<CaseStore>().CreateAsync(new CaseDraft("2026-ARC-0099", "Another team's case", "corruption", ["officer2"], null), Viewer.System("admin"), default);
        var outsider = Viewer.User("officer2", [Role.Officer, Role.Supervisor], [other.Id]);
        var key = (await Assistant.RecommendAsync(DemoOfficer, "demo-case", default)).Recommendations[0].Key;

        await Assert.ThrowsAsync<NotFoundException>(() => Assistant.RecommendAsync(outsider, "demo-case", default));
        await Assert.ThrowsAsync<NotFoundException>(() => Assistant.AcceptAsync(outsider, "demo-case", key, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Assistant.DismissAsync(outsider, "demo-case", key, "not mine", default));
        // Their own case has no subjects yet: nothing is found, and nothing of the demo case leaks into it.
        Assert.Empty((await Assistant.RecommendAsync(outsider, other.Id, default)).Recommendations);
    }
}

public sealed class SqliteAssistantTests() : AssistantContract(StoreKind.Sqlite);

public sealed class PostgresAssistantTests() : AssistantContract(StoreKind.Postgres);
