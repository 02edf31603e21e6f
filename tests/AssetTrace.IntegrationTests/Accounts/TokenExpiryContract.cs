using AssetTrace.Accounts;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssetTrace.IntegrationTests.Accounts;

/// <summary>Tokens expire (#11): sessions after 12 hours, API tokens after 90 days unless given another time within a year, never in the past.</summary>
public abstract class TokenExpiryContract(StoreKind kind) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private ServerHarness _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerHarness.StartAsync(kind, loadDemo: false, services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_API_token_without_an_expiry_gets_90_days_and_stops_working_then()
    {
        var issued = (await _server.DataAsync("""mutation { createApiToken(name: "nightly export") { secret expiresAt } }"""))["createApiToken"]!;
        Assert.Equal(Start.AddDays(90), issued["expiresAt"]!.GetValue<DateTimeOffset>());
        var secret = issued["secret"]!.GetValue<string>();

        _clock.Advance(TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await _server.GraphQLAsync("{ me { username } }", token: secret)).Status);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(401, (await _server.GraphQLAsync("{ me { username } }", token: secret)).Status);
    }

    [Fact]
    public async Task An_expiry_in_the_past_or_more_than_a_year_away_is_refused_naming_expiresAt()
    {
        const string create = """mutation($at: DateTimeOffset!) { createApiToken(name: "script", expiresAt: $at) { expiresAt } }""";
        foreach (var refused in new[] { Start.AddMinutes(-1), Start, Start.AddDays(365).AddSeconds(1) })
        {
            var (_, body) = await _server.GraphQLAsync(create, new { at = refused });
            Assert.Equal(("BAD_USER_INPUT", "expiresAt"), (body.ErrorCode(), body.ErrorField()));
        }
        var accepted = await _server.DataAsync(create, new { at = Start.AddDays(30) });
        Assert.Equal(Start.AddDays(30), accepted["createApiToken"]!["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Single((await _server.DataAsync("{ apiTokens { id } }"))["apiTokens"]!.AsArray());
    }

    [Fact]
    public async Task A_session_ends_after_12_hours()
    {
        var login = await (await _server.LoginAsync("tester", _server.AdminPassword)).JsonAsync();
        Assert.Equal(Start.AddHours(12), login["expiresAt"]!.GetValue<DateTimeOffset>());
        var token = login["token"]!.GetValue<string>();

        _clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await _server.GraphQLAsync("{ me { username } }", token: token)).Status);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(401, (await _server.GraphQLAsync("{ me { username } }", token: token)).Status);
    }

    [Fact]
    public async Task Admins_list_and_revoke_another_users_tokens_and_users_only_their_own()
    {
        await _server.Services.GetRequiredService<AccountStore>().CreateUserAsync("scripter", "Scripter", [Role.Analyst], "scripter's password", "tester", default);
        var session = await _server.SignInAsync("scripter", "scripter's password");
        var issued = (await _server.DataAsync("""mutation { createApiToken(name: "graph export") { id secret } }""", token: session))["createApiToken"]!;
        var adminToken = (await _server.DataAsync("""mutation { createApiToken(name: "admin script") { id } }"""))["createApiToken"]!["id"]!.GetValue<string>();

        var listed = await _server.DataAsync("""{ apiTokens(username: "scripter") { id name expiresAt revokedAt } }""");
        Assert.Equal("graph export", Assert.Single(listed["apiTokens"]!.AsArray())!["name"]!.GetValue<string>());
        var (_, notTheirs) = await _server.GraphQLAsync("mutation($id: ID!) { revokeApiToken(id: $id) }", new { id = adminToken }, session);
        Assert.Equal("NOT_FOUND", notTheirs.ErrorCode());

        await _server.DataAsync("mutation($id: ID!) { revokeApiToken(id: $id, reason: \"token seen in a shared folder\") }",
            new { id = issued["id"]!.GetValue<string>() });

        Assert.Equal(401, (await _server.GraphQLAsync("{ me { username } }", token: issued["secret"]!.GetValue<string>())).Status);
        var entry = (await _server.AuditAsync()).First(e => e!["action"]!.GetValue<string>() == "token.revoked")!;
        Assert.Equal(("tester", "token seen in a shared folder"), (entry["actor"]!.GetValue<string>(), entry["reason"]!.GetValue<string>()));
        Assert.Equal("""{"owner":"scripter"}""", entry["after"]!.GetValue<string>());
    }
}

public sealed class SqliteTokenExpiryTests() : TokenExpiryContract(StoreKind.Sqlite);

public sealed class PostgresTokenExpiryTests() : TokenExpiryContract(StoreKind.Postgres);
