using AssetTrace.Accounts;
using AssetTrace.IntegrationTests.Infrastructure;
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
    private const int Entries = 12;
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
            for (var i = 0; i < Entries; i++)
            {
                // Each entry in its own case (one open entry per person and case), all about the official.
                var caseId = $"cluster-case-{i}";
                await setup.Get<AssetTrace.Cases.CaseStore>().CreateAsync(new AssetTrace.Cases.CaseDraft($"2026-ARC-9{i:000}", "Cluster run", "corruption", ["aidos"], today, caseId),
                    Viewer.System("test"), default);
                var entry = await desk.ProposeAsync(new RosterProposal(caseId, "demo-serik-akhmetov", null, ["assets_exceed_income"], "Assets beyond income."),
                    Viewer.User("aidos", [Role.Supervisor], [caseId]), default);
                await desk.DecideAsync(entry.Id, new RosterVote(today, 1, 0, 0, ["A"]), null, Viewer.User("marat", [Role.Commission], [caseId]), default);
                await notices.RecordDeliveryAsync(entry.Id, today, "by hand", null, Viewer.User("aidos", [Role.Supervisor], [caseId]), default);
                ids.Add(entry.Id);
            }
        }

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
        while (reminded < Entries && DateTime.UtcNow < deadline);
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
