using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Visibility;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Matching;

/// <summary>
/// Search through the name matcher (#14) over GraphQL, on both stores: scores and explanations,
/// the index kept current by the change counter, and nothing restricted reaches an outsider, in
/// results or in the total.
/// </summary>
public abstract class NameSearchContract(StoreKind kind) : IAsyncLifetime
{
    private const string Fields = "totalCount total { count exact text } results { score matchedName node { id name } explanation { query matched how score } }";
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("Achmetow", "achmetow", "TRANSLITERATION")]
    [InlineData("Ахметов Серик", "серик", "EXACT")] // against its alternate name "Серик Ахметов"
    [InlineData("Serik Akhmetov", "akhmetov", "EXACT")]
    [InlineData("Akhmetov", "akhmetov", "EXACT")]
    [InlineData("S. Akhmetov", "s", "INITIAL")]
    [InlineData("Akhmetiv Serik", "akhmetiv", "TYPO")]
    public async Task The_demo_subject_is_found_by_any_spelling_with_an_explanation(string query, string part, string how)
    {
        var search = (await _server.DataAsync($$"""query($q: String!) { search(query: $q) { {{Fields}} } }""", new { q = query }))["search"]!;

        var subject = search["results"]!.AsArray().FirstOrDefault(r => r!["node"]!["id"]!.GetValue<string>() == "demo-serik-akhmetov");
        Assert.True(subject is not null, $"'{query}' did not find the demo subject: {search.ToJsonString()}");
        Assert.InRange(subject!["score"]!.GetValue<double>(), 0.8, 1);
        Assert.Contains(subject["explanation"]!.AsArray(), r => r!["query"]?.GetValue<string>() == part && r["how"]!.GetValue<string>() == how);
        var scores = search["results"]!.AsArray().Select(r => r!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.True(search["total"]!["exact"]!.GetValue<bool>());
        Assert.Equal(search["totalCount"]!.GetValue<int>(), search["total"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_different_surname_is_not_a_match()
    {
        var search = (await _server.DataAsync($$"""{ search(query: "Serik Akhmedov") { {{Fields}} } }"""))["search"]!;
        Assert.DoesNotContain(search["results"]!.AsArray(), r => r!["node"]!["id"]!.GetValue<string>() == "demo-serik-akhmetov");
    }

    [Fact]
    public async Task A_node_is_found_as_soon_as_it_is_written_and_not_after_it_is_deleted()
    {
        var created = await _server.DataAsync("""
            mutation { createNode(input: { kind: PERSON, properties: { name: "Жанар Қасымова", birthDate: "1979-05-02" },
              provenance: { source: MANUAL_ENTRY, restriction: EVIDENCE } }) { id } }
            """);
        var id = created["createNode"]!["id"]!.GetValue<string>();
        Assert.Contains(await FoundAsync("Janar Qasymova"), r => r!["node"]!["id"]!.GetValue<string>() == id);

        await _server.DataAsync("""mutation($id: ID!) { updateNode(input: { id: $id, reason: "married", properties: { name: "Жанар Оспанова" } }) { id } }""", new { id });
        Assert.DoesNotContain(await FoundAsync("Janar Qasymova"), r => r!["node"]!["id"]!.GetValue<string>() == id);
        Assert.Contains(await FoundAsync("Zhanar Ospanova"), r => r!["node"]!["id"]!.GetValue<string>() == id);

        await _server.DataAsync("""mutation($id: ID!) { deleteNode(input: { id: $id, reason: "entered twice" }) { id } }""", new { id });
        Assert.DoesNotContain(await FoundAsync("Zhanar Ospanova"), r => r!["node"]!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task An_outsider_neither_sees_nor_counts_a_restricted_node_however_it_is_spelled()
    {
        var f = await RestrictedFixture.BuildAsync(_server);
        foreach (var query in new[] { RestrictedFixture.HiddenName, "Nightjar Hiden Holder", "Найтджар Холдер" })
        {
            var outsider = (await _server.DataAsync($$"""query($q: String!) { search(query: $q) { {{Fields}} } }""", new { q = query }, f.OutsiderToken))["search"]!;
            Assert.Equal(0, outsider["totalCount"]!.GetValue<int>());
            Assert.Empty(outsider["results"]!.AsArray());
            Assert.All(f.Secrets, secret => Assert.DoesNotContain(secret, outsider.ToJsonString(), StringComparison.Ordinal));
        }
        var insider = (await _server.DataAsync($$"""{ search(query: "Nightjar Hiden Holder") { {{Fields}} } }""", token: f.InsiderToken))["search"]!;
        Assert.Contains(insider["results"]!.AsArray(), r => r!["node"]!["id"]!.GetValue<string>() == f.HiddenPerson);
        Assert.Equal(1, insider["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Pages_follow_the_scores_and_the_cursor()
    {
        for (var i = 0; i < 3; i++)
        {
            await _server.DataAsync($$"""
                mutation { createNode(input: { kind: COMPANY, properties: { name: "ТОО «Алтын Кен {{i}}»" },
                  provenance: { source: MANUAL_ENTRY, restriction: EVIDENCE } }) { id } }
                """);
        }
        var first = (await _server.DataAsync("""{ search(query: "Altyn Ken LLP", first: 2) { totalCount hasNextPage endCursor nodes { id } } }"""))["search"]!;
        Assert.Equal(3, first["totalCount"]!.GetValue<int>());
        Assert.True(first["hasNextPage"]!.GetValue<bool>());
        var second = (await _server.DataAsync("""query($after: String) { search(query: "Altyn Ken LLP", first: 2, after: $after) { hasNextPage nodes { id } } }""",
            new { after = first["endCursor"]!.GetValue<string>() }))["search"]!;
        Assert.False(second["hasNextPage"]!.GetValue<bool>());
        var ids = first["nodes"]!.AsArray().Concat(second["nodes"]!.AsArray()).Select(n => n!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(3, ids.Distinct().Count());
    }

    private async Task<JsonArray> FoundAsync(string query) =>
        (await _server.DataAsync($$"""query($q: String!) { search(query: $q) { {{Fields}} } }""", new { q = query }))["search"]!["results"]!.AsArray();
}

public sealed class SqliteNameSearchTests() : NameSearchContract(StoreKind.Sqlite);

public sealed class PostgresNameSearchTests() : NameSearchContract(StoreKind.Postgres);
