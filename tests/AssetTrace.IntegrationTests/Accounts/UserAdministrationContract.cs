using AssetTrace.Accounts;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Accounts;

/// <summary>Admins disable, enable and change roles (#11): each applies to the user's next request and is audited with a reason.</summary>
public abstract class UserAdministrationContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind, loadDemo: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Disabling_a_user_refuses_their_session_and_API_token_on_the_next_request()
    {
        await CreateAsync("officer1", Role.Officer);
        var session = await _server.SignInAsync("officer1", "officer1's password");
        var apiToken = (await _server.DataAsync("""mutation { createApiToken(name: "export") { secret } }""", token: session))["createApiToken"]!["secret"]!.GetValue<string>();
        Assert.Equal(200, (await _server.GraphQLAsync("{ me { username } }", token: apiToken)).Status);

        var disabled = await _server.DataAsync("""mutation { disableUser(username: "officer1", reason: "left the unit") { disabled } }""");
        Assert.True(disabled["disableUser"]!["disabled"]!.GetValue<bool>());

        Assert.Equal(401, (await _server.GraphQLAsync("{ me { username } }", token: session)).Status);
        Assert.Equal(401, (await _server.GraphQLAsync("{ me { username } }", token: apiToken)).Status);
        var login = await _server.LoginAsync("officer1", "officer1's password");
        Assert.Equal(401, (int)login.StatusCode);
        Assert.Equal(SignIn.FailureMessage, (await login.JsonAsync())["detail"]!.GetValue<string>());

        await _server.DataAsync("""mutation { enableUser(username: "officer1", reason: "back from leave") { id } }""");
        Assert.Equal(200, (int)(await _server.LoginAsync("officer1", "officer1's password")).StatusCode);
        Assert.Equal(401, (await _server.GraphQLAsync("{ me { username } }", token: apiToken)).Status);

        var audit = await _server.AuditAsync();
        var entry = audit.First(e => e!["action"]!.GetValue<string>() == "user.disabled")!;
        Assert.Equal(("tester", "left the unit"), (entry["actor"]!.GetValue<string>(), entry["reason"]!.GetValue<string>()));
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "user.enabled" && e["reason"]!.GetValue<string>() == "back from leave");
        Assert.DoesNotContain("officer1's password", audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_next_request_of_a_signed_in_user()
    {
        await CreateAsync("member1", Role.Commission);
        var token = await _server.SignInAsync("member1", "member1's password");
        const string openCase = """mutation($n: String!) { createCase(input: { number: $n, title: "Roles", crimeType: "embezzlement" }) { id } }""";
        Assert.Equal("FORBIDDEN", (await _server.GraphQLAsync(openCase, new { n = "2026-ARC-0501" }, token)).Body.ErrorCode());

        await _server.DataAsync("""mutation { setUserRoles(username: "member1", roles: [ANALYST], reason: "moved to analysis") { roles } }""");
        await _server.DataAsync(openCase, new { n = "2026-ARC-0502" }, token);

        await _server.DataAsync("""mutation { setUserRoles(username: "member1", roles: [COMMISSION], reason: "back to the commission") { roles } }""");
        Assert.Equal("FORBIDDEN", (await _server.GraphQLAsync(openCase, new { n = "2026-ARC-0503" }, token)).Body.ErrorCode());

        var entry = (await _server.AuditAsync()).First(e => e!["action"]!.GetValue<string>() == "user.roles-changed")!;
        Assert.Equal("""{"roles":["analyst"]}""", entry["before"]!.GetValue<string>());
        Assert.Equal("""{"roles":["commission"]}""", entry["after"]!.GetValue<string>());
        Assert.Equal("back to the commission", entry["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_admins_manage_accounts()
    {
        await CreateAsync("supervisor1", Role.Supervisor);
        var token = await _server.SignInAsync("supervisor1", "supervisor1's password");
        string[] adminOnly =
        [
            """mutation { disableUser(username: "tester", reason: "x") { id } }""",
            """mutation { enableUser(username: "tester", reason: "x") { id } }""",
            """mutation { setUserRoles(username: "supervisor1", roles: [ADMIN], reason: "x") { id } }""",
            """mutation { resetPassword(username: "tester", reason: "x") { oneTimePassword } }""",
            """mutation { createUser(input: { username: "friend", roles: [ADMIN], password: "a long enough password" }) { id } }""",
            """{ users { id } }""",
            """{ apiTokens(username: "tester") { id } }""",
        ];
        foreach (var query in adminOnly)
        {
            Assert.Equal("FORBIDDEN", (await _server.GraphQLAsync(query, token: token)).Body.ErrorCode());
        }
        Assert.Equal([Role.Supervisor], (await _server.Services.GetRequiredService<AccountStore>().FindUserAsync("supervisor1", default))!.Roles);
    }

    [Fact]
    public async Task The_office_keeps_an_enabled_admin_and_every_change_needs_a_reason()
    {
        Assert.Equal("CONFLICT", (await _server.GraphQLAsync("""mutation { disableUser(username: "tester", reason: "oops") { id } }""")).Body.ErrorCode());
        // The first-run "admin" is the other admin; once it is disabled, tester is the last one.
        await _server.DataAsync("""mutation { disableUser(username: "admin", reason: "first-run account, not used") { id } }""");
        var (_, demote) = await _server.GraphQLAsync("""mutation { setUserRoles(username: "tester", roles: [ANALYST], reason: "oops") { id } }""");
        Assert.Equal("CONFLICT", demote.ErrorCode());

        var (_, noReason) = await _server.GraphQLAsync("""mutation { enableUser(username: "admin", reason: " ") { id } }""");
        Assert.Equal(("BAD_USER_INPUT", "reason"), (noReason.ErrorCode(), noReason.ErrorField()));
        var (_, unknown) = await _server.GraphQLAsync("""mutation { resetPassword(username: "nobody", reason: "typo") { oneTimePassword } }""");
        Assert.Equal("NOT_FOUND", unknown.ErrorCode());
    }

    private Task<User> CreateAsync(string username, Role role) =>
        _server.Services.GetRequiredService<AccountStore>().CreateUserAsync(username, username, [role], $"{username}'s password", "tester", default);
}

public sealed class SqliteUserAdministrationTests() : UserAdministrationContract(StoreKind.Sqlite);

public sealed class PostgresUserAdministrationTests() : UserAdministrationContract(StoreKind.Postgres);
