using AssetTrace.Accounts;
using AssetTrace.Hosting;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Accounts;

/// <summary>
/// Migration 0008 on a store that already has users (#11): nobody could change a password before it,
/// so the first-run admin's printed password, still in an old log, becomes one-time too.
/// </summary>
public abstract class AccountsMigrationContract(StoreKind kind) : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose()
    {
        _stores.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Passwords_from_before_the_migration_must_be_changed_at_the_next_sign_in()
    {
        var settings = await _stores.CreateAsync(kind);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddAssetTraceCore(configuration).BuildServiceProvider();
        var database = services.GetRequiredService<Database>();
        await ApplyScriptsBeforeAsync(database, 8);
        var printed = Passwords.NewOneTimePassword();
        await database.WriteAsync((c, t) => c.ExecuteAsync(t, """
            INSERT INTO users (id, username, display_name, roles, password_hash, created_at, created_by)
            VALUES ('u1', 'admin', 'Administrator', 'admin', @hash, @now, 'system')
            """, default, ("hash", services.GetRequiredService<Passwords>().Hash("admin", printed)), ("now", DateTimeOffset.UtcNow)), default);

        await services.GetRequiredService<Migrator>().MigrateAsync(default);

        var signIn = services.GetRequiredService<SignIn>();
        Assert.Equal(SignInStatus.PasswordChangeRequired, (await signIn.SignInAsync("admin", printed, "127.0.0.1", default)).Status);
        var changed = await signIn.ChangePasswordAsync("admin", printed, "the admin's own passphrase", "127.0.0.1", null, default);
        Assert.Equal(SignInStatus.PasswordChanged, changed.Status);
        Assert.Equal(SignInStatus.Failed, (await signIn.SignInAsync("admin", printed, "127.0.0.1", default)).Status);
        Assert.Equal(SignInStatus.SignedIn, (await signIn.SignInAsync("admin", "the admin's own passphrase", "127.0.0.1", default)).Status);
    }

    /// <summary>Brings a fresh store to the schema it had before migration <paramref name="version"/>, as Migrator would have.</summary>
    private static async Task ApplyScriptsBeforeAsync(Database database, int version)
    {
        await using (var connection = await database.OpenAsync(default))
        {
            await connection.ExecuteAsync(null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)", default);
        }
        foreach (var (number, name, sql) in Migrator.Scripts(database.Kind).Where(s => s.Version < version))
        {
            await database.WriteAsync(async (c, t) =>
            {
                await c.ExecuteAsync(t, sql, default);
                return await c.ExecuteAsync(t, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @at)", default,
                    ("v", number), ("n", name), ("at", "2026-01-01T00:00:00Z"));
            }, default);
        }
    }
}

public sealed class SqliteAccountsMigrationTests() : AccountsMigrationContract(StoreKind.Sqlite);

public sealed class PostgresAccountsMigrationTests() : AccountsMigrationContract(StoreKind.Postgres);
