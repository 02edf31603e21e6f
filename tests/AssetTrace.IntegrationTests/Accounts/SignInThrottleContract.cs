using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssetTrace.IntegrationTests.Accounts;

/// <summary>
/// Sign-in throttling (#11) with the defaults of Accounts:*: 5 failures per user name and 20 per
/// client address in 15 minutes, then 429 with Retry-After; failures and throttling are audited
/// without the password tried. The clock is moved, not waited for.
/// </summary>
public abstract class SignInThrottleContract(StoreKind kind) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private ServerHarness _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerHarness.StartAsync(kind, loadDemo: false, services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task After_five_failures_for_one_user_name_even_the_right_password_waits_for_Retry_After()
    {
        for (var i = 1; i <= 5; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(401, (int)(await _server.LoginAsync("tester", $"guess number {i}")).StatusCode);
        }

        var throttled = await _server.LoginAsync("tester", _server.AdminPassword);
        Assert.Equal(429, (int)throttled.StatusCode);
        // The first failure was at 9:01; it leaves the 15-minute window at 9:16, 11 minutes from now.
        Assert.Equal(TimeSpan.FromMinutes(11), throttled.Headers.RetryAfter!.Delta);
        Assert.Equal(429, (int)(await _server.ChangePasswordAsync("tester", _server.AdminPassword, "a new password for tester")).StatusCode);
        Assert.Equal(401, (int)(await _server.LoginAsync("someone-else", "another guess")).StatusCode);

        _clock.Advance(throttled.Headers.RetryAfter.Delta!.Value);
        Assert.Equal(200, (int)(await _server.LoginAsync("tester", _server.AdminPassword)).StatusCode);

        var audit = await _server.AuditAsync();
        var failed = audit.Where(e => e!["action"]!.GetValue<string>() == "signin.failed" && e["actor"]!.GetValue<string>() == "tester").ToList();
        Assert.Equal(5, failed.Count);
        Assert.All(failed, e => Assert.Equal("""{"address":"127.0.0.1","cause":"wrong password"}""", e!["after"]!.GetValue<string>()));
        // Audited once per block, however many attempts were refused.
        var refused = Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "signin.throttled")!;
        Assert.Equal("""{"address":"127.0.0.1","retryAfterSeconds":660}""", refused["after"]!.GetValue<string>());
        Assert.DoesNotContain("guess number", audit.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_server.AdminPassword, audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_twenty_failures_from_one_address_every_user_name_waits()
    {
        for (var i = 1; i <= 20; i++)
        {
            Assert.Equal(401, (int)(await _server.LoginAsync($"nobody{i:00}", "a guess")).StatusCode);
        }

        var throttled = await _server.LoginAsync("tester", _server.AdminPassword);
        Assert.Equal(429, (int)throttled.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), throttled.Headers.RetryAfter!.Delta);

        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(200, (int)(await _server.LoginAsync("tester", _server.AdminPassword)).StatusCode);
        var audit = await _server.AuditAsync();
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "signin.failed" && e["actor"]!.GetValue<string>() == "nobody07"
            && e["after"]!.GetValue<string>() == """{"address":"127.0.0.1","cause":"unknown user"}""");
    }

    [Fact]
    public async Task A_name_that_is_no_user_name_is_audited_as_anonymous()
    {
        Assert.Equal(401, (int)(await _server.LoginAsync("robert'); DROP TABLE users;--", "a guess")).StatusCode);
        var entry = (await _server.AuditAsync()).First(e => e!["action"]!.GetValue<string>() == "signin.failed")!;
        Assert.Equal(("anonymous", "signin/anonymous"), (entry["actor"]!.GetValue<string>(), entry["entity"]!.GetValue<string>()));
    }
}

public sealed class SqliteSignInThrottleTests() : SignInThrottleContract(StoreKind.Sqlite);

public sealed class PostgresSignInThrottleTests() : SignInThrottleContract(StoreKind.Postgres);
