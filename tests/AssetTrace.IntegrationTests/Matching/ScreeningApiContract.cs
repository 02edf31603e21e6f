using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.IntegrationTests.Visibility;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Matching;

/// <summary>
/// GraphQL <c>screen</c> (#14) on both stores: a list of the demo subjects and of a UN list's names in other
/// scripts and orders finds them with scores, explanations, holdings and connections; nothing restricted
/// reaches an outsider's screening; bad lists are refused naming the row and field; it is audited.
/// </summary>
public abstract class ScreeningApiContract(StoreKind kind) : IAsyncLifetime
{
    private const string Fields = """
        matchCount inputSha256
        rows { row name matches { nodeId kind name score matchedName explanation { query matched how score }
          holdings { nodeId name lowPercent highPercent } holdingCount connectedPersons { personId name hops } connectedCount } }
        """;

    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<JsonObject> ScreenAsync(object names, int? top = null, string? token = null) =>
        _server.DataAsync($$"""query($names: [ScreenRowInput!]!, $top: Int) { screen(names: $names, top: $top) { {{Fields}} } }""", new { names, top }, token);

    private static JsonArray Matches(JsonNode screen, int row) => screen["rows"]![row - 1]!["matches"]!.AsArray();

    private static IEnumerable<string> Ids(JsonArray items, string field) => items.Select(i => i![field]!.GetValue<string>());

