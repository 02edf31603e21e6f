using AssetTrace.Accounts;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Roster.Deadlines;
using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Roster.Notice;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AssetTrace.IntegrationTests.Roster;

/// <summary>
/// The deadline's Quartz job on a real server, on both stores, when its run fails (#16): the documents' table is
/// moved away, so each run fails on the draft's insert and writes nothing; the job is tried again
/// (Roster:RetrySeconds, 1 s here) until the table is back, and then the entry moves to the court application once.
/// </summary>
public abstract class RosterDeadlineRetryContract(StoreKind kind) : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose()
    {
        _stores.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_failed_deadline_run_writes_nothing_and_is_tried_again_until_it_completes_once()
    {
        var settings = await _stores.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        settings["Roster:RetrySeconds"] = "1";
        string id;
        await using (var setup = await CoreHarness.StartAsync(settings))
        {
            var body = Viewer.User("aidos", [Role.Supervisor], ["demo-case"]);
            var desk = setup.Get<RosterDesk>();
            var entry = await desk.ProposeAsync(new RosterProposal("demo-case", "demo-serik-akhmetov", null, ["assets_exceed_income"], "Assets beyond income."),
                body, default);
            var on = DateOnly.FromDateTime(setup.Clock.GetUtcNow().UtcDateTime);
            await desk.DecideAsync(entry.Id, new RosterVote(on, 3, 0, 0, ["A", "B", "C"]), null, Viewer.User("marat", [Role.Commission], ["demo-case"]), default);
            entry = await setup.Get<RosterNotices>().RecordDeliveryAsync(entry.Id, on, "by hand", null, body, default);
            // The server runs on the real clock: the deadline is moved into its past by hand, and its trigger with it
            // (the trigger's time has passed when the server starts, so it fires at once).
            entry = await setup.Get<RosterStore>().ChangeAsync(entry.Id, Viewer.System("test"), null, "test", "test: the deadline moved into the past",
                (e, _, _) => Task.FromResult(e with { Notice = e.Notice! with { DeadlineOn = new DateOnly(2026, 10, 1) } }), default);
            await setup.Get<RosterClock>().ScheduleAsync(entry, default);
            await setup.Get<Database>().WriteAsync((c, t) => c.ExecuteAsync(t, "ALTER TABLE roster_documents RENAME TO roster_documents_away", default), default);
            id = entry.Id;
        }

        await using var server = await ServerHarness.StartAsync(settings);
        var store = server.Services.GetRequiredService<RosterStore>();
        var database = server.Services.GetRequiredService<Database>();
        var everyone = Viewer.System("test");
        // The server's first run fails, and its retry fails too, before the table comes back.
        var retries = new HashSet<string>(StringComparer.Ordinal);
        await WaitUntilAsync(async () =>
        {
            retries.UnionWith(await RetriesAsync(server, id));
            return retries.Count >= 2;
        });
        Assert.Equal(RosterStage.Notified, (await store.GetAsync(everyone, id, default))!.Stage);
        Assert.DoesNotContain(await store.EventsAsync(everyone, id, default), e => e.Event == "deadline_passed");

        await database.WriteAsync((c, t) => c.ExecuteAsync(t, "ALTER TABLE roster_documents_away RENAME TO roster_documents", default), default);
        await WaitUntilAsync(async () => (await store.GetAsync(everyone, id, default))!.Stage == RosterStage.CourtApplication);
        // Give a further run, were there one, the time to land.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Single(await store.EventsAsync(everyone, id, default), e => e.Event == "deadline_passed");
        Assert.Equal(3, (await server.Services.GetRequiredService<RosterEvaluations>().DocumentsAsync(id, everyone, default))
            .Count(d => d.Kind == RosterEvaluations.CourtApplication));
    }

    /// <summary>The retry triggers waiting in Quartz's store: each is left by a run that failed, until it fires.</summary>
    private static async Task<IEnumerable<string>> RetriesAsync(ServerHarness server, string entryId)
    {
        var scheduler = await server.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = await scheduler.GetTriggersOfJob(new JobKey(entryId, RosterClock.Group));
        return triggers.Select(t => t.Key.Name).Where(n => n.Contains(":deadline:retry:", StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < until, "not reached within 60 s");
            await Task.Delay(250);
        }
    }
}

public sealed class SqliteRosterDeadlineRetryTests() : RosterDeadlineRetryContract(StoreKind.Sqlite);

public sealed class PostgresRosterDeadlineRetryTests() : RosterDeadlineRetryContract(StoreKind.Postgres);
