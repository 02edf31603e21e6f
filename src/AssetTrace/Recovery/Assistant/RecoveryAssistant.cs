using System.Data.Common;
using System.Text.Json;
using AssetTrace.Accounts;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Wealth;
using AssetTrace.Audit;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Requests;
using AssetTrace.Requests.Consent;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Recovery.Assistant;

/// <summary>
/// The investigator's assistant (#17): the case's playbook evaluated on the analytics snapshot
/// under the viewer's sight, each recommendation with the decision taken on it; accepting one
/// drafts its request through the <see cref="RequestDesk"/> in one step, dismissing one needs a
/// reason. Both are audited against the case. Only those who see the case get anything.
/// </summary>
public sealed class RecoveryAssistant(
    SnapshotProvider snapshots, CaseStore cases, RequestStore requests, ConsentLedger consents, ExchangeRateStore rates,
    NetworkDirectory directory, RequestDesk desk, PlaybookSource playbooks, Database database, AuditLog audit, TimeProvider clock)
{
    public async Task<AssistantAnswer> RecommendAsync(Viewer viewer, string caseId, CancellationToken ct)
    {
        var @case = await cases.GetAsync(viewer, caseId, ct) ?? throw new NotFoundException("case", caseId);
        var set = playbooks.Current;
        if (!set.ByCrimeType.TryGetValue(@case.CrimeType, out var playbook))
        {
            return new AssistantAnswer(@case.CrimeType, [], set.Problems);
        }
        // Requests are the desk's: the rules about them run for those who may read it.
        var caseRequests = viewer.Has(Role.Officer) || viewer.Has(Role.Supervisor) ? await requests.ListAsync(viewer, caseId, null, ct) : [];
        var consented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in caseRequests.Where(r => r.Route.Network != NetworkInfo.Mla && r.Milestones.AnsweredAt is not null))
        {
            if ((await consents.ForRequestAsync(request.Id, ct)).Count > 0)
            {
                consented.Add(request.Id);
            }
        }
        var contacts = (await directory.ContactPointsAsync(null, null, ct)).Where(c => c.Active).Select(c => (c.Network, c.Jurisdiction)).ToHashSet();
        var facts = new CaseFacts(@case, caseRequests, consented, await rates.LoadAsync(ct), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            await OpenSourceFactsAsync(caseId, ct));
        var (found, problems) = await snapshots.ReadAsync(viewer, g => PlaybookEvaluator.Evaluate(g, facts, playbook, contacts), ct);
        var decisions = await DecisionsAsync(caseId, ct);
        var answered = found.Select(r => r with { Decision = decisions.GetValueOrDefault(r.Key) })
            .OrderBy(r => r.Status).ThenBy(r => r.RuleId, StringComparer.Ordinal).ThenBy(r => r.Title.En, StringComparer.Ordinal).ToList();
        return new AssistantAnswer(@case.CrimeType, answered, [.. set.Problems, .. problems]);
    }

    /// <summary>
    /// Accepts a recommendation: its request is drafted (an MLA request follows its informal one), or its task goes on the case's list.
    /// The decision is written in the draft's own transaction, so two officers accepting at once leave one draft, not two.
    /// </summary>
    /// <returns>The recommendation as decided, with the draft's id.</returns>
    public async Task<Recommendation> AcceptAsync(Viewer actor, string caseId, string key, CancellationToken ct)
    {
        var recommendation = await OpenAsync(actor, caseId, key, ct);
        if (recommendation.Draft == ActionDraft.Task)
        {
            return await DecideAsync(actor, caseId, recommendation, Accepted(actor, null), ct);
        }
        if (!actor.Has(Role.Officer))
        {
            throw new ForbiddenException("Drafting a request requires the officer role: ask an officer of the case to accept this recommendation.");
        }
        if (recommendation.RouteProblem is { } problem)
        {
            throw new UserInputException("key", problem);
        }
        var @case = await cases.GetAsync(actor, caseId, ct) ?? throw new NotFoundException("case", caseId);
        Decision? decided = null;
        DraftAlongside record = async (c, t, draft) =>
        {
            decided = Accepted(actor, draft.Id);
            await RecordAsync(c, t, actor, caseId, recommendation, decided, ct);
        };
        _ = recommendation.Draft == ActionDraft.Mla
            ? await desk.DraftMlaFromAsync(recommendation.SourceRequestId!, actor, ct, record)
            : await desk.DraftAsync(new RequestDraftInput(caseId, recommendation.Network!, recommendation.Jurisdiction!, null, Urgency.Normal,
                new RequestBody(recommendation.SubjectIds, recommendation.Questions, recommendation.Why.En,
                    recommendation.LegalBasis ?? $"{recommendation.Network} cooperation", $"Case {@case.Number}: {@case.Title} ({@case.CrimeType}).",
                    null, RequestBody.DefaultConfidentiality, null, ["en"], new Dictionary<string, string>())), actor, ct, record);
        return recommendation with { Decision = decided };
    }

    public async Task<Recommendation> DismissAsync(Viewer actor, string caseId, string key, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UserInputException("reason", "say why the recommendation does not apply.");
        }
        TextHygiene.Require("reason", reason, TextKind.FreeText, TextLimits.Reason);
        var recommendation = await OpenAsync(actor, caseId, key, ct);
        return await DecideAsync(actor, caseId, recommendation, new Decision(RecommendationStatus.Dismissed, reason.Trim(), null, clock.GetUtcNow(), actor.Name), ct);
    }

    private async Task<Recommendation> OpenAsync(Viewer actor, string caseId, string key, CancellationToken ct)
    {
        var recommendation = (await RecommendAsync(actor, caseId, ct)).Recommendations.FirstOrDefault(r => r.Key == key)
            ?? throw new NotFoundException("recommendation", key);
        return recommendation.Decision is { } decided
            ? throw new ConflictException($"'{recommendation.Title.En}' was already {Codes.Of(decided.Status)} by {decided.By}: reload the case.")
            : recommendation;
    }

    private Decision Accepted(Viewer actor, string? requestId) => new(RecommendationStatus.Accepted, null, requestId, clock.GetUtcNow(), actor.Name);

    private async Task<Recommendation> DecideAsync(Viewer actor, string caseId, Recommendation recommendation, Decision decision, CancellationToken ct) =>
        await database.WriteAsync(async (c, t) =>
        {
            await RecordAsync(c, t, actor, caseId, recommendation, decision, ct);
            return recommendation with { Decision = decision };
        }, ct);

    /// <summary>
    /// Writes the decision and its audit entry; a decision taken meanwhile (another officer, another server) is a conflict.
    /// ON CONFLICT rather than a read first: on PostgreSQL the second insert waits for the first's commit and then finds it.
    /// </summary>
    private async Task RecordAsync(DbConnection c, DbTransaction t, Viewer actor, string caseId,
        Recommendation recommendation, Decision decision, CancellationToken ct)
    {
        var written = await c.ExecuteAsync(t, """
            INSERT INTO recovery_decisions (case_id, rec_key, decision, reason, request_id, decided_at, decided_by)
            VALUES (@c, @k, @d, @reason, @request, @at, @by) ON CONFLICT (case_id, rec_key) DO NOTHING
            """, ct, ("c", caseId), ("k", recommendation.Key), ("d", Codes.Of(decision.Status)), ("reason", decision.Reason),
            ("request", decision.RequestId), ("at", decision.At), ("by", decision.By));
        if (written == 0)
        {
            throw new ConflictException($"'{recommendation.Title.En}' was decided meanwhile: reload the case.");
        }
        if (decision.Status == RecommendationStatus.Accepted && recommendation.Draft == ActionDraft.Task)
        {
            await Tasks.RecoveryTasks.AddAsync(c, t, caseId, recommendation, decision, ct);
        }
        await audit.AppendAsync(c, t, new AuditRecord(actor.Name, $"recovery.recommendation_{Codes.Of(decision.Status)}", $"case/{caseId}", null,
            JsonSerializer.Serialize(new { recommendation.Key, recommendation.RuleId, recommendation.ActionId, title = recommendation.Title.En, decision.RequestId }),
            decision.Reason), ct);
    }

    /// <summary>
    /// What the case's accepted open-source leads wrote, by fact id. Read from the watch's table rather than through its
    /// service: the assistant needs three columns of the case's own leads, and the case was checked visible above.
    /// </summary>
    private Task<Dictionary<string, OpenSourceFact>> OpenSourceFactsAsync(string caseId, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            var leads = await c.QueryAsync(null, "SELECT id, source, decided_by, facts FROM watch_leads WHERE case_id = @c AND status = 'accepted'",
                r => (Id: r.GetString(0), Source: r.GetString(1), By: r.NullableString(2) ?? "", Facts: JsonSerializer.Deserialize<List<string>>(r.GetString(3)) ?? []),
                ct, ("c", caseId));
            var facts = new Dictionary<string, OpenSourceFact>(StringComparer.Ordinal);
            foreach (var lead in leads)
            {
                foreach (var fact in lead.Facts)
                {
                    facts.TryAdd(fact, new OpenSourceFact(fact, lead.Id, lead.Source, lead.By));
                }
            }
            return facts;
        }, ct);

    private Task<Dictionary<string, Decision>> DecisionsAsync(string caseId, CancellationToken ct) =>
        database.ReadAsync(async c => (await c.QueryAsync(null,
            "SELECT rec_key, decision, reason, request_id, decided_at, decided_by FROM recovery_decisions WHERE case_id = @c", r => (Key: r.GetString(0),
                Decision: new Decision(Codes.Parse<RecommendationStatus>(r.GetString(1)), r.NullableString(2), r.NullableString(3), r.Instant(4), r.GetString(5))),
            ct, ("c", caseId))).ToDictionary(x => x.Key, x => x.Decision, StringComparer.Ordinal), ct);
}
