using AssetTrace.Accounts;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Requests;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using static AssetTrace.IntegrationTests.Requests.RequestSteps;

namespace AssetTrace.IntegrationTests.Requests;

/// <summary>
/// The ways a request ends other than a full answer, on both stores: withdrawn (from draft or after
/// sending) and answered in part, then in full, then closed; and what each status still allows.
/// </summary>
public abstract class RequestEndingsContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    private RequestDesk Desk => _harness.Get<RequestDesk>();

    private RequestStore Requests => _harness.Get<RequestStore>();

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    /// <summary>What a move changes (the body's lists compare by reference, so the request itself cannot be compared).</summary>
    private static (RequestProgress, RequestMilestones, int) Snapshot(NetworkRequest? request) =>
        (request!.Progress, request.Milestones, request.Stamp.Version);

    [Fact]
    public async Task A_sent_request_withdrawn_with_a_reason_stops_its_deadlines_and_allows_nothing_after()
    {
        var sent = await SentAsync(_harness, _harness.Clock.GetUtcNow());
        Assert.True(await DeadlinesScheduledAsync(_harness, sent.Id));
        await Assert.ThrowsAsync<UserInputException>(() => Desk.WithdrawAsync(sent.Id, Officer, " ", default));

        _harness.Clock.Advance(TimeSpan.FromDays(2));
        var withdrawn = await Desk.WithdrawAsync(sent.Id, Officer, "the suspect's assets were found at home", default);

        Assert.Equal(RequestStatus.Withdrawn, withdrawn.Progress.Status);
        Assert.Equal(_harness.Clock.GetUtcNow(), withdrawn.Milestones.ClosedAt);
        Assert.Equal(Snapshot(withdrawn), Snapshot(await Requests.GetAsync(sent.Id, default)));
        Assert.False(await DeadlinesScheduledAsync(_harness, sent.Id), "the reminder and overdue triggers of a withdrawn request are still scheduled");
        var events = await Requests.EventsAsync(sent.Id, default);
        Assert.Equal(("withdrawn", "officer1", "the suspect's assets were found at home"), (events[^1].Event, events[^1].Actor, events[^1].Detail));
        var audit = (await _harness.Get<AuditLog>().ListAsync($"request/{sent.Id}", null, 20, default)).Single(e => e.Action == "request.withdrawn");
        Assert.Equal("officer1", audit.Actor);
        // Stored as it always was: the request as one flat object (status 8 = Withdrawn).
        Assert.Contains("\"caseId\":\"demo-case\"", audit.After, StringComparison.Ordinal);
        Assert.Contains("\"status\":8", audit.After, StringComparison.Ordinal);

        // Withdrawn is final: every move the desk offers is refused with the status named, and nothing changes.
        var refused = new Func<Task>[]
        {
            () => Desk.AcknowledgeAsync(sent.Id, Officer, null, default),
            () => AnswerAsync(_harness, sent.Id, complete: false),
            () => AnswerAsync(_harness, sent.Id, complete: true),
            () => Desk.CloseAsync(sent.Id, Officer, null, default),
            () => Desk.WithdrawAsync(sent.Id, Officer, "again", default),
            () => Desk.ApproveAsync(sent.Id, null, Supervisor, default),
            () => Desk.SendAsync(sent.Id, Officer, default),
            () => Desk.UpdateDraftAsync(sent.Id, Body(), Urgency.Urgent, null, Officer, default),
        };
        foreach (var move in refused)
        {
            var error = await Assert.ThrowsAsync<ConflictException>(move);
            Assert.Contains("Withdrawn", error.Message, StringComparison.Ordinal);
        }
        // A late bounce of its mail changes nothing either.
        await Desk.MarkDeliveryFailedAsync(sent.Id, "bounced (5.1.1): late", default);
        Assert.Equal(Snapshot(withdrawn), Snapshot(await Requests.GetAsync(sent.Id, default)));
        Assert.Equal(events.Count, (await Requests.EventsAsync(sent.Id, default)).Count);

        var figures = await _harness.Get<RequestFigureReader>().ReadAsync(Viewer.System("test"), default);
        Assert.Equal(0, figures.Open);
        Assert.Equal(0, figures.ByJurisdiction.Single(t => t.Key == "GB").Answered);
    }

    [Fact]
    public async Task A_draft_may_be_withdrawn_but_an_answered_request_only_closed()
    {
        var draft = await DraftAsync(_harness);
        Assert.Equal(RequestStatus.Withdrawn, (await Desk.WithdrawAsync(draft.Id, Officer, "drafted twice", default)).Progress.Status);

        var answered = await SentAsync(_harness, _harness.Clock.GetUtcNow());
        await AnswerAsync(_harness, answered.Id, complete: true);
        var error = await Assert.ThrowsAsync<ConflictException>(() => Desk.WithdrawAsync(answered.Id, Officer, "no longer needed", default));
        Assert.Contains("From Answered it may become: Closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partly_answered_request_stays_open_with_its_deadline_until_the_rest_comes_and_is_then_closed()
    {
        var sentAt = _harness.Clock.GetUtcNow();
        var sent = await SentAsync(_harness, sentAt);
        _harness.Clock.Advance(TimeSpan.FromDays(3));

        var partly = await AnswerAsync(_harness, sent.Id, complete: false);

        Assert.Equal(RequestStatus.PartlyAnswered, partly.Progress.Status);
        var firstAnswer = _harness.Clock.GetUtcNow();
        Assert.Equal(firstAnswer, partly.Milestones.AnsweredAt);
        Assert.Equal(firstAnswer, partly.Milestones.AcknowledgedAt);
        Assert.Equal(sentAt.AddDays(7), partly.Progress.DueAt);
        Assert.True(await DeadlinesScheduledAsync(_harness, sent.Id), "a partly answered request still waits for the rest: its deadline must stand");
        var figures = await _harness.Get<RequestFigureReader>().ReadAsync(Viewer.System("test"), default);
        Assert.Equal(1, figures.Open);
        Assert.Equal((1, 3.0), (figures.ByJurisdiction.Single(t => t.Key == "GB").Answered, figures.ByJurisdiction.Single(t => t.Key == "GB").MedianDays!.Value));

        // A second partial answer is not a move the lifecycle knows; the rest of the answer is.
        await Assert.ThrowsAsync<ConflictException>(() => AnswerAsync(_harness, sent.Id, complete: false));
        _harness.Clock.Advance(TimeSpan.FromDays(2));
        var answered = await AnswerAsync(_harness, sent.Id, complete: true);

        Assert.Equal(RequestStatus.Answered, answered.Progress.Status);
        Assert.Equal(firstAnswer, answered.Milestones.AnsweredAt);
        Assert.False(await DeadlinesScheduledAsync(_harness, sent.Id));
        Assert.Equal(0, (await _harness.Get<RequestFigureReader>().ReadAsync(Viewer.System("test"), default)).Open);

        var closed = await Desk.CloseAsync(sent.Id, Officer, "all questions answered", default);
        Assert.Equal(RequestStatus.Closed, closed.Progress.Status);
        Assert.Equal(["created", "approved", "queued", "sent", "partly_answered", "answered", "closed"], await EventsAsync(_harness, sent.Id));
        await Assert.ThrowsAsync<ConflictException>(() => Desk.WithdrawAsync(sent.Id, Officer, "too late", default));
    }

    [Fact]
    public async Task A_partly_answered_request_may_be_closed_or_withdrawn_without_the_rest()
    {
        var first = await SentAsync(_harness, _harness.Clock.GetUtcNow());
        var second = await SentAsync(_harness, _harness.Clock.GetUtcNow());
        await AnswerAsync(_harness, first.Id, complete: false);
        await AnswerAsync(_harness, second.Id, complete: false);

        var closed = await Desk.CloseAsync(first.Id, Officer, "enough for the freezing order", default);
        var withdrawn = await Desk.WithdrawAsync(second.Id, Officer, "case closed at home", default);

        Assert.Equal((RequestStatus.Closed, RequestStatus.Withdrawn), (closed.Progress.Status, withdrawn.Progress.Status));
        Assert.False(await DeadlinesScheduledAsync(_harness, first.Id));
        Assert.False(await DeadlinesScheduledAsync(_harness, second.Id));
    }

    [Fact]
    public async Task A_request_of_a_case_the_user_is_not_on_cannot_be_withdrawn_and_stays_as_it_was()
    {
        var sent = await SentAsync(_harness, _harness.Clock.GetUtcNow());
        var outsider = Viewer.User("officer9", [Role.Officer], []);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => Desk.WithdrawAsync(sent.Id, outsider, "not mine", default));

        Assert.Equal(new NotFoundException("request", sent.Id).Message, error.Message);
        Assert.Equal(Snapshot(sent), Snapshot(await Requests.GetAsync(sent.Id, default)));
        await Assert.ThrowsAsync<NotFoundException>(() => Desk.CloseAsync(sent.Id, outsider, null, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Desk.AcknowledgeAsync(sent.Id, outsider, null, default));
        Assert.Equal(["created", "approved", "queued", "sent"], await EventsAsync(_harness, sent.Id));
    }
}

public sealed class SqliteRequestEndingsTests() : RequestEndingsContract(StoreKind.Sqlite);

public sealed class PostgresRequestEndingsTests() : RequestEndingsContract(StoreKind.Postgres);
