using AssetTrace.Cases;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Roster.Deadlines;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Roster;

/// <summary>The roster through the GraphQL API, as signed-in users with real roles and case access, on both stores.</summary>
public abstract class RosterApiContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> UserAsync(string name, string role, bool onCase)
    {
        await _server.DataAsync($$"""mutation { createUser(input: { username: "{{name}}", roles: [{{role}}], password: "a long enough password" }) { id } }""");
        if (onCase)
        {
            var cases = _server.Services.GetRequiredService<CaseStore>();
            var demo = (await cases.GetAsync(Viewer.System("test"), "demo-case", default))!;
            await cases.UpdateAsync(new CasePatch("demo-case", "roster test team", Team: [.. demo.Team, name]), Viewer.System("test"), default);
        }
        return await _server.SignInFirstTimeAsync(name, "a long enough password", $"{name}'s own password here");
    }

    [Fact]
    public async Task Candidates_proposal_and_decision_go_through_the_API_with_each_role_held_to_its_part()
    {
        var supervisor = await UserAsync("aidos", "SUPERVISOR", true);
        var member = await UserAsync("marat", "COMMISSION", true);
        var analyst = await UserAsync("asel", "ANALYST", true);
        var outsider = await UserAsync("bolat", "COMMISSION", false);

        var candidates = await _server.DataAsync("{ rosterCandidates { personId highUsd assets { nodeId source } } }", token: analyst);
        Assert.Contains(candidates["rosterCandidates"]!.AsArray(), c => c!["personId"]!.GetValue<string>() == "demo-serik-akhmetov");

        var proposed = await _server.DataAsync("""
            mutation { proposeRosterEntry(caseId: "demo-case", subjectId: "demo-serik-akhmetov", criteria: ["assets_exceed_income"],
                statement: "Assets abroad beyond his declared income.") { id version stage proposedBy } }
            """, token: supervisor);
        var entry = proposed["proposeRosterEntry"]!;
        Assert.Equal(("PROPOSED", "aidos"), (entry["stage"]!.GetValue<string>(), entry["proposedBy"]!.GetValue<string>()));
        var id = entry["id"]!.GetValue<string>();
        // The roster's days are Almaty's (UTC+5): after 19:00 UTC the meeting is already on the next day.
        var today = LegalCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var decide = $$"""
            mutation { decideRosterEntry(id: "{{id}}", expectedVersion: 1, meetingOn: "{{today}}", votesFor: 3, votesAgainst: 0, abstained: 0,
                members: ["A", "B", "C"]) { number stage decision { recordedBy } } }
            """;

        Assert.Equal("FORBIDDEN", await ErrorCodeAsync(decide, analyst));
        Assert.Equal("FORBIDDEN", await ErrorCodeAsync(decide, supervisor));
        Assert.Equal("NOT_FOUND", await ErrorCodeAsync(decide, outsider));
        var (_, outsiderRead) = await _server.GraphQLAsync($$"""{ rosterEntry(id: "{{id}}") { id } rosterEntries { id } }""", token: outsider);
        Assert.Null(outsiderRead["data"]!["rosterEntry"]);
        Assert.Empty(outsiderRead["data"]!["rosterEntries"]!.AsArray());

        var decided = (await _server.DataAsync(decide, token: member))["decideRosterEntry"]!;
        Assert.Equal("INCLUDED", decided["stage"]!.GetValue<string>());
        Assert.Equal("marat", decided["decision"]!["recordedBy"]!.GetValue<string>());
        Assert.Equal("CONFLICT", await ErrorCodeAsync(decide, member));

        var read = await _server.DataAsync($$"""{ rosterEntry(id: "{{id}}") { number history { event actor } } }""", token: analyst);
        Assert.Equal(["proposed:aidos", "decided:marat"], read["rosterEntry"]!["history"]!.AsArray().Select(e => $"{e!["event"]}:{e["actor"]}"));
    }

    private async Task<string?> ErrorCodeAsync(string query, string token)
    {
        var (_, body) = await _server.GraphQLAsync(query, token: token);
        return body["errors"]?.AsArray().FirstOrDefault()?["extensions"]?["code"]?.GetValue<string>();
    }
}

public sealed class SqliteRosterApiTests() : RosterApiContract(StoreKind.Sqlite);

public sealed class PostgresRosterApiTests() : RosterApiContract(StoreKind.Postgres);
