using AssetTrace.Accounts;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Roster.Candidates;
using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Notice;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Roster;

/// <summary>
/// Two servers on one PostgreSQL with Quartz clustered (#16): roster triggers whose time passed while no
/// server ran fire when the servers start, each on exactly one of them. The reminder is the act that shows
/// it: unlike the deadline's move, a reminder fired twice would be written twice.
/// </summary>
public sealed class RosterClusterTests : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task Two_servers_on_one_PostgreSQL_fire_each_roster_reminder_once()
    {
        var settings = await _stores.CreateAsync(StoreKind.Postgres);
        settings["Demo:Load"] = "true";
        // A reminder a month ahead: set on the fake day of notice, it is already due by the real clock the servers run on.
        settings["Roster:ReminderDays"] = "31";
        var ids = new List<string>();
        await using (var setup = await CoreHarness.StartAsync(settings))
        {
            var desk = setup.Get<RosterDesk>();
            var notices = setup.Get<RosterNotices>();
            var today = DateOnly.FromDateTime(setup.Clock.GetUtcNow().UtcDateTime);
            var supervisor = Viewer.User("aidos", [Role.Supervisor], ["demo-case"]);
            // Every candidate of the demo case: the official and the relatives whose circle reaches the threshold with him.
            foreach (var candidate in await setup.Get<RosterCandidates>().ListAsync(supervisor, today, default))
            {
                var entry = await desk.ProposeAsync(new RosterProposal("demo-case", candidate.PersonId, null, ["assets_exceed_income"], "Assets beyond income."),
                    supervisor, default);
                await desk.DecideAsync(entry.Id, new RosterVote(today, 1, 0, 0, ["A"]), null, Viewer.User("marat", [Role.Commission], ["demo-case"]), default);
                await notices.RecordDeliveryAsync(entry.Id, today, "by hand", null, supervisor, default);
                ids.Add(entry.Id);
            }
        }
        Assert.True(ids.Count >= 3, $"{ids.Count} candidates in the demo case");

        await using var first = await ServerHarness.StartAsync(settings);
        await using var second = await ServerHarness.StartAsync(settings);
        var store = first.Services.GetRequiredService<RosterStore>();
        var everyone = Viewer.System("test");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        int reminded;
        do
        {
            await Task.Delay(500);
            reminded = 0;
            foreach (var id in ids)
            {
                reminded += (await store.EventsAsync(everyone, id, default)).Any(e => e.Event == "reminder") ? 1 : 0;
            }
        }
        while (reminded < ids.Count && DateTime.UtcNow < deadline);
        // Give a second firing, were there one, the time to land.
        await Task.Delay(TimeSpan.FromSeconds(3));

        foreach (var id in ids)
        {
            var events = (await store.EventsAsync(everyone, id, default)).Select(e => e.Event).ToList();
            Assert.True(events.Count(e => e == "reminder") == 1, $"{id}: {string.Join(", ", events)}");
            Assert.Equal(RosterStage.Notified, (await store.GetAsync(everyone, id, default))!.Stage);
        }
    }
}
