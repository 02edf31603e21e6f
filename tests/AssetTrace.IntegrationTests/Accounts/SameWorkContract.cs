using AssetTrace.Accounts;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Accounts;

/// <summary>
/// User names cannot be told apart by the answer or its cost (#11): an unknown user, a wrong
/// password and a disabled account each cost one password-hash check and get the same answer.
/// Tested on the code path (the real hasher, counted), not on timings.
/// </summary>
public abstract class SameWorkContract(StoreKind kind) : IAsyncLifetime
{
    private readonly CountingPasswordHasher _hasher = new();
    private ServerHarness _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerHarness.StartAsync(kind, loadDemo: false, services => services.AddSingleton<IPasswordHasher<string>>(_hasher));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_unknown_user_a_wrong_password_and_a_disabled_account_cost_one_hash_check_each_and_answer_alike()
    {
        await _server.Services.GetRequiredService<AccountStore>().CreateUserAsync("leaver", "Leaver", [Role.Analyst], "the leaver's password", "tester", default);
        await _server.Services.GetRequiredService<UserAdministration>().DisableAsync("leaver", "left the office", "tester", default);

        var answers = new List<string>();
        foreach (var (username, password) in new[] { ("no-such-user", "a guess"), ("tester", "a wrong password"), ("leaver", "the leaver's password") })
        {
            var before = _hasher.Verifications;
            var response = await _server.LoginAsync(username, password);
            Assert.Equal(401, (int)response.StatusCode);
            Assert.Equal(1, _hasher.Verifications - before);
            var body = await response.JsonAsync();
            body.Remove("traceId"); // differs per request by design
            answers.Add(body.ToJsonString());
        }
        Assert.Single(answers.Distinct());
    }

    /// <summary>The real hasher, with a count of password checks.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<string>
    {
        private readonly PasswordHasher<string> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(string user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(string user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SqliteSameWorkTests() : SameWorkContract(StoreKind.Sqlite);

public sealed class PostgresSameWorkTests() : SameWorkContract(StoreKind.Postgres);
