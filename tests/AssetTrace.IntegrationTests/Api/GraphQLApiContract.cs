using System.Net;
using System.Net.Http.Json;
using System.Text;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Api;

/// <summary>The GraphQL API over HTTP against the real server and the demo case, on both stores.</summary>
public abstract class GraphQLApiContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_analyst_finds_the_official_by_a_Latin_spelling_and_walks_to_the_London_flat()
    {
        var search = await _server.DataAsync("""{ search(query: "Serik Ahmetov", kinds: [PERSON]) { totalCount nodes { id name } } }""");
        // The son, Нұрлан Серікұлы Ахметов, matches too: his patronymic starts with Serik.
        Assert.Equal(2, search["search"]!["totalCount"]!.GetValue<int>());
        var person = search["search"]!["nodes"]!.AsArray().Single(n => n!["name"]!.GetValue<string>() == "Серік Ахметов")!;

        var paths = await _server.DataAsync("""
            query($from: ID!) { shortestPaths(from: $from, to: "demo-flat-london", kinds: [OWNS], direction: OUTGOING) {
              nodes { kind name } edges { kind share { low high } provenance { source reference restriction } } } }
            """, new { from = person["id"]!.GetValue<string>() });

        var path = Assert.Single(paths["shortestPaths"]!.AsArray())!;
        Assert.Equal(["PERSON", "COMPANY", "COMPANY", "COMPANY", "REAL_ESTATE"], path["nodes"]!.AsArray().Select(n => n!["kind"]!.GetValue<string>()));
        Assert.Equal(["Steppe Horizon Holdings Ltd", "Kestrel Meridian Investments Ltd", "Albion Crest Properties Ltd"],
            path["nodes"]!.AsArray().Skip(1).Take(3).Select(n => n!["name"]!.GetValue<string>()));
        var sources = path["edges"]!.AsArray().Select(e => e!["provenance"]!["source"]!.GetValue<string>()).ToList();
        Assert.Equal(["NETWORK_ANSWER", "MLA_ANSWER", "OFFICIAL_REGISTRY", "OFFICIAL_REGISTRY"], sources);
        Assert.Equal("INTELLIGENCE_ONLY", path["edges"]![0]!["provenance"]!["restriction"]!.GetValue<string>());
    }

    [Fact]
    public async Task Neighbours_as_of_a_date_show_who_owned_the_BVI_company_then()
    {
        var data = await _server.DataAsync("""
            { node(id: "demo-steppe-horizon") { neighbours(kinds: [OWNS], direction: INCOMING, asOf: "2015-01-01") { totalCount items { node { id } } } } }
            """);
        var owners = data["node"]!["neighbours"]!["items"]!.AsArray().Select(i => i!["node"]!["id"]!.GetValue<string>()).Order();
        Assert.Equal(["demo-kairat-zhumabayev", "demo-serik-akhmetov"], owners);
    }

    [Fact]
    public async Task A_bad_mutation_gets_one_error_per_field_with_a_code()
    {
        var (status, body) = await _server.GraphQLAsync("""
            mutation { createEdge(input: { kind: OWNS, sourceId: "demo-harbour-chambers", targetId: "demo-flat-london",
              properties: { share: 150 }, provenance: { source: MANUAL_ENTRY, restriction: EVIDENCE } }) { id } }
            """);

        Assert.Equal(200, status);
        var errors = body["errors"]!.AsArray();
        Assert.All(errors, e => Assert.Equal("BAD_USER_INPUT", e!["extensions"]!["code"]!.GetValue<string>()));
        Assert.Equal(["input.properties.share", "input.sourceId"],
            errors.Select(e => e!["extensions"]!["data"]!["field"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_before_execution_with_400()
    {
        var (status, body) = await _server.GraphQLAsync("""
            mutation { createNode(input: { kind: SPACESHIP, properties: { name: "x" }, provenance: { source: MANUAL_ENTRY, restriction: EVIDENCE } }) { id } }
            """);
        Assert.Equal(400, status);
        Assert.Contains("SPACESHIP", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_gate_every_mutation()
    {
        await _server.DataAsync("""
            mutation { createUser(input: { username: "commissioner", roles: [COMMISSION], password: "a long enough password" }) { id } }
            """);
        var token = await _server.SignInFirstTimeAsync("commissioner", "a long enough password", "the commissioner's own password");

        var (status, body) = await _server.GraphQLAsync("""
            mutation { createNode(input: { kind: PERSON, properties: { name: "Someone" }, provenance: { source: MANUAL_ENTRY, restriction: EVIDENCE } }) { id } }
            """, token: token);

        Assert.Equal(200, status);
        Assert.Equal("FORBIDDEN", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        var read = await _server.DataAsync("""{ open: search(query: "Albion") { totalCount } restricted: search(query: "Pellow") { totalCount } }""", token: token);
        Assert.Equal(1, read["open"]!["totalCount"]!.GetValue<int>());
        // Pellow came through a network answer: restricted to the demo case, whose team the commissioner is not on.
        Assert.Equal(0, read["restricted"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_a_token_every_call_is_refused_with_401()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Client.BaseAddress };
        var response = await anonymous.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("UNAUTHENTICATED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var wrong = await anonymous.PostAsJsonAsync("/auth/login", new { username = "tester", password = "wrong" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Queries_work_over_GET_and_mutations_do_not()
    {
        var get = await _server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ node(id: \"demo-flat-london\") { name } }"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("application/graphql-response+json", get.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Harrowby", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var mutation = await _server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { revokeApiToken(id: \"x\") }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.StatusCode);
    }

    [Fact]
    public async Task Too_deep_queries_too_large_pages_and_oversized_bodies_get_clear_errors()
    {
        var deep = "{ node(id: \"demo-steppe-horizon\") { " + string.Concat(Enumerable.Repeat("neighbours { items { node { ", 6)) + "id" + new string('}', 18) + " } }";
        var (deepStatus, deepBody) = await _server.GraphQLAsync(deep);
        Assert.Equal(400, deepStatus);
        Assert.Contains("depth", deepBody["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

        var (_, pageBody) = await _server.GraphQLAsync("""{ search(query: "a", first: 5000) { totalCount } }""");
        Assert.Equal("first: must be between 1 and 100, got 5000.", pageBody["errors"]![0]!["message"]!.GetValue<string>());

        var huge = new StringContent("{\"query\":\"{ __typename }\",\"padding\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");
        var tooLarge = await _server.Client.PostAsync("/graphql", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        var notJson = await _server.Client.PostAsync("/graphql", new StringContent("{ __typename }", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
    }

    [Fact]
    public async Task Every_edit_through_the_API_is_versioned_and_audited()
    {
        var before = await _server.DataAsync("""{ node(id: "demo-flat-london") { stamp { version } } }""");
        var version = before["node"]!["stamp"]!["version"]!.GetValue<int>();

        await _server.DataAsync("""
            mutation($v: Int!) { updateNode(input: { id: "demo-flat-london", expectedVersion: $v, reason: "new valuation",
              properties: { value: 4500000, valueDate: "2026-10-01" } }) { stamp { version } } }
            """, new { v = version });

        var data = await _server.DataAsync("""
            { nodeHistory(id: "demo-flat-london") { version change by reason }
              auditLog(entity: "node/demo-flat-london", first: 5) { action actor reason }
              auditVerification { intact } }
            """);
        var last = data["nodeHistory"]!.AsArray()[^1]!;
        Assert.Equal("tester", last["by"]!.GetValue<string>());
        Assert.Equal("new valuation", last["reason"]!.GetValue<string>());
        Assert.Equal("node.updated", data["auditLog"]![0]!["action"]!.GetValue<string>());
        Assert.True(data["auditVerification"]!["intact"]!.GetValue<bool>());

        var (_, stale) = await _server.GraphQLAsync("""
            mutation($v: Int!) { updateNode(input: { id: "demo-flat-london", expectedVersion: $v, reason: "stale", properties: { value: 1 } }) { id } }
            """, new { v = version });
        Assert.Equal("CONFLICT", stale["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_API_token_works_until_it_is_revoked()
    {
        var issued = await _server.DataAsync("""mutation { createApiToken(name: "nightly export") { id secret } }""");
        var secret = issued["createApiToken"]!["secret"]!.GetValue<string>();
        Assert.Equal("tester", (await _server.DataAsync("{ me { username } }", token: secret))["me"]!["username"]!.GetValue<string>());

        await _server.DataAsync("mutation($id: ID!) { revokeApiToken(id: $id) }", new { id = issued["createApiToken"]!["id"]!.GetValue<string>() });

        var (status, _) = await _server.GraphQLAsync("{ me { username } }", token: secret);
        Assert.Equal(401, status);
    }

    [Fact]
    public async Task A_case_is_opened_given_subjects_and_listed()
    {
        var created = await _server.DataAsync("""
            mutation { createCase(input: { number: "2026-ARC-0099", title: "Test case", crimeType: "embezzlement" }) { id status team } }
            """);
        var id = created["createCase"]!["id"]!.GetValue<string>();
        Assert.Equal("OPEN", created["createCase"]!["status"]!.GetValue<string>());

        await _server.DataAsync("mutation($id: ID!) { addCaseSubject(caseId: $id, nodeId: \"demo-yacht-aurora\", role: \"asset\") { id } }", new { id });
        var listed = await _server.DataAsync("{ cases(status: OPEN) { number subjects { role node { name } } } }");

        var mine = listed["cases"]!.AsArray().Single(c => c!["number"]!.GetValue<string>() == "2026-ARC-0099")!;
        Assert.Equal("Aurora Steppe", mine["subjects"]![0]!["node"]!["name"]!.GetValue<string>());
        Assert.Contains(listed["cases"]!.AsArray(), c => c!["number"]!.GetValue<string>() == "2026-ARC-0017");

        var (_, duplicate) = await _server.GraphQLAsync("""
            mutation { createCase(input: { number: "2026-ARC-0099", title: "Again", crimeType: "bribery-ish" }) { id } }
            """);
        Assert.Equal(["input.crimeType"], duplicate["errors"]!.AsArray().Select(e => e!["extensions"]!["data"]!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_GraphQL_IDE_is_served_by_the_server_itself()
    {
        var page = await _server.Client.GetStringAsync("/graphiql/");
        Assert.Contains("vendor/graphiql.min.js", page, StringComparison.Ordinal);
        var script = await _server.Client.GetAsync("/graphiql/vendor/graphiql.min.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}

public sealed class SqliteGraphQLApiTests() : GraphQLApiContract(StoreKind.Sqlite);

public sealed class PostgresGraphQLApiTests() : GraphQLApiContract(StoreKind.Postgres);
