using AssetTrace.Accounts;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Accounts;

/// <summary>
/// A user's e-mail address for the lead notices (#15): the user sets their own, an admin anyone's, others nobody's;
/// a bad address is refused naming the input and nothing is written; each change is audited; only the user and
/// admins read it.
/// </summary>
public abstract class UserEmailContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind, loadDemo: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_user_sets_their_own_address_an_admin_anyone_s_and_nobody_else_reads_or_changes_it()
    {
        var accounts = _server.Services.GetRequiredService<AccountStore>();
        await accounts.CreateUserAsync("analyst1", "analyst1", [Role.Analyst], "analyst1's password", "tester", default);
        await accounts.CreateUserAsync("analyst2", "analyst2", [Role.Analyst], "analyst2's password", "tester", default);
        var own = await _server.SignInAsync("analyst1", "analyst1's password");
        var other = await _server.SignInAsync("analyst2", "analyst2's password");

        var set = await _server.DataAsync("""mutation { setEmail(email: " analyst1@office.example ") { email } }""", token: own);
        Assert.Equal("analyst1@office.example", set["setEmail"]!["email"]!.GetValue<string>());
        Assert.Equal("analyst1@office.example", (await _server.DataAsync("{ me { email } }", token: own))["me"]!["email"]!.GetValue<string>());

        // Another analyst may neither change it nor read it (the admin's list shows it to admins only).
        var (_, forbidden) = await _server.GraphQLAsync("""mutation { setEmail(username: "analyst1", email: "thief@elsewhere.example") { id } }""", token: other);
        Assert.Equal("FORBIDDEN", forbidden.ErrorCode());
        var (_, listing) = await _server.GraphQLAsync("{ users { username email } }", token: other);
        Assert.Equal("FORBIDDEN", listing.ErrorCode());
        Assert.Equal("analyst1@office.example", (await accounts.FindUserAsync("analyst1", default))!.Email);

        foreach (var bad in new[] { "not an address", "Analyst <analyst1@office.example>", "a@office.example, b@elsewhere.example", "a@localhost", "line\n@break.example" })
        {
            var (_, refused) = await _server.GraphQLAsync("mutation($e: String) { setEmail(email: $e) { id } }", new { e = bad }, own);
            Assert.Equal(("BAD_USER_INPUT", "email"), (refused.ErrorCode(), refused.ErrorField()));
        }
        Assert.Equal("analyst1@office.example", (await accounts.FindUserAsync("analyst1", default))!.Email);

        var byAdmin = await _server.DataAsync("""mutation { setEmail(username: "analyst1", email: "a.one@office.example") { email } }""");
        Assert.Equal("a.one@office.example", byAdmin["setEmail"]!["email"]!.GetValue<string>());
        var users = (await _server.DataAsync("{ users { username email } }"))["users"]!.AsArray();
        Assert.Contains(users, u => u!["username"]!.GetValue<string>() == "analyst1" && u["email"]!.GetValue<string>() == "a.one@office.example");
        await _server.DataAsync("""mutation { setEmail(email: "") { id } }""", token: own);
        Assert.Null((await accounts.FindUserAsync("analyst1", default))!.Email);

        var changes = (await _server.AuditAsync()).Where(e => e!["action"]!.GetValue<string>() == "user.email-changed").Reverse().ToList();
        Assert.Equal(["analyst1", "tester", "analyst1"], changes.Select(e => e!["actor"]!.GetValue<string>()));
        Assert.Equal(("""{"email":null}""", """{"email":"analyst1@office.example"}"""), (changes[0]!["before"]!.GetValue<string>(), changes[0]!["after"]!.GetValue<string>()));
        Assert.Equal("""{"email":null}""", changes[2]!["after"]!.GetValue<string>());
    }
}

public sealed class SqliteUserEmailTests() : UserEmailContract(StoreKind.Sqlite);

public sealed class PostgresUserEmailTests() : UserEmailContract(StoreKind.Postgres);
