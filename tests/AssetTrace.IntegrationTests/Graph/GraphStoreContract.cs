using System.Text.Json;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Matching;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Graph;

/// <summary>The behaviour both stores must share; each store runs every test here.</summary>
public abstract class GraphStoreContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    protected GraphStore Store => _harness.Get<GraphStore>();

    protected GraphQueries Queries => _harness.Get<GraphQueries>();

    /// <summary>The API's search: the name matcher's index, kept current from this store, then the nodes read from it.</summary>
    protected NameSearch Names => _harness.Get<NameSearch>();

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static readonly ProvenanceDraft Typed = new(SourceKind.ManualEntry, "typed in a test", null, UsageRestriction.Evidence);

    private static JsonElement Props(object value) => JsonSerializer.SerializeToElement(value);

    private Task<Node> PersonAsync(string name, string? id = null, object? extra = null) =>
        Store.CreateNodeAsync(new NodeDraft(NodeKind.Person, Props(extra ?? new { name }), Typed, Id: id), Viewer.System("analyst1"), default);

    private Task<Node> CompanyAsync(string name, string? id = null) =>
        Store.CreateNodeAsync(new NodeDraft(NodeKind.Company, Props(new { name, jurisdiction = "VG" }), Typed, Id: id), Viewer.System("analyst1"), default);

    private Task<Edge> OwnsAsync(string from, string to, decimal share, DateOnly? validFrom = null, DateOnly? validTo = null) =>
        Store.CreateEdgeAsync(new EdgeDraft(EdgeKind.Owns, from, to, Props(new { share }), Typed, validFrom, validTo), Viewer.System("analyst1"), default);

    [Fact]
    public async Task A_created_node_reads_back_with_its_provenance_and_stamp()
    {
        var created = await PersonAsync("Серік Ахметов", "p1", new { name = "Серік Ахметов", birthDate = "1961-04-17", nationality = "KZ" });

        var read = await Queries.GetNodeAsync(Viewer.System("test"), "p1", default);

        Assert.NotNull(read);
        Assert.Equal("Серік Ахметов", read.Name);
        Assert.Equal("1961-04-17", read.Properties.GetProperty("birthDate").GetString());
        Assert.Equal(SourceKind.ManualEntry, read.Provenance.Source);
        Assert.Equal("analyst1", read.Provenance.RecordedBy);
        Assert.Equal(_harness.Clock.GetUtcNow(), read.Stamp.CreatedAt);
        Assert.Equal(created.Stamp, read.Stamp);
    }

    [Theory]
    [InlineData("Akhmetov")]
    [InlineData("Ahmetov")]
    [InlineData("ахметов")]
    [InlineData("AKHMETOV serik")]
    [InlineData("Serik Ahmet")]
    public async Task Search_finds_a_Cyrillic_name_by_any_spelling(string query)
    {
        await PersonAsync("Серік Ахметов", "p1");
        await PersonAsync("Marcus Pellow", "p2");

        var page = await Names.SearchAsync(Viewer.System("test"), query, null, null, 10, null, default);

        Assert.Equal(["p1"], page.Nodes.Select(n => n.Id));
    }

    [Fact]
    public async Task Search_finds_Latin_names_from_Cyrillic_and_Kazakh_letters()
    {
        await PersonAsync("Kairat Zhumabayev", "p1");
        await PersonAsync("Nursultan Qasymov", "p2");

        Assert.Equal(["p1"], (await Names.SearchAsync(Viewer.System("test"), "Қайрат Жұмабаев", null, null, 10, null, default)).Nodes.Select(n => n.Id));
        Assert.Equal(["p2"], (await Names.SearchAsync(Viewer.System("test"), "Нұрсұлтан Қасымов", null, null, 10, null, default)).Nodes.Select(n => n.Id));
    }

    [Fact]
    public async Task Search_pages_through_all_matches_each_once()
    {
        for (var i = 0; i < 7; i++)
        {
            await CompanyAsync($"Horizon Holdings {i}", $"c{i}");
        }
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await Names.SearchAsync(Viewer.System("test"), "horizon", [NodeKind.Company], null, 3, after, default);
            Assert.Equal(7, page.TotalCount);
            Assert.True(page.TotalIsExact);
            seen.AddRange(page.Nodes.Select(n => n.Id));
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"c{i}"), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Neighbours_page_through_a_node_with_many_links_without_repeats()
    {
        await CompanyAsync("Hub", "hub");
        for (var i = 0; i < 120; i++)
        {
            var person = await PersonAsync($"Shareholder {i}");
            await OwnsAsync(person.Id, "hub", 0.5m);
        }
        var edgeIds = new HashSet<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await Queries.NeighboursAsync(Viewer.System("test"), "hub", [EdgeKind.Owns], Direction.Incoming, null, 50, after, default);
            Assert.Equal(120, page.TotalCount);
            Assert.All(page.Items, n => Assert.True(edgeIds.Add(n.Edge.Id)));
            after = page.HasNextPage ? page.EndCursor : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(120, edgeIds.Count);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Edges_outside_their_validity_are_hidden_as_of_a_date()
    {
        await PersonAsync("Old Owner", "old");
        await PersonAsync("New Owner", "new");
        await CompanyAsync("Target", "co");
        await OwnsAsync("old", "co", 40, new DateOnly(2011, 8, 3), new DateOnly(2016, 7, 14));
        await OwnsAsync("new", "co", 40, new DateOnly(2016, 7, 15));

        async Task<string[]> OwnersOn(DateOnly? date) =>
            (await Queries.NeighboursAsync(Viewer.System("test"), "co", null, Direction.Incoming, date, 10, null, default)).Items.Select(n => n.Node.Id).Order().ToArray();

        Assert.Equal(["old"], await OwnersOn(new DateOnly(2015, 1, 1)));
        Assert.Equal(["new"], await OwnersOn(new DateOnly(2020, 1, 1)));
        Assert.Equal(["old"], await OwnersOn(new DateOnly(2016, 7, 14)));
        Assert.Equal(["new", "old"], await OwnersOn(null));
    }

    [Fact]
    public async Task An_update_keeps_the_earlier_version_with_who_when_and_why()
    {
        await CompanyAsync("Steppe Holdings", "co");
        _harness.Clock.Advance(TimeSpan.FromHours(1));

        var updated = await Store.UpdateNodeAsync(new Patch("co", "registry extract shows the new name", Props(new { name = "Steppe Horizon Holdings" }), ExpectedVersion: 1), Viewer.System("analyst2"), default);
        var history = await Queries.NodeHistoryAsync(Viewer.System("test"), "co", default);

        Assert.Equal(2, updated.Stamp.Version);
        Assert.Equal([ChangeKind.Created, ChangeKind.Updated], history.Select(h => h.Kind));
        Assert.Equal("Steppe Holdings", history[0].State.Name);
        Assert.Equal("Steppe Horizon Holdings", history[1].State.Name);
        Assert.Equal("analyst2", history[1].By);
        Assert.Equal("registry extract shows the new name", history[1].Reason);
        Assert.Equal("VG", history[1].State.Properties.GetProperty("jurisdiction").GetString());
        Assert.Equal(["co"], (await Names.SearchAsync(Viewer.System("test"), "steppe horizon", null, null, 5, null, default)).Nodes.Select(n => n.Id));
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_nothing_is_overwritten()
    {
        await CompanyAsync("Steppe Holdings", "co");
        await Store.UpdateNodeAsync(new Patch("co", "first change", Props(new { registrationNumber = "1" })), Viewer.System("a"), default);

        await Assert.ThrowsAsync<ConflictException>(() =>
            Store.UpdateNodeAsync(new Patch("co", "second change", Props(new { registrationNumber = "2" }), ExpectedVersion: 1), Viewer.System("b"), default));

        var node = await Queries.GetNodeAsync(Viewer.System("test"), "co", default);
        Assert.Equal("1", node!.Properties.GetProperty("registrationNumber").GetString());
        Assert.Equal(2, (await Queries.NodeHistoryAsync(Viewer.System("test"), "co", default)).Count);
    }

    [Fact]
    public async Task Deleting_a_node_deletes_its_edges_and_keeps_both_histories()
    {
        await PersonAsync("Owner", "p");
        await CompanyAsync("Steppe Logistics", "co");
        var edge = await OwnsAsync("p", "co", 100);

        await Store.DeleteNodeAsync("co", "entered twice by mistake", null, Viewer.System("analyst1"), default);

        Assert.Null(await Queries.GetNodeAsync(Viewer.System("test"), "co", default));
        Assert.Null(await Queries.GetEdgeAsync(Viewer.System("test"), edge.Id, default));
        Assert.Equal(ChangeKind.Deleted, (await Queries.NodeHistoryAsync(Viewer.System("test"), "co", default))[^1].Kind);
        Assert.Equal("entered twice by mistake", (await Queries.EdgeHistoryAsync(Viewer.System("test"), edge.Id, default))[^1].Reason);
        Assert.Empty((await Names.SearchAsync(Viewer.System("test"), "Steppe Logistics", null, null, 5, null, default)).Nodes);
    }

    [Fact]
    public async Task Input_that_breaks_the_model_is_refused_with_the_field_and_nothing_is_written()
    {
        await PersonAsync("Owner", "p");
        await Store.CreateNodeAsync(new NodeDraft(NodeKind.Address, Props(new { name = "1 Main St" }), Typed, Id: "addr"), Viewer.System("a"), default);

        var error = await Assert.ThrowsAsync<UserInputException>(() =>
            Store.CreateEdgeAsync(new EdgeDraft(EdgeKind.Owns, "addr", "p", Props(new { share = 150 }), Typed), Viewer.System("a"), default));

        Assert.Contains(error.Errors, e => e.Field == "input.sourceId");
        Assert.Contains(error.Errors, e => e.Field == "input.targetId");
        Assert.Contains(error.Errors, e => e.Field == "input.properties.share" && e.Message.Contains("between 0 and 100", StringComparison.Ordinal));
        Assert.Equal(0, (await Queries.NeighboursAsync(Viewer.System("test"), "p", null, Direction.Both, null, 10, null, default)).TotalCount);
        var missing = await Assert.ThrowsAsync<UserInputException>(() =>
            Store.CreateNodeAsync(new NodeDraft(NodeKind.Company, Props(new { jurisdiction = "Narnia" }), Typed), Viewer.System("a"), default));
        Assert.Equal(["input.properties.jurisdiction", "input.properties.name"], missing.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public async Task Concurrent_writers_neither_lose_changes_nor_break_the_audit_chain()
    {
        await CompanyAsync("Contested Co", "co");

        // Twenty writers at once: ten create owners with edges, ten rename the same company.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? Task.Run(async () => { await OwnsAsync((await PersonAsync($"Owner {i}")).Id, "co", 5); })
            : Task.Run(async () => { await Store.UpdateNodeAsync(new Patch("co", $"rename {i}", Props(new { name = $"Contested Co {i}" })), Viewer.System($"writer{i}"), default); })));

        Assert.Equal(10, (await Queries.NeighboursAsync(Viewer.System("test"), "co", [EdgeKind.Owns], Direction.Incoming, null, 50, null, default)).TotalCount);
        var history = await Queries.NodeHistoryAsync(Viewer.System("test"), "co", default);
        Assert.Equal(Enumerable.Range(1, 11), history.Select(h => h.Version));
        var verification = await _harness.Get<AssetTrace.Audit.AuditLog>().VerifyAsync(default);
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task Shortest_paths_walk_from_a_person_through_companies_to_an_asset()
    {
        await PersonAsync("Suspect", "s");
        await CompanyAsync("BVI Co", "bvi");
        await CompanyAsync("Cyprus Co", "cy");
        await CompanyAsync("Other Co", "other");
        await Store.CreateNodeAsync(new NodeDraft(NodeKind.RealEstate, Props(new { name = "London flat" }), Typed, Id: "flat"), Viewer.System("a"), default);
        await OwnsAsync("s", "bvi", 60);
        await OwnsAsync("bvi", "cy", 100);
        await OwnsAsync("cy", "flat", 100);
        await OwnsAsync("s", "other", 10);

        var paths = await _harness.Get<AssetTrace.Analytics.ShortestPathFinder>().FindAsync(Viewer.System("test"), "s", "flat", 6, null, Direction.Both, null, 10, default);

        var path = Assert.Single(paths);
        Assert.Equal(["s", "bvi", "cy", "flat"], path.Nodes.Select(n => n.Id));
        Assert.Equal(3, path.Hops);
        Assert.Empty(await _harness.Get<AssetTrace.Analytics.ShortestPathFinder>().FindAsync(Viewer.System("test"), "s", "flat", 2, null, Direction.Both, null, 10, default));
    }
}

public sealed class SqliteGraphStoreTests() : GraphStoreContract(StoreKind.Sqlite);

public sealed class PostgresGraphStoreTests() : GraphStoreContract(StoreKind.Postgres);
