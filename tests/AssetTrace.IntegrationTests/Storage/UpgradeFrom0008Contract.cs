using AssetTrace.Hosting;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Storage;

/// <summary>
/// An office upgrading a store that holds data (#12): a store at migration 0008 with the demo case, accounts,
/// tokens, changed facts and their audit trail is upgraded by the next start, and every answer reads the
/// same afterwards; the audit log still verifies and goes on. Both stores.
/// </summary>
public abstract class UpgradeFrom0008Contract(StoreKind kind) : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose()
    {
        _stores.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>What an analyst, an admin and a supervisor read: figures, search, history, accounts, the case, the log.</summary>
    private const string Everything = """
        { beneficialOwners(id: "demo-flat-london") { personId lowPercent highPercent byControl }
          wealth(id: "demo-serik-akhmetov") { own { lowUsd highUsd } withConnected { lowUsd } }
          search(query: "Akhmetov") { totalCount nodes { id name } }
          nodeHistory(id: "demo-flat-london") { version change by reason }
          edgeHistory(id: "demo-e-serik-owns-steppe") { version by reason state { share { low high } } }
          case(id: "demo-case") { number title team subjects { nodeId role } }
          users { username roles disabled }
          auditLog(first: 100) { seq action actor entity hash } }
        """;

    [Fact]
    public async Task A_store_with_data_from_migration_0008_is_upgraded_on_start_and_reads_the_same()
    {
        var settings = await _stores.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        string before;
        await using (var old = await ServerHarness.StartAsync(settings))
        {
            await old.DataAsync("""mutation { createUser(input: { username: "analyst7", roles: [ANALYST], password: "a long enough password" }) { id } }""");
            await old.DataAsync("""mutation { updateEdge(input: { id: "demo-e-serik-owns-steppe", reason: "corrected by MLA answer", properties: { share: 55 } }) { id } }""");
            await old.DataAsync("""mutation { createApiToken(name: "nightly export") { secret } }""");
            before = (await old.DataAsync(Everything)).ToJsonString();
        }
        // Migration 0009 only added the audit log's signed head and checkpoints, and with them came the signing key
        // (keys/audit-signing.pem in the data folder): without those, and 0009's row in schema_migrations, the store is
        // exactly what 0008 left, holding what the application wrote.
        await SqlAsync(settings, "DROP TABLE audit_head", "DROP TABLE audit_checkpoints", "DELETE FROM schema_migrations WHERE version = 9");
        Directory.Delete(Path.Combine(settings["Storage:DataDirectory"]!, "keys"), recursive: true);
        Assert.Equal(0, await ScalarAsync(settings, "SELECT COUNT(*) FROM schema_migrations WHERE version = 9"));

        await using var upgraded = await ServerHarness.StartAsync(settings);

        Assert.Equal(1, await ScalarAsync(settings, "SELECT COUNT(*) FROM schema_migrations WHERE version = 9"));
        var after = (await upgraded.DataAsync(Everything)).ToJsonString();
        Assert.Equal(before, after);
        Assert.Contains("demo-serik-akhmetov", after, StringComparison.Ordinal);
        // The first start with a key seals the log as it stands (AuditCheckpointStore): verification holds from there on.
        var verification = (await upgraded.DataAsync("{ auditVerification { intact problem entriesChecked checkpoint { seq } } }"))["auditVerification"]!;
        Assert.True(verification["intact"]!.GetValue<bool>(), verification.ToJsonString());
        Assert.Equal(verification["entriesChecked"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture), verification["checkpoint"]!["seq"]!.GetValue<string>());
        // The log goes on after the upgrade, signed from now on.
        await upgraded.DataAsync("""mutation { updateNode(input: { id: "demo-flat-london", reason: "new valuation", properties: { value: 4500000 } }) { id } }""");
        var again = (await upgraded.DataAsync("{ auditVerification { intact problem entriesChecked checkpoint { seq } } }"))["auditVerification"]!;
        Assert.True(again["intact"]!.GetValue<bool>(), again.ToJsonString());
        Assert.True(again["entriesChecked"]!.GetValue<int>() > verification["entriesChecked"]!.GetValue<int>());
        Assert.Equal(4500000m, (await upgraded.DataAsync("""{ node(id: "demo-flat-london") { properties } }"""))["node"]!["properties"]!["value"]!.GetValue<decimal>());
    }

    private static async Task SqlAsync(IDictionary<string, string?> settings, params string[] statements)
    {
        await using var services = Core(settings);
        var database = services.GetRequiredService<Database>();
        await database.WriteAsync(async (c, t) =>
        {
            foreach (var sql in statements)
            {
                await c.ExecuteAsync(t, sql, default);
            }
            return 0;
        }, default);
    }

    private static async Task<long> ScalarAsync(IDictionary<string, string?> settings, string sql)
    {
        await using var services = Core(settings);
        return await services.GetRequiredService<Database>().ReadAsync(c => c.ScalarAsync<long>(null, sql, default), default);
    }

    private static ServiceProvider Core(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddAssetTraceCore(configuration).BuildServiceProvider();
    }
}

public sealed class SqliteUpgradeFrom0008Tests() : UpgradeFrom0008Contract(StoreKind.Sqlite);

public sealed class PostgresUpgradeFrom0008Tests() : UpgradeFrom0008Contract(StoreKind.Postgres);
