using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Visibility;

/// <summary>
/// A bearer request learns the viewer's cases with its token, in one statement: taking someone off a case's team
/// or putting them back on applies to their very next request with the same token, on both stores.
/// </summary>
public abstract class TeamChangeVisibilityContract(StoreKind kind) : IAsyncLifetime
{
    private const string Password = "a long enough password";
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind, loadDemo: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Leaving_and_rejoining_a_team_applies_to_the_next_request_with_the_same_token()
    {
        await _server.DataAsync($$"""mutation { createUser(input: { username: "mover", roles: [ANALYST], password: "{{Password}}" }) { id } }""");
        var token = await _server.SignInFirstTimeAsync("mover", Password, "mover's own password");
        var caseId = (await _server.DataAsync("""
            mutation { createCase(input: { number: "TEAM-CHANGE-1", title: "Team change", crimeType: "corruption", team: ["mover"] }) { id } }
            """, token: token))["createCase"]!["id"]!.GetValue<string>();
        var hidden = (await _server.DataAsync($$"""
            mutation { createNode(input: { kind: PERSON, properties: { name: "Team Change Hidden Person" },
              provenance: { source: NETWORK_ANSWER, reference: "Egmont FIU message", restriction: INTELLIGENCE_ONLY, caseId: "{{caseId}}" } }) { id } }
            """, token: token))["createNode"]!["id"]!.GetValue<string>();
        static string Lookup(string node, string @case) => $$"""{ node(id: "{{node}}") { id } case(id: "{{@case}}") { id } }""";
        var lookup = Lookup(hidden, caseId);

        var onTeam = await _server.DataAsync(lookup, token: token);
        await SetTeamAsync(caseId, "someone-else");
        var (_, offTeam) = await _server.GraphQLAsync(lookup, token: token);
        var (_, missing) = await _server.GraphQLAsync(Lookup("no-such-node", "no-such-case"), token: token);
        await SetTeamAsync(caseId, "mover");
        var back = await _server.DataAsync(lookup, token: token);

        Assert.Equal(hidden, onTeam["node"]?["id"]?.GetValue<string>());
        // Off the team, the person and the case are as absent as ids that never existed.
        Assert.Equal(missing.ToJsonString().Replace("no-such-node", "ID1", StringComparison.Ordinal).Replace("no-such-case", "ID2", StringComparison.Ordinal),
            offTeam.ToJsonString().Replace(hidden, "ID1", StringComparison.Ordinal).Replace(caseId, "ID2", StringComparison.Ordinal));
        Assert.Equal(hidden, back["node"]?["id"]?.GetValue<string>());
        Assert.Equal(caseId, back["case"]?["id"]?.GetValue<string>());
    }

    private async Task SetTeamAsync(string caseId, string member) =>
        await _server.DataAsync("mutation($id: ID!, $team: [String!]!) { updateCase(input: { id: $id, reason: \"staffing\", team: $team }) { id } }",
            new { id = caseId, team = new[] { member } });
}

public sealed class SqliteTeamChangeVisibilityTests() : TeamChangeVisibilityContract(StoreKind.Sqlite);

public sealed class PostgresTeamChangeVisibilityTests() : TeamChangeVisibilityContract(StoreKind.Postgres);
