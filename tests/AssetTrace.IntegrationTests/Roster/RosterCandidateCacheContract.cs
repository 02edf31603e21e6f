using System.Text.Json;
using AssetTrace.Accounts;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Roster.Candidates;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Roster;

/// <summary>
/// The candidate list is cached by graph version (#16), on both stores: a list computed for a viewer of the case is
/// never handed to a viewer of another case, and any change to the graph is in the next list of everyone.
/// </summary>
public abstract class RosterCandidateCacheContract(StoreKind kind) : IAsyncLifetime
{
    private static readonly Viewer Insider = Viewer.User("asel.analyst", [Role.Analyst], ["demo-case"]);
    private static readonly Viewer Outsider = Viewer.User("nurlan.analyst", [Role.Analyst, Role.Commission, Role.Supervisor], ["other-case"]);

    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_list_cached_for_the_case_never_reaches_another_cases_viewer_and_a_graph_change_is_in_the_next_list()
    {
        // A magnate known to all, whose 500 million USD estate is known only to the demo case.
        await OwnerOfAsync("cache-magnate", "Magnate, known to all", "cache-estate", "demo-case");
        var candidates = _harness.Get<RosterCandidates>();
        var on = DateOnly.FromDateTime(_harness.Clock.GetUtcNow().UtcDateTime);

        var insiders = await candidates.ListAsync(Insider, on, default);
        Assert.Contains(insiders, c => c.PersonId == "cache-magnate" && c.Assets.Any(a => a.NodeId == "cache-estate"));
        var outsiders = await candidates.ListAsync(Outsider, on, default);
        Assert.DoesNotContain(outsiders, c => c.PersonId == "cache-magnate");
        Assert.DoesNotContain(outsiders.SelectMany(c => c.Assets), a => a.NodeId == "cache-estate");
        // Asked again (now from the cache), each still gets their own.
        Assert.Equal(insiders.Select(c => (c.PersonId, c.HighUsd)), (await candidates.ListAsync(Insider, on, default)).Select(c => (c.PersonId, c.HighUsd)));
        Assert.DoesNotContain(await candidates.ListAsync(Outsider, on, default), c => c.PersonId == "cache-magnate");

        // An open fact added: the graph's version moves, and both lists hold the new candidate at once.
        await OwnerOfAsync("cache-heir", "Heir, known to all", "cache-castle", null);
        Assert.Contains(await candidates.ListAsync(Insider, on, default), c => c.PersonId == "cache-heir");
        Assert.Contains(await candidates.ListAsync(Outsider, on, default), c => c.PersonId == "cache-heir");
    }

    /// <summary>An open person owning an estate worth 500 million USD, the estate and its ownership restricted to <paramref name="caseId"/> when given.</summary>
    private async Task OwnerOfAsync(string personId, string name, string estateId, string? caseId)
    {
        var graph = _harness.Get<GraphStore>();
        var admin = Viewer.System("test");
        var open = new ProvenanceDraft(SourceKind.OfficialRegistry, "civil register", null, UsageRestriction.Evidence);
        var restricted = caseId is null ? open : new ProvenanceDraft(SourceKind.NetworkAnswer, "partner's answer", null, UsageRestriction.IntelligenceOnly, caseId);
        await graph.CreateNodeAsync(new NodeDraft(NodeKind.Person, JsonSerializer.SerializeToElement(new { name }), open, Id: personId), admin, default);
        await graph.CreateNodeAsync(new NodeDraft(NodeKind.RealEstate, JsonSerializer.SerializeToElement(new
        {
            name = $"Estate of {name}", country = "GB", value = 500_000_000, valueCurrency = "USD", valueDate = "2026-06-01",
        }), restricted, Id: estateId), admin, default);
        await graph.CreateEdgeAsync(new EdgeDraft(EdgeKind.Owns, personId, estateId, JsonSerializer.SerializeToElement(new { share = 100 }), restricted), admin, default);
    }
}

public sealed class SqliteRosterCandidateCacheTests() : RosterCandidateCacheContract(StoreKind.Sqlite);

public sealed class PostgresRosterCandidateCacheTests() : RosterCandidateCacheContract(StoreKind.Postgres);
