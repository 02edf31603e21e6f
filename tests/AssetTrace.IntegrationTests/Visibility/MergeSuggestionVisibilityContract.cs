using System.Text.Json;
using AssetTrace.Accounts;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Interchange.Import;
using AssetTrace.Interchange.Merges;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Visibility;

/// <summary>
/// An import may find that a record looks like a restricted person: the suggestion names both and
/// says why, so it exists only for those who may see both (#11).
/// </summary>
public abstract class MergeSuggestionVisibilityContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: false);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_suggestion_that_names_a_restricted_person_exists_only_for_the_case_team()
    {
        var admin = Viewer.System("admin");
        var created = await _harness.Get<CaseStore>().CreateAsync(new CaseDraft("MERGE-1", "Merges", "corruption", ["insider"], null), admin, default);
        await _harness.Get<GraphStore>().CreateNodeAsync(new NodeDraft(NodeKind.Person,
            JsonSerializer.SerializeToElement(new { name = "Jennifer Hewitson Smith", birthDate = "1978-07-21" }),
            new ProvenanceDraft(SourceKind.NetworkAnswer, "Egmont FIU message", null, UsageRestriction.IntelligenceOnly, created.Id), Id: "hidden-jennifer"), admin, default);
        await _harness.Get<InterchangeImporter>().ImportPathsAsync("bods", [Fixtures.Path("bods/0.4/bods-package.json")], new ImportOptions("importer1"), null, default);
        var merges = _harness.Get<MergeSuggestions>();
        var insider = Viewer.User("insider", [Role.Analyst], [created.Id]);
        var outsider = Viewer.User("outsider", [Role.Analyst, Role.Supervisor], []);

        var seen = Assert.Single(await merges.ListAsync(insider, MergeStatus.Open, 10, default));
        Assert.Contains("hidden-jennifer", new[] { seen.NodeId, seen.CandidateId });
        Assert.Empty(await merges.ListAsync(outsider, MergeStatus.Open, 10, default));
        await Assert.ThrowsAsync<NotFoundException>(() => merges.DecideAsync(seen.Id, true, "looks the same", outsider, default));
        Assert.Single(await merges.ListAsync(insider, MergeStatus.Open, 10, default));
    }
}

public sealed class SqliteMergeSuggestionVisibilityTests() : MergeSuggestionVisibilityContract(StoreKind.Sqlite);

public sealed class PostgresMergeSuggestionVisibilityTests() : MergeSuggestionVisibilityContract(StoreKind.Postgres);
