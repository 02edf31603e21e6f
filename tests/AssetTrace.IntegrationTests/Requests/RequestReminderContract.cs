using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Requests;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Quartz;
using static AssetTrace.IntegrationTests.Requests.RequestSteps;

namespace AssetTrace.IntegrationTests.Requests;

/// <summary>
/// The reminder and overdue triggers firing in Quartz's persistent store on both stores, with the
/// scheduler running on the harness's fake clock: a CARIN request sent with seven days to answer
/// gets its reminder a day before the due date and its overdue flag at it, each once.
/// </summary>
public abstract class RequestReminderContract(StoreKind kind) : IAsyncLifetime
{
    // Quartz runs its jobs on its own threads: the test waits (on the real clock) for what the fake one made due.
    // With nothing due in its look-ahead window, Quartz's scheduler thread sleeps its idle wait (30 s of real
    // time) before it reads the clock again, so a trigger the fake clock made due can take that long to fire:
    // waiting only 30 s failed now and then on PostgreSQL.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(75);
    private CoreHarness _harness = null!;
    private IScheduler _scheduler = null!;

    public async Task InitializeAsync()
    {
        _harness = await CoreHarness.StartAsync(kind, loadDemo: true);
        _scheduler = await _harness.Get<ISchedulerFactory>().GetScheduler();
        await _scheduler.Start();
    }

    public async Task DisposeAsync()
    {
        await _scheduler.Shutdown(waitForJobsToComplete: true);
        await _harness.DisposeAsync();
    }

    private async Task<List<string>> WaitForEventAsync(string id, string @event)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var events = await EventsAsync(_harness, id);
            if (events.Contains(@event))
            {
                return events;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no '{@event}' within {Patience} of the fake clock passing its time; the timeline has: {string.Join(", ", events)}");
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task The_reminder_comes_a_day_before_the_due_date_and_the_overdue_flag_at_it_each_once()
    {
        var sentAt = _harness.Clock.GetUtcNow();
        var sent = await SentAsync(_harness, sentAt);
        Assert.Equal(sentAt.AddDays(7), sent.Progress.DueAt);

        _harness.Clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromMinutes(1));
        var events = await WaitForEventAsync(sent.Id, "reminder");

        Assert.DoesNotContain("overdue", events);
        Assert.False((await _harness.Get<RequestStore>().GetAsync(sent.Id, default))!.Progress.Overdue);
        var reminder = (await _harness.Get<RequestStore>().EventsAsync(sent.Id, default)).Single(e => e.Event == "reminder");
        Assert.Equal("scheduler", reminder.Actor);
        Assert.Contains(sentAt.AddDays(7).ToString("u", System.Globalization.CultureInfo.InvariantCulture), reminder.Detail, StringComparison.Ordinal);

        _harness.Clock.Advance(TimeSpan.FromDays(1));
        events = await WaitForEventAsync(sent.Id, "overdue");

        Assert.True((await _harness.Get<RequestStore>().GetAsync(sent.Id, default))!.Progress.Overdue);
        Assert.Equal(1, (await _harness.Get<RequestFigureReader>().ReadAsync(Viewer.System("test"), default)).Overdue);
        // Both triggers have fired and are gone: a month more on the clock brings no second reminder. Quartz removes a
        // trigger after its job returned, which on a clustered store (PostgreSQL, #16) takes a row lock first: wait for it.
        var gone = DateTime.UtcNow + Patience;
        while (await DeadlinesScheduledAsync(_harness, sent.Id) && DateTime.UtcNow < gone)
        {
            await Task.Delay(100);
        }
        Assert.False(await DeadlinesScheduledAsync(_harness, sent.Id));
        _harness.Clock.Advance(TimeSpan.FromDays(30));
        var answered = await AnswerAsync(_harness, sent.Id, complete: true);
        Assert.False(answered.Progress.Overdue);
        Assert.Equal(["created", "approved", "queued", "sent", "reminder", "overdue", "answered"], await EventsAsync(_harness, sent.Id));
    }

    [Fact]
    public async Task A_request_answered_in_time_gets_no_reminder_and_a_partly_answered_one_still_becomes_overdue()
    {
        var answered = await SentAsync(_harness, _harness.Clock.GetUtcNow());
        var partly = await SentAsync(_harness, _harness.Clock.GetUtcNow());
        _harness.Clock.Advance(TimeSpan.FromDays(2));
        await AnswerAsync(_harness, answered.Id, complete: true);
        await AnswerAsync(_harness, partly.Id, complete: false);

        _harness.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        var events = await WaitForEventAsync(partly.Id, "overdue");

        Assert.Contains("reminder", events);
        Assert.True((await _harness.Get<RequestStore>().GetAsync(partly.Id, default))!.Progress.Overdue);
        // The same clock passed the answered request's due date: its triggers were cancelled with the answer.
        Assert.False(await DeadlinesScheduledAsync(_harness, answered.Id));
        Assert.Equal(["created", "approved", "queued", "sent", "answered"], await EventsAsync(_harness, answered.Id));
        Assert.False((await _harness.Get<RequestStore>().GetAsync(answered.Id, default))!.Progress.Overdue);
    }
}

public sealed class SqliteRequestReminderTests() : RequestReminderContract(StoreKind.Sqlite);

public sealed class PostgresRequestReminderTests() : RequestReminderContract(StoreKind.Postgres);
