using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Recovery;

/// <summary>
/// The recovery fields over HTTP (#17): the resolvers' role gates and need-to-know, as a signed-in user
/// meets them. The stores behave the same under them (RecoveryLedgerContract, AssistantContract), so
/// this runs on SQLite.
/// </summary>
public sealed class RecoveryApiTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(StoreKind.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> UserAsync(string username, string role)
    {
        await _server.DataAsync($$"""mutation { createUser(input: { username: "{{username}}", roles: [{{role}}], password: "one-time password 123" }) { id } }""");
        return await _server.SignInFirstTimeAsync(username, "one-time password 123", "my own recovery password");
    }

    private static string? Code(JsonObject body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    [Fact]
    public async Task Roles_and_need_to_know_hold_on_every_recovery_field()
    {
        var analyst = await UserAsync("analyst1", "ANALYST");
        var commission = await UserAsync("commission1", "COMMISSION");
        var outsider = await UserAsync("officer-out", "OFFICER");
        await _server.DataAsync("""mutation { updateCase(input: { id: "demo-case", reason: "staffing", team: ["admin", "analyst1", "commission1"] }) { team } }""");

        // An analyst on the case reads the recommendations but may not turn one into a request.
        var (_, answer) = await _server.GraphQLAsync("""{ recommendations(caseId: "demo-case") { recommendations { key draft routeProblem } } }""", token: analyst);
        var key = answer["data"]!["recommendations"]!["recommendations"]!.AsArray()
            .First(r => r!["draft"]!.GetValue<string>() == "REQUEST" && r["routeProblem"] is null)!["key"]!.GetValue<string>();
        var (_, accept) = await _server.GraphQLAsync("mutation($key: String!) { acceptRecommendation(caseId: \"demo-case\", key: $key) { status } }", new { key }, analyst);
        Assert.Equal("FORBIDDEN", Code(accept));

        // The Commission's role records no moves, even on the case.
        var move = """
            mutation { recordAssetMove(input: { caseId: "demo-case", nodeId: "demo-flat-london", step: IDENTIFIED, onDate: "2026-02-01",
                channel: REGISTRY, justifications: [{ kind: DOCUMENT, reference: "title NGL998812" }] }) { step version } }
            """;
        Assert.Equal("FORBIDDEN", Code((await _server.GraphQLAsync(move, token: commission)).Body));
        var (_, recorded) = await _server.GraphQLAsync(move, token: analyst);
        Assert.Equal("IDENTIFIED", recorded["data"]!["recordAssetMove"]!["step"]!.GetValue<string>());

        // An officer of no case: the case's assets and recommendations do not exist, and its moves count in no figure.
        Assert.Equal("NOT_FOUND", Code((await _server.GraphQLAsync("""{ caseAssets(caseId: "demo-case") { nodeId } }""", token: outsider)).Body));
        Assert.Equal("NOT_FOUND", Code((await _server.GraphQLAsync("""{ recommendations(caseId: "demo-case") { crimeType } }""", token: outsider)).Body));
        Assert.Equal("NOT_FOUND", Code((await _server.GraphQLAsync(move.Replace("IDENTIFIED", "TRACED", StringComparison.Ordinal), token: outsider)).Body));
        var (_, figures) = await _server.GraphQLAsync("{ recoveryFigures { cases byStep { assets } } }", token: outsider);
        Assert.Equal(0, figures["data"]!["recoveryFigures"]!["cases"]!.GetValue<int>());
        Assert.Empty(figures["data"]!["recoveryFigures"]!["byStep"]!.AsArray());
        var (_, mine) = await _server.GraphQLAsync("{ recoveryFigures { cases byStep { assets } } }", token: analyst);
        Assert.Equal(1, mine["data"]!["recoveryFigures"]!["byStep"]![0]!["assets"]!.GetValue<int>());
    }
}