    [Fact]
    public async Task A_list_finds_the_demo_subjects_and_listed_persons_in_any_script_with_what_stands_behind_them()
    {
        var un = await File.ReadAllTextAsync(Fixtures.Path("un/un-sample.xml"));
        await _server.DataAsync("""mutation($c: String!) { importFile(format: "un-sanctions", fileName: "un-sample.xml", content: $c) { committed } }""", new { c = un });

        var screen = (await ScreenAsync(new object[]
        {
            new { name = "Achmetow" },
            new { name = "Ахметов Серик", birthDate = "1961-04-17", country = "KZ" },
            new { name = "Тулегенов Марат" },
            new { name = "Marat Tulegenov", identifier = "710314 300123" },
            // A name of the shared UN sample that is not in this store: nothing above the threshold.
            new { name = "Jimmy Cherizier" },
        }))["screen"]!;

        Assert.Equal([1, 2, 3, 4, 5], screen["rows"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()));
        var achmetow = Matches(screen, 1).Single(m => m!["nodeId"]!.GetValue<string>() == "demo-serik-akhmetov")!;
        Assert.InRange(achmetow["score"]!.GetValue<double>(), 0.8, 1);
        Assert.Contains(achmetow["explanation"]!.AsArray(), r => r!["query"]?.GetValue<string>() == "achmetow" && r["how"]!.GetValue<string>() == "TRANSLITERATION");
        // What stands behind him: the London flat through the offshore chain, and his wife and son.
        Assert.Contains("demo-flat-london", Ids(achmetow["holdings"]!.AsArray(), "nodeId"));
        Assert.Equal(achmetow["holdings"]!.AsArray().Count, achmetow["holdingCount"]!.GetValue<int>());
        Assert.Contains("demo-aliya-akhmetova", Ids(achmetow["connectedPersons"]!.AsArray(), "personId"));
        Assert.All(achmetow["connectedPersons"]!.AsArray(), p => Assert.Equal(1, p!["hops"]!.GetValue<int>()));

        var withEvidence = Matches(screen, 2)[0]!;
        Assert.Equal("demo-serik-akhmetov", withEvidence["nodeId"]!.GetValue<string>());
        Assert.Contains(withEvidence["explanation"]!.AsArray(), r => r!["how"]!.GetValue<string>() == "BIRTH_DATE_AGREES");
        Assert.Contains(withEvidence["explanation"]!.AsArray(), r => r!["how"]!.GetValue<string>() == "COUNTRY_AGREES");

        Assert.Contains(Matches(screen, 3), m => m!["name"]!.GetValue<string>().Contains("TULEGENOV", StringComparison.OrdinalIgnoreCase));
        var byIdentifier = Matches(screen, 4)[0]!;
        Assert.Contains(byIdentifier["explanation"]!.AsArray(), r => r!["how"]!.GetValue<string>() == "IDENTIFIER_AGREES" && r["query"]!.GetValue<string>() == "710314300123");
        Assert.Empty(Matches(screen, 5));
        foreach (var row in screen["rows"]!.AsArray())
        {
            var scores = row!["matches"]!.AsArray().Select(m => m!["score"]!.GetValue<double>()).ToList();
            Assert.Equal(scores.OrderDescending(), scores);
            Assert.True(scores.Count <= 5);
        }

        // The audit log says who screened how many rows, and the list's hash, not the names.
        var audit = (await _server.DataAsync("""{ auditLog(first: 5) { actor action after } }"""))["auditLog"]!.AsArray();
        var entry = audit.First(e => e!["action"]!.GetValue<string>() == "screening.completed")!;
        Assert.Equal("tester", entry["actor"]!.GetValue<string>());
        var details = JsonNode.Parse(entry["after"]!.GetValue<string>())!;
        Assert.Equal(5, details["rows"]!.GetValue<int>());
        Assert.Equal(screen["inputSha256"]!.GetValue<string>(), details["sha256"]!.GetValue<string>());
        Assert.DoesNotContain("Achmetow", entry.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outsider_screening_neither_finds_nor_counts_a_restricted_node_nor_sees_it_behind_an_open_one()
    {
        var f = await RestrictedFixture.BuildAsync(_server);
        object[] names = [new { name = RestrictedFixture.HiddenName }, new { name = "Найтджар Холдер" }, new { name = "Visible Owner" }];

        var outsider = (await ScreenAsync(names, token: f.OutsiderToken))["screen"]!;
        Assert.Empty(Matches(outsider, 1));
        Assert.Empty(Matches(outsider, 2));
        var owner = Matches(outsider, 3).Single(m => m!["nodeId"]!.GetValue<string>() == f.OpenOwner)!;
        Assert.Empty(owner["connectedPersons"]!.AsArray());
        Assert.Equal(0, owner["connectedCount"]!.GetValue<int>());
        Assert.Equal(1, outsider["matchCount"]!.GetValue<int>());
        // The rows echo the names the outsider gave; what the server adds (the matches) holds none of the case's secrets.
        var added = new JsonArray([.. outsider["rows"]!.AsArray().Select(r => r!["matches"]!.DeepClone())]).ToJsonString();
        Assert.All(f.Secrets, secret => Assert.DoesNotContain(secret, added, StringComparison.Ordinal));

        var insider = (await ScreenAsync(names, token: f.InsiderToken))["screen"]!;
        Assert.Contains(f.HiddenPerson, Ids(Matches(insider, 1), "nodeId"));
        Assert.Contains(f.HiddenPerson, Ids(Matches(insider, 3).Single(m => m!["nodeId"]!.GetValue<string>() == f.OpenOwner)!["connectedPersons"]!.AsArray(), "personId"));
    }

    [Fact]
    public async Task A_list_of_ten_thousand_names_is_screened_in_one_request()
    {
        var names = Enumerable.Range(0, 10_000).Select(i => new { name = i == 7_777 ? "Achmetow" : $"Person Number{i}" }).ToArray();

        var screen = (await _server.DataAsync("""query($names: [ScreenRowInput!]!) { screen(names: $names) { matchCount rows { row matches { nodeId score } } } }""", new { names }))["screen"]!;

        Assert.Equal(10_000, screen["rows"]!.AsArray().Count);
        Assert.Contains("demo-serik-akhmetov", Ids(Matches(screen, 7_778), "nodeId"));
    }

    [Fact]
    public async Task A_bad_list_is_refused_naming_the_row_and_field_and_a_role_without_lookups_is_refused()
    {
        async Task<string> RefusalAsync(object names, int? top = null, string? token = null)
        {
            var (_, body) = await _server.GraphQLAsync("""query($names: [ScreenRowInput!]!, $top: Int) { screen(names: $names, top: $top) { matchCount } }""", new { names, top }, token);
            Assert.True(body["errors"] is JsonArray { Count: > 0 }, body.ToJsonString());
            return body["errors"]!.ToJsonString();
        }

        Assert.Contains("names[1].birthDate", await RefusalAsync(new object[] { new { name = "Achmetow" }, new { name = "Serik", birthDate = "17.04.1961" } }), StringComparison.Ordinal);
        Assert.Contains("names[0].country", await RefusalAsync(new object[] { new { name = "Achmetow", country = "Kazakhstan" } }), StringComparison.Ordinal);
        Assert.Contains("names[0].name", await RefusalAsync(new object[] { new { name = new string('a', 301) } }), StringComparison.Ordinal);
        Assert.Contains("names[0].name", await RefusalAsync(new object[] { new { name = " -- " } }), StringComparison.Ordinal);
        Assert.Contains("at most 10,000", await RefusalAsync(Enumerable.Range(0, 10_001).Select(_ => new { name = "A" }).ToArray()), StringComparison.Ordinal);
        Assert.Contains("\"top\"", await RefusalAsync(new object[] { new { name = "Achmetow" } }, top: 21), StringComparison.Ordinal);

        await _server.DataAsync("""mutation { createUser(input: { username: "auditor1", roles: [SUPERVISOR], password: "a long enough password" }) { id } }""");
        var supervisor = await _server.SignInFirstTimeAsync("auditor1", "a long enough password", "auditor's own password");
        Assert.Contains("FORBIDDEN", await RefusalAsync(new object[] { new { name = "Achmetow" } }, token: supervisor), StringComparison.Ordinal);

        // Nothing refused was screened, so nothing was audited.
        var audit = (await _server.DataAsync("""{ auditLog(first: 20) { action } }"""))["auditLog"]!.AsArray();
        Assert.DoesNotContain(audit, e => e!["action"]!.GetValue<string>() == "screening.completed");
    }
}

public sealed class SqliteScreeningApiTests() : ScreeningApiContract(StoreKind.Sqlite);

public sealed class PostgresScreeningApiTests() : ScreeningApiContract(StoreKind.Postgres);
