using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Mail;
using AssetTrace.Requests;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Visibility;
using Quartz;

namespace AssetTrace.IntegrationTests.Requests;

/// <summary>The steps a request goes through before the part a test is about, as the desk takes them.</summary>
public static class RequestSteps
{
    public static readonly Viewer Officer = Viewer.System("officer1");

    public static readonly Viewer Supervisor = Viewer.System("supervisor1");

    public static RequestBody Body() => new(
        ["demo-serik-akhmetov"], ["real_estate"], null, "CARIN informal cooperation", "", null, RequestBody.DefaultConfidentiality, null, ["en"],
        new Dictionary<string, string>());

    public static Task<NetworkRequest> DraftAsync(CoreHarness harness, string network = "CARIN", string jurisdiction = "GB", string caseId = "demo-case") =>
        harness.Get<RequestDesk>().DraftAsync(new RequestDraftInput(caseId, network, jurisdiction, null, Urgency.Normal, Body()), Officer, default);

    /// <summary>Drafted, approved, queued, and accepted by the SMTP server at <paramref name="sentAt"/>.</summary>
    public static async Task<NetworkRequest> SentAsync(CoreHarness harness, DateTimeOffset sentAt, string network = "CARIN", string jurisdiction = "GB",
        string caseId = "demo-case")
    {
        var desk = harness.Get<RequestDesk>();
        var draft = await DraftAsync(harness, network, jurisdiction, caseId);
        await desk.ApproveAsync(draft.Id, null, Supervisor, default);
        await desk.SendAsync(draft.Id, Officer, default);
        var mail = Assert.Single(await harness.Get<MailOutbox>().ForRequestAsync(draft.Id, default));
        await desk.MarkSentAsync(draft.Id, mail.MessageId, sentAt, default);
        return (await harness.Get<RequestStore>().GetAsync(draft.Id, default))!;
    }

    public static Task<NetworkRequest> AnswerAsync(CoreHarness harness, string id, bool complete) =>
        harness.Get<RequestDesk>().RecordAnswerAsync(id, complete, complete ? "the rest of the answer" : "first part of the answer", [], [], Officer, default);

    /// <summary>Whether Quartz still holds the request's reminder or overdue trigger (a trigger that fired is gone).</summary>
    public static async Task<bool> DeadlinesScheduledAsync(CoreHarness harness, string id)
    {
        var scheduler = await harness.Get<ISchedulerFactory>().GetScheduler();
        return await scheduler.Exists(new TriggerKey($"{id}:reminder", "request-deadlines"))
            || await scheduler.Exists(new TriggerKey($"{id}:overdue", "request-deadlines"));
    }

    public static async Task<List<string>> EventsAsync(CoreHarness harness, string id) =>
        [.. (await harness.Get<RequestStore>().EventsAsync(id, default)).Select(e => e.Event)];
}
