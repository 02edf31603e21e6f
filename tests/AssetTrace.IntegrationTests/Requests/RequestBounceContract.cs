using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.IntegrationTests.Mail;
using AssetTrace.Mail;
using AssetTrace.Mail.Receiving;
using AssetTrace.Mail.Sending;
using AssetTrace.Requests;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Quartz;

namespace AssetTrace.IntegrationTests.Requests;

/// <summary>
/// A request whose contact point's address has no mailbox, sent through the real Postfix: Postfix
/// accepts it (the request becomes Sent), then bounces it to the desk's mailbox in Dovecot; the
/// receiver reads the bounce and the request moves to DeliveryFailed with the server's reason, once.
/// </summary>
public abstract class RequestBounceContract(StoreKind kind) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly Viewer Officer = Viewer.System("officer1");
    private MailHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MailHarness.StartAsync(kind, requestDesk: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_bounce_from_postfix_moves_the_sent_request_to_delivery_failed_with_the_reason_and_ends_its_deadlines()
    {
        var nobody = MailTestServers.Nobody;
        var contact = await _harness.Get<NetworkDirectory>().SaveContactPointAsync(new ContactPoint(
            "bounce-test", "CARIN", "GB", "A mailbox that does not exist", nobody, ["en"], "Europe/London", 6, true), "supervisor1", default);
        var desk = _harness.Get<RequestDesk>();
        var requests = _harness.Get<RequestStore>();
        var draft = await desk.DraftAsync(new RequestDraftInput("demo-case", "CARIN", "GB", contact.Id, Urgency.Normal, RequestSteps.Body()), Officer, default);
        await desk.ApproveAsync(draft.Id, null, Viewer.System("supervisor1"), default);
        await desk.SendAsync(draft.Id, Officer, default);

        Assert.Equal(1, await _harness.Get<OutboxDispatcher>().DeliverDueAsync(default));
        // Postfix checks the recipient only at delivery: the request counts as sent, with its deadlines.
        Assert.Equal(RequestStatus.Sent, (await requests.GetAsync(draft.Id, default))!.Progress.Status);
        var scheduler = await _harness.Get<ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(new TriggerKey($"{draft.Id}:overdue", "request-deadlines")));

        var receiver = _harness.Get<MailReceiver>();
        var deadline = DateTime.UtcNow + Patience;
        NetworkRequest request;
        while ((request = (await requests.GetAsync(draft.Id, default))!).Progress.Status != RequestStatus.DeliveryFailed)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the bounce did not move {draft.Number} to DeliveryFailed within {Patience}; it is {request.Progress.Status}.");
            }
            await receiver.SyncAsync(default);
            await Task.Delay(200);
        }
        // Let the notifier offer both reports (the outbox's failed message and the bounce itself) before counting.
        await receiver.SyncAsync(default);

        Assert.Contains("5.1.1", request.Progress.FailureReason, StringComparison.Ordinal);
        Assert.Contains(nobody, request.Progress.FailureReason, StringComparison.OrdinalIgnoreCase);
        var events = await requests.EventsAsync(draft.Id, default);
        var failed = Assert.Single(events, e => e.Event == "delivery_failed");
        Assert.Equal("mail", failed.Actor);
        Assert.Equal(["created", "approved", "queued", "sent", "delivery_failed"], events.Select(e => e.Event));
        Assert.False(await scheduler.Exists(new TriggerKey($"{draft.Id}:overdue", "request-deadlines")), "a request whose mail bounced still has its overdue trigger");
        Assert.False(await scheduler.Exists(new TriggerKey($"{draft.Id}:reminder", "request-deadlines")));
        var audit = await _harness.Get<AuditLog>().ListAsync($"request/{draft.Id}", null, 20, default);
        Assert.Contains(audit, e => e.Action == "request.delivery_failed" && e.Actor == "mail");
        Assert.Equal(OutboxStatus.Failed, Assert.Single(await _harness.Get<MailOutbox>().ForRequestAsync(draft.Id, default)).Status);
        Assert.Equal(0, (await _harness.Get<RequestFigureReader>().ReadAsync(Viewer.System("test"), default)).Open);

        // No answer can come to mail that never arrived; the officer withdraws it (or redrafts it to a working address).
        await Assert.ThrowsAsync<ConflictException>(() => desk.AcknowledgeAsync(draft.Id, Officer, null, default));
        await Assert.ThrowsAsync<ConflictException>(() => desk.RecordAnswerAsync(draft.Id, true, null, [], [], Officer, default));
        Assert.Equal(RequestStatus.Withdrawn, (await desk.WithdrawAsync(draft.Id, Officer, "the contact point's address is wrong", default)).Progress.Status);
    }
}

public sealed class SqliteRequestBounceTests() : RequestBounceContract(StoreKind.Sqlite);

public sealed class PostgresRequestBounceTests() : RequestBounceContract(StoreKind.Postgres);
