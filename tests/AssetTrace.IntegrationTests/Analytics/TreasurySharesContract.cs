using System.Text.Json;
using AssetTrace.Analytics;
using AssetTrace.Analytics.RedFlags;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Analytics;

/// <summary>
/// Treasury shares (#12): registers record a company holding some of its own shares. It is kept as an OWNS edge from the
/// company to itself, from an import or typed in, and effective ownership divides the other owners' shares by
/// (1 − self share). Every other edge from a node to itself is refused, with a message that says so. On both stores.
/// </summary>
public abstract class TreasurySharesContract(StoreKind kind) : IAsyncLifetime
{
    private static readonly ProvenanceDraft Typed = new(SourceKind.ManualEntry, "typed in a test", null, UsageRestriction.Evidence);

    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private GraphStore Store => _harness.Get<GraphStore>();

    private static JsonElement Props(object value) => JsonSerializer.SerializeToElement(value);

    [Fact]
    public async Task An_FtM_register_with_a_company_holding_1_81_percent_of_itself_imports_and_its_owner_is_figured_on_the_other_shares()
    {
        var report = await _harness.Get<InterchangeImporter>().ImportPathsAsync("ftm", [Fixtures.Path("ftm/treasury-shares.ftm.json")],
            new ImportOptions("importer1"), null, default);

        Assert.True(report.Committed, report.FailureReason);
        Assert.Equal(3, report.EdgesCreated);
        // The company sitting on its own board is still refused, with its line and why.
        var problem = Assert.Single(report.Problems);
        Assert.Equal(7, problem.Location.Line);
        Assert.Contains("DIRECTOR_OF edge are the same node 'ftm:c-harbour'", problem.Reason, StringComparison.Ordinal);
        var self = (await _harness.Get<GraphQueries>().GetEdgeAsync(Viewer.System("test"), "ftm:own-treasury", default))!;
        Assert.Equal((EdgeKind.Owns, "ftm:c-harbour", "ftm:c-harbour", ShareRange.Exact(1.81m)), (self.Kind, self.SourceId, self.TargetId, self.Share));

        var analytics = _harness.Get<OwnershipAnalytics>();
        var owners = await analytics.OwnersAsync(Viewer.System("test"), "ftm:c-harbour", null, 5, default);
        // By hand: 49.1 / (100 − 1.81) = 49.1 / 98.19 = 50.0051 %.
        var ingrid = Assert.Single(owners);
        Assert.Equal("ftm:p-ingrid", ingrid.NodeId);
        Assert.Equal(49.1 / 98.19 * 100, ingrid.LowPercent, 9);
        // The company is no owner of itself, and no cycle is reported.
        Assert.False(ingrid.Circular);
        // Chained: the company's 50 % of Fjord Line is 50 % × its owner's 50.0051 %.
        var fjord = await analytics.OwnersAsync(Viewer.System("test"), "ftm:c-fjord", null, 5, default);
        Assert.Equal(49.1 / 98.19 * 50, fjord.Single(o => o.NodeId == "ftm:p-ingrid").LowPercent, 9);
        Assert.Equal(50, fjord.Single(o => o.NodeId == "ftm:c-harbour").LowPercent, 9);
        var flags = await analytics.RedFlagsAsync(Viewer.System("test"), "ftm:c-harbour", null, null, default);
        Assert.DoesNotContain(flags, f => f.Kind == RedFlagKind.CircularOwnership);
    }

    [Fact]
    public async Task A_typed_in_company_holding_of_itself_is_kept_and_divides_its_owners_shares()
    {
        await Store.CreateNodeAsync(new NodeDraft(NodeKind.Company, Props(new { name = "Treasury Test Ltd" }), Typed, Id: "x"), Viewer.System("analyst1"), default);
        await Store.CreateNodeAsync(new NodeDraft(NodeKind.Person, Props(new { name = "Anna Owner" }), Typed, Id: "a"), Viewer.System("analyst1"), default);
        await Store.CreateEdgeAsync(new EdgeDraft(EdgeKind.Owns, "a", "x", Props(new { share = 49 }), Typed), Viewer.System("analyst1"), default);

        var self = await Store.CreateEdgeAsync(new EdgeDraft(EdgeKind.Owns, "x", "x", Props(new { share = 2 }), Typed), Viewer.System("analyst1"), default);

        Assert.Equal(("x", "x"), (self.SourceId, self.TargetId));
        var owners = await _harness.Get<OwnershipAnalytics>().BeneficialOwnersAsync(Viewer.System("test"), "x", 50, null, 5, default);
        // By hand: 0.49 / 0.98 = 50 %.
        Assert.Equal(50, Assert.Single(owners).LowPercent, 9);
    }

    [Fact]
    public async Task Other_edges_from_a_node_to_itself_are_refused_with_a_message_that_names_the_exception()
    {
        await Store.CreateNodeAsync(new NodeDraft(NodeKind.Company, Props(new { name = "Self Board Ltd" }), Typed, Id: "x"), Viewer.System("analyst1"), default);
        await Store.CreateNodeAsync(new NodeDraft(NodeKind.Person, Props(new { name = "Self Person" }), Typed, Id: "p"), Viewer.System("analyst1"), default);

        var controls = await Assert.ThrowsAsync<UserInputException>(() =>
            Store.CreateEdgeAsync(new EdgeDraft(EdgeKind.Controls, "x", "x", Props(new { role = "veto" }), Typed), Viewer.System("analyst1"), default));
        var person = await Assert.ThrowsAsync<UserInputException>(() =>
            Store.CreateEdgeAsync(new EdgeDraft(EdgeKind.AssociateOf, "p", "p", Props(new { }), Typed), Viewer.System("analyst1"), default));
        var whole = await Assert.ThrowsAsync<UserInputException>(() =>
            Store.CreateEdgeAsync(new EdgeDraft(EdgeKind.Owns, "x", "x", Props(new { share = 100 }), Typed), Viewer.System("analyst1"), default));

        Assert.Equal("input.targetId", controls.Errors[0].Field);
        Assert.Contains("the one exception is a company holding some of its own shares", Assert.Single(controls.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("ASSOCIATE_OF edge are the same node 'p'", Assert.Single(person.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("input.properties.share", Assert.Single(whole.Errors).Field);
        Assert.Equal(0, await _harness.Get<Database>().ReadAsync(c => c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM edges", default), default));
    }
}

public sealed class SqliteTreasurySharesTests() : TreasurySharesContract(StoreKind.Sqlite);

public sealed class PostgresTreasurySharesTests() : TreasurySharesContract(StoreKind.Postgres);
