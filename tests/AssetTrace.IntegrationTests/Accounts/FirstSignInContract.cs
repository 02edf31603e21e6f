using AssetTrace.Accounts;
using AssetTrace.Hosting;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Accounts;

/// <summary>
/// One-time passwords (#11): the first-run admin's printed password, one an admin set with
/// createUser or resetPassword, serve only to choose a new one and stop working then.
/// </summary>
public abstract class FirstSignInContract(StoreKind kind) : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose()
    {
        _stores.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_first_run_admins_printed_password_only_serves_to_choose_a_new_one_and_then_stops_working()
    {
        var settings = await _stores.CreateAsync(kind);
        settings["Demo:Load"] = "false";
        string printed;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using (var core = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddAssetTraceCore(configuration).BuildServiceProvider())
        {
            await core.GetRequiredService<Migrator>().MigrateAsync(default);
            printed = (await core.GetRequiredService<FirstRunAdmin>().EnsureAsync(default))!;
        }
        await using var server = await ServerHarness.StartAsync(settings);

        var login = await server.LoginAsync("admin", printed);
        Assert.Equal(403, (int)login.StatusCode);
        var refusal = await login.JsonAsync();
        Assert.True(refusal["passwordChangeRequired"]!.GetValue<bool>());
        Assert.Null(refusal["token"]);

        Assert.Equal(400, (int)(await server.ChangePasswordAsync("admin", printed, "too short")).StatusCode);
        var changed = await server.ChangePasswordAsync("admin", printed, "the admin's own passphrase");
        Assert.Equal(200, (int)changed.StatusCode);
        var token = (await changed.JsonAsync())["token"]!.GetValue<string>();
        var me = await server.DataAsync("{ me { username passwordChangeRequired } }", token: token);
        Assert.False(me["me"]!["passwordChangeRequired"]!.GetValue<bool>());

        Assert.Equal(401, (int)(await server.LoginAsync("admin", printed)).StatusCode);
        Assert.Equal(401, (int)(await server.ChangePasswordAsync("admin", printed, "someone else's passphrase")).StatusCode);
        Assert.Equal(200, (int)(await server.LoginAsync("admin", "the admin's own passphrase")).StatusCode);

        var audit = await server.AuditAsync();
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "user.password-changed" && e["actor"]!.GetValue<string>() == "admin");
        Assert.DoesNotContain(printed, audit.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("the admin's own passphrase", audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_created_by_an_admin_chooses_their_own_password_at_first_sign_in()
    {
        await using var server = await ServerHarness.StartAsync(kind, loadDemo: false);
        var created = await server.DataAsync("""
            mutation { createUser(input: { username: "officer1", roles: [OFFICER], password: "chosen by the admin" }) { passwordChangeRequired } }
            """);
        Assert.True(created["createUser"]!["passwordChangeRequired"]!.GetValue<bool>());

        Assert.Equal(403, (int)(await server.LoginAsync("officer1", "chosen by the admin")).StatusCode);
        var token = await server.SignInFirstTimeAsync("officer1", "chosen by the admin", "the officer's own password");

        Assert.Equal("officer1", (await server.DataAsync("{ me { username } }", token: token))["me"]!["username"]!.GetValue<string>());
        Assert.Equal(401, (int)(await server.LoginAsync("officer1", "chosen by the admin")).StatusCode);
    }

    [Fact]
    public async Task A_reset_ends_the_users_sessions_at_once_and_its_one_time_password_works_once()
    {
        await using var server = await ServerHarness.StartAsync(kind, loadDemo: false);
        await server.Services.GetRequiredService<AccountStore>().CreateUserAsync("analyst1", "Analyst", [Role.Analyst], "analyst's own password", "tester", default);
        var session = await server.SignInAsync("analyst1", "analyst's own password");

        var reset = await server.DataAsync("""
            mutation { resetPassword(username: "analyst1", reason: "forgot the password") { oneTimePassword user { passwordChangeRequired } } }
            """);
        var oneTime = reset["resetPassword"]!["oneTimePassword"]!.GetValue<string>();
        Assert.True(reset["resetPassword"]!["user"]!["passwordChangeRequired"]!.GetValue<bool>());

        Assert.Equal(401, (await server.GraphQLAsync("{ me { username } }", token: session)).Status);
        Assert.Equal(401, (int)(await server.LoginAsync("analyst1", "analyst's own password")).StatusCode);
        Assert.Equal(403, (int)(await server.LoginAsync("analyst1", oneTime)).StatusCode);
        var token = await server.SignInFirstTimeAsync("analyst1", oneTime, "the analyst's new password");
        Assert.Equal(200, (await server.GraphQLAsync("{ me { username } }", token: token)).Status);
        Assert.Equal(401, (int)(await server.LoginAsync("analyst1", oneTime)).StatusCode);

        var audit = await server.AuditAsync();
        var entry = audit.First(e => e!["action"]!.GetValue<string>() == "user.password-reset")!;
        Assert.Equal("tester", entry["actor"]!.GetValue<string>());
        Assert.Equal("forgot the password", entry["reason"]!.GetValue<string>());
        Assert.DoesNotContain(oneTime, audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_your_own_password_checks_the_current_one_and_ends_your_other_sessions()
    {
        await using var server = await ServerHarness.StartAsync(kind, loadDemo: false);
        await server.Services.GetRequiredService<AccountStore>().CreateUserAsync("analyst2", "Analyst", [Role.Analyst], "analyst's own password", "tester", default);
        var here = await server.SignInAsync("analyst2", "analyst's own password");
        var elsewhere = await server.SignInAsync("analyst2", "analyst's own password");
        const string change = "mutation($current: String!, $new: String!) { changePassword(currentPassword: $current, newPassword: $new) { username } }";

        var (_, wrong) = await server.GraphQLAsync(change, new { current = "not my password", @new = "a brand new password" }, here);
        Assert.Equal(("BAD_USER_INPUT", "currentPassword"), (wrong.ErrorCode(), wrong.ErrorField()));
        var (_, weak) = await server.GraphQLAsync(change, new { current = "analyst's own password", @new = "short" }, here);
        Assert.Equal(("BAD_USER_INPUT", "newPassword"), (weak.ErrorCode(), weak.ErrorField()));

        await server.DataAsync(change, new { current = "analyst's own password", @new = "a brand new password" }, here);

        Assert.Equal(200, (await server.GraphQLAsync("{ me { username } }", token: here)).Status);
        Assert.Equal(401, (await server.GraphQLAsync("{ me { username } }", token: elsewhere)).Status);
        Assert.Equal(401, (int)(await server.LoginAsync("analyst2", "analyst's own password")).StatusCode);
        Assert.Equal(200, (int)(await server.LoginAsync("analyst2", "a brand new password")).StatusCode);
    }
}

public sealed class SqliteFirstSignInTests() : FirstSignInContract(StoreKind.Sqlite);

public sealed class PostgresFirstSignInTests() : FirstSignInContract(StoreKind.Postgres);
