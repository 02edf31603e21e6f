using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Api;

/// <summary>
/// #12, what a new user tripped over in the API's answers: each error lists each location once; a refused
/// body's code says why (413, 415) rather than BAD_REQUEST; outgoing mail's status is in the same
/// SCREAMING_CASE as the request's.
/// </summary>
public abstract class ErrorShapeContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Each_error_from_a_field_lists_its_location_once()
    {
        var (_, body) = await _server.GraphQLAsync("""
            mutation {
              createEdge(input: { kind: OWNS, sourceId: "demo-harbour-chambers", targetId: "demo-flat-london",
                properties: { share: 150 }, provenance: { source: MANUAL_ENTRY, restriction: EVIDENCE } }) { id }
            }
            """);

        var errors = body["errors"]!.AsArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, error =>
        {
            var location = Assert.Single(error!["locations"]!.AsArray())!;
            Assert.Equal(2, location["line"]!.GetValue<int>());
            Assert.Equal(3, location["column"]!.GetValue<int>());
        });
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_answered_415_UNSUPPORTED_MEDIA_TYPE()
    {
        var response = await _server.Client.PostAsync("/graphql", new StringContent("{ __typename }", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", await CodeAsync(response));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_answered_413_PAYLOAD_TOO_LARGE()
    {
        var huge = new StringContent("{\"query\":\"{ __typename }\",\"padding\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");

        var response = await _server.Client.PostAsync("/graphql", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", await CodeAsync(response));
    }

    [Fact]
    public async Task A_request_that_is_still_malformed_is_answered_400_BAD_REQUEST()
    {
        var response = await _server.Client.PostAsync("/graphql", new StringContent("{\"variables\":{}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", await CodeAsync(response));
    }

    [Fact]
    public async Task Outgoing_mail_status_is_an_enum_in_the_same_case_as_the_request_status()
    {
        var data = await _server.DataAsync("""
            { mail: __type(name: "OutgoingMail") { fields { name type { kind ofType { name kind enumValues { name } } } } }
              request: __type(name: "RequestStatus") { enumValues { name } } }
            """);

        var status = data["mail"]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "status")!["type"]!["ofType"]!;
        Assert.Equal("ENUM", status["kind"]!.GetValue<string>());
        var values = status["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["QUEUED", "SENDING", "SENT", "FAILED"], values);
        Assert.Contains("QUEUED", data["request"]!["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_codes_the_README_lists_for_requests_that_cannot_run_are_the_ones_sent()
    {
        var tooDeep = "{ node(id: \"demo-steppe-horizon\") { " + string.Concat(Enumerable.Repeat("neighbours { items { node { ", 6)) + "id" + new string('}', 18) + " } }";
        (string Query, int Status, string Code)[] cases =
        [
            ("{ node(id: ", 400, "SYNTAX_ERROR"),
            (tooDeep, 400, "COMPLEXITY"),
            ("{ noSuchField }", 400, "FIELDS_ON_CORRECT_TYPE"),
            ("""mutation { updateNode(input: { id: "no-such", expectedVersion: 1, reason: "x", properties: { value: 1 } }) { id } }""", 200, "NOT_FOUND"),
        ];
        foreach (var (query, status, code) in cases)
        {
            var (actual, body) = await _server.GraphQLAsync(query);
            Assert.Equal((status, code), (actual, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>()));
        }

        var (unauthenticated, refused) = await _server.GraphQLAsync("{ __typename }", token: "not-a-token");
        Assert.Equal((401, "UNAUTHENTICATED"), (unauthenticated, refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>()));
        var overGet = await _server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { revokeApiToken(id: \"x\") }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, overGet.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", await CodeAsync(overGet));
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
}

public sealed class SqliteErrorShapeTests() : ErrorShapeContract(StoreKind.Sqlite);

public sealed class PostgresErrorShapeTests() : ErrorShapeContract(StoreKind.Postgres);
