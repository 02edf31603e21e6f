using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Interchange.Export;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Analytics;

/// <summary>
/// The analyses no test reached before (#12), through the API on the demo case and a few added facts, on both
/// stores: connected persons through associates, shared boards and shared addresses; holdings together with
/// connected persons; what wealth, red flags and connected persons were on an earlier date; and the k-hop
/// neighbourhood export.
/// </summary>
public abstract class ConnectionsAndAsOfContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerHarness.StartAsync(kind);
        await AddConnectionsAsync(_server.Services.GetRequiredService<GraphStore>());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly ProvenanceDraft Registry = new(SourceKind.OfficialRegistry, "connections test register", new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), UsageRestriction.Evidence);

    /// <summary>
    /// Around the official (demo-serik-akhmetov): a business associate since 2020 who owns a boat; a fellow director
    /// of a Kazakh company from 2018 to 2021; a neighbour registered at the same Almaty address. Invented.
    /// </summary>
    private static async Task AddConnectionsAsync(GraphStore store)
    {
        static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
        NodeDraft[] nodes =
        [
            new(NodeKind.Person, Json("""{"name": "Timur Bekov"}"""), Registry, Id: "cx-associate"),
            new(NodeKind.Person, Json("""{"name": "Olga Sarsenova"}"""), Registry, Id: "cx-board-member"),
            new(NodeKind.Person, Json("""{"name": "Ruslan Omarov"}"""), Registry, Id: "cx-neighbour"),
            new(NodeKind.Company, Json("""{"name": "Qazaq Grid Services JSC", "jurisdiction": "KZ"}"""), Registry, Id: "cx-company"),
            new(NodeKind.Address, Json("""{"name": "15 Kabanbay Batyr Avenue, Astana", "country": "KZ"}"""), Registry, Id: "cx-address"),
            new(NodeKind.Vessel, Json("""{"name": "Zhibek Zholy", "value": 2000000, "valueCurrency": "USD", "valueDate": "2025-06-30"}"""), Registry, Id: "cx-boat"),
        ];
        EdgeDraft[] edges =
        [
            new(EdgeKind.AssociateOf, "cx-associate", "demo-serik-akhmetov", Json("""{"relationship": "business partner"}"""), Registry, new DateOnly(2020, 1, 1), Id: "cx-e-associate"),
            new(EdgeKind.Owns, "cx-associate", "cx-boat", Json("""{"share": 100}"""), Registry, new DateOnly(2021, 3, 1), Id: "cx-e-boat"),
            new(EdgeKind.DirectorOf, "demo-serik-akhmetov", "cx-company", Json("""{"role": "director"}"""), Registry, new DateOnly(2016, 1, 1), Id: "cx-e-serik-board"),
            new(EdgeKind.DirectorOf, "cx-board-member", "cx-company", Json("""{"role": "director"}"""), Registry, new DateOnly(2018, 1, 1), new DateOnly(2021, 12, 31), "cx-e-olga-board"),
            new(EdgeKind.RegisteredAt, "demo-serik-akhmetov", "cx-address", Json("{}"), Registry, Id: "cx-e-serik-address"),
            new(EdgeKind.RegisteredAt, "cx-neighbour", "cx-address", Json("{}"), Registry, Id: "cx-e-neighbour-address"),
        ];
        await store.CreateManyAsync(nodes, edges, Viewer.System("test"), null, default);
    }

    private async Task<Dictionary<string, JsonNode>> ConnectedAsync(string? asOf = null)
    {
        var data = await _server.DataAsync($$"""
            { connectedPersons(id: "demo-serik-akhmetov", hops: 1{{(asOf is null ? "" : $", asOf: \"{asOf}\"")}}) {
                personId hops chain { kind fromId toId through { id } } } }
            """);
        return data["connectedPersons"]!.AsArray().ToDictionary(p => p!["personId"]!.GetValue<string>(), p => p!);
    }

    private static string StepKind(JsonNode person) => person["chain"]![0]!["kind"]!.GetValue<string>();

    private static string? Through(JsonNode person) => person["chain"]![0]!["through"]?["id"]?.GetValue<string>();

    [Fact]
    public async Task Connected_persons_are_found_through_associates_shared_boards_and_shared_addresses()
    {
        // In mid-2021 all three ties stood: the associate's since 2020, the shared board from 2018 to 2021.
        var people = await ConnectedAsync("2021-06-01");

        Assert.Equal("ASSOCIATE", StepKind(people["cx-associate"]));
        Assert.Equal(("SHARED_DIRECTORSHIP", "cx-company"), (StepKind(people["cx-board-member"]), Through(people["cx-board-member"])));
        Assert.Equal(("SHARED_ADDRESS", "cx-address"), (StepKind(people["cx-neighbour"]), Through(people["cx-neighbour"])));
        Assert.All(people.Values, p => Assert.Equal(1, p["hops"]!.GetValue<int>()));
        // The fellow director left the board at the end of 2021: today she is no longer a connection by it.
        var today = await ConnectedAsync();
        Assert.DoesNotContain("cx-board-member", today.Keys);
        Assert.Equal(["cx-associate", "cx-neighbour"], today.Keys.Where(k => k.StartsWith("cx-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Connected_persons_as_of_a_date_are_those_connected_then()
    {
        var in2019 = await ConnectedAsync("2019-06-01");

        // The associate tie starts in 2020; the fellow director sat on the board from 2018 to 2021.
        Assert.DoesNotContain("cx-associate", in2019.Keys);
        Assert.Equal("SHARED_DIRECTORSHIP", StepKind(in2019["cx-board-member"]));
        Assert.Contains("demo-aliya-akhmetova", in2019.Keys);
    }

    [Fact]
    public async Task Holdings_with_connected_persons_add_what_family_and_associates_hold()
    {
        const string Query = """{ holdings(id: "demo-serik-akhmetov", withConnected: WITH) { nodeId lowPercent members { personId lowPercent } } }""";

        var alone = (await _server.DataAsync(Query.Replace("WITH", "false", StringComparison.Ordinal)))["holdings"]!.AsArray();
        var together = (await _server.DataAsync(Query.Replace("WITH", "true", StringComparison.Ordinal)))["holdings"]!.AsArray();

        var aloneIds = alone.Select(h => h!["nodeId"]!.GetValue<string>()).ToHashSet();
        var togetherById = together.ToDictionary(h => h!["nodeId"]!.GetValue<string>(), h => h!);
        Assert.DoesNotContain("cx-boat", aloneIds);
        Assert.DoesNotContain("demo-account-ch", aloneIds);
        Assert.Superset(aloneIds, togetherById.Keys.ToHashSet());
        // The associate's boat and the wife's Swiss account, each with the member who holds it.
        Assert.Contains(togetherById["cx-boat"]["members"]!.AsArray(), m => m!["personId"]!.GetValue<string>() == "cx-associate" && m["lowPercent"]!.GetValue<double>() == 100);
        Assert.Contains(togetherById["demo-account-ch"]["members"]!.AsArray(), m => m!["personId"]!.GetValue<string>() == "demo-aliya-akhmetova");
    }

    [Fact]
    public async Task Wealth_as_of_a_date_counts_only_what_was_held_then()
    {
        const string Query = """{ wealth(id: "demo-serik-akhmetov"ASOF) { own { lowUsd items { name } } withConnected { items { name } } connectedPersons { id } } }""";

        var now = (await _server.DataAsync(Query.Replace("ASOF", "", StringComparison.Ordinal)))["wealth"]!;
        var then = (await _server.DataAsync(Query.Replace("ASOF", ", asOf: \"2015-01-01\"", StringComparison.Ordinal)))["wealth"]!;

        static HashSet<string> Items(JsonNode total) => [.. total["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>())];
        // The London flat was bought in October 2015 and the yacht in 2018; the Cyprus account was held from 2012.
        Assert.Superset(new HashSet<string> { "Aurora Steppe", "Flat 12, 41 Harrowby Crescent, London W2" }, Items(now["own"]!));
        Assert.DoesNotContain("Aurora Steppe", Items(then["own"]!));
        Assert.DoesNotContain("Flat 12, 41 Harrowby Crescent, London W2", Items(then["own"]!));
        Assert.True(then["own"]!["lowUsd"]!.GetValue<decimal>() < now["own"]!["lowUsd"]!.GetValue<decimal>());
        // The associate and his boat count today, not in 2015 (he became one in 2020).
        Assert.Contains("Zhibek Zholy", Items(now["withConnected"]!));
        Assert.DoesNotContain("Zhibek Zholy", Items(then["withConnected"]!));
        Assert.Contains(now["connectedPersons"]!.AsArray(), p => p!["id"]!.GetValue<string>() == "cx-associate");
        Assert.DoesNotContain(then["connectedPersons"]!.AsArray(), p => p!["id"]!.GetValue<string>() == "cx-associate");
    }

    [Fact]
    public async Task Red_flags_as_of_a_date_are_those_of_the_chain_that_stood_then()
    {
        static HashSet<string> Kinds(JsonObject data) => [.. data["redFlags"]!.AsArray().Select(f => f!["kind"]!.GetValue<string>())];

        var now = Kinds(await _server.DataAsync("""{ redFlags(id: "demo-flat-london") { kind } }"""));
        // Before Albion Crest bought the flat in October 2015, no chain led to it.
        var before = Kinds(await _server.DataAsync("""{ redFlags(id: "demo-flat-london", asOf: "2015-01-01") { kind } }"""));

        Assert.Superset(new HashSet<string> { "SECRECY_JURISDICTION", "NOMINEE_DIRECTOR", "LONG_CHAIN" }, now);
        Assert.DoesNotContain("SECRECY_JURISDICTION", before);
        Assert.DoesNotContain("NOMINEE_DIRECTOR", before);
        Assert.DoesNotContain("LONG_CHAIN", before);
    }

    [Theory]
    [InlineData(1, new[] { "demo-flat-london", "demo-albion-crest" })]
    [InlineData(2, new[] { "demo-flat-london", "demo-albion-crest", "demo-kestrel-meridian" })]
    [InlineData(3, new[] { "demo-flat-london", "demo-albion-crest", "demo-kestrel-meridian", "demo-steppe-horizon", "demo-account-cy" })]
    public async Task The_k_hop_neighbourhood_export_holds_the_nodes_within_k_hops_and_the_edges_between_them(int hops, string[] expected)
    {
        var target = new MemoryTarget();

        var summary = await _server.Services.GetRequiredService<InterchangeExporter>()
            .ExportAsync(Viewer.System("test"), "graphml", new ExportScope(NodeId: "demo-flat-london", Hops: hops), target, default);

        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var xml = XDocument.Parse(Encoding.UTF8.GetString(target.Files["graph.graphml"].ToArray()));
        var ids = xml.Descendants(g + "node").Select(n => (string)n.Attribute("id")!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids);
        var edges = xml.Descendants(g + "edge").Select(e => ((string)e.Attribute("source")!, (string)e.Attribute("target")!)).ToList();
        Assert.All(edges, e => Assert.True(ids.Contains(e.Item1) && ids.Contains(e.Item2), $"{e} leaves the neighbourhood"));
        Assert.Equal(hops, edges.Count(e => e.Item2 is "demo-flat-london" or "demo-albion-crest" or "demo-kestrel-meridian"));
        Assert.Equal((ids.Count, edges.Count), ((int)summary.Nodes, (int)summary.Edges));
    }
}

public sealed class SqliteConnectionsAndAsOfTests() : ConnectionsAndAsOfContract(StoreKind.Sqlite);

public sealed class PostgresConnectionsAndAsOfTests() : ConnectionsAndAsOfContract(StoreKind.Postgres);
