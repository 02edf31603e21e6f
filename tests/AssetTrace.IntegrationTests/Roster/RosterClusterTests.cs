using System.Text.Json;
using AssetTrace.Accounts;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
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
    private const int Entries = 8;
    private readonly TestStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task Two_servers_on_one_PostgreSQL_fire_each_roster_reminder_once()
    {
        var settings = await _stores.CreateAsync(StoreKind.Postgres);
        settings["Demo:Load"] = "true";
        // A reminder 30 days ahead of a deadline a month away: later than the fake hour of notice (so it is scheduled), and already due by the real clock the servers run on.
        settings["Roster:ReminderDays"] = "30";
        var ids = new List<string>();
        await using (var setup = await CoreHarness.StartAsync(settings))
        {
            var desk = setup.Get<RosterDesk>();
            var notices = setup.Get<RosterNotices>();
            var today = DateOnly.FromDateTime(setup.Clock.GetUtcNow().UtcDateTime);
            var supervisor = Viewer.User("aidos", [Role.Supervisor], ["demo-case"]);
            var graph = setup.Get<GraphStore>();
            var registry = new ProvenanceDraft(SourceKind.OfficialRegistry, "cadastre extract", null, UsageRestriction.Evidence);
            for (var i = 0; i < Entries; i++)
            {
                // Persons of their own, each holding a 150-million estate, so each may have an entry in the demo case.
                await graph.CreateNodeAsync(new NodeDraft(NodeKind.Person, JsonSerializer.SerializeToElement(new { name = $"Cluster Person {i}" }), registry,
                    Id: $"cluster-person-{i}"), Viewer.System("test"), default);
                await graph.CreateNodeAsync(new NodeDraft(NodeKind.RealEstate, JsonSerializer.SerializeToElement(new
                {
                    name = $"Estate {i}", country = "KZ", value = 150_000_000, valueCurrency = "USD", valueDate = "2026-06-01",
                }), registry, Id: $"cluster-estate-{i}"), Viewer.System("test"), default);
                await graph.CreateEdgeAsync(new EdgeDraft(EdgeKind.Owns, $"cluster-person-{i}", $"cluster-estate-{i}", JsonSerializer.SerializeToElement(new { share = 100 }),
                    registry), Viewer.System("test"), default);
                var entry = await desk.ProposeAsync(new RosterProposal("demo-case", $"cluster-person-{i}", null, ["assets_exceed_income"], "Assets beyond income."),
                    supervisor, default);
                await desk.DecideAsync(entry.Id, new RosterVote(today, 1, 0, 0, ["A"]), null, Viewer.User("marat", [Role.Commission], ["demo-case"]), default);
                await notices.RecordDeliveryAsync(entry.Id, today, "by hand", null, supervisor, default);
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
