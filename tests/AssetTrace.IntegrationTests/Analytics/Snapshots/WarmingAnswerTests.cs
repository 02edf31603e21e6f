using AssetTrace.Analytics.Engine;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AssetTrace.IntegrationTests.Analytics.Snapshots;

/// <summary>
/// While the graph is read into memory, an analytics question is answered WARMING with how far the load is,
/// and every other question is answered as usual (#18). PostgreSQL only: a lock on the nodes table holds the
/// load where it is for as long as the test needs, which SQLite's readers (never blocked in WAL mode) do not allow;
/// the answer itself is the provider's, the same on both stores.
/// </summary>
public sealed class WarmingAnswerTests : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task An_analytics_question_during_the_first_load_is_answered_warming_and_other_questions_are_answered()
    {
        var settings = await _stores.CreateAsync(StoreKind.Postgres);
        settings["Demo:Load"] = "true";
        settings["Analytics:Snapshot:WarmingWaitSeconds"] = "0";
        await using var server = await ServerHarness.StartAsync(settings);

        await using var blocker = new NpgsqlConnection(settings["ConnectionStrings:Graph"]);
        await blocker.OpenAsync();
        var hold = await blocker.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE nodes IN ACCESS EXCLUSIVE MODE", blocker, hold))
        {
            await command.ExecuteNonQueryAsync();
        }

        var (status, body) = await server.GraphQLAsync("""{ beneficialOwners(id: "demo-flat-london") { personId } }""");
        var error = body["errors"]![0]!;
        Assert.Equal("WARMING", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("being read into memory", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("database", error["extensions"]!["data"]!["source"]!.GetValue<string>());
        Assert.Equal(0, error["extensions"]!["data"]!["rowsRead"]!.GetValue<long>());
        Assert.Equal(200, status);
        Assert.True(server.Services.GetRequiredService<SnapshotProvider>().Status.Warming);

        var me = await server.DataAsync("{ me { username } cases { id } }");
        Assert.NotNull(me["me"]!["username"]);

        await hold.RollbackAsync();
        await server.Services.GetRequiredService<SnapshotProvider>().WarmAsync();
        var owners = await server.DataAsync("""{ beneficialOwners(id: "demo-flat-london") { personId } }""");
        Assert.Contains("demo-serik-akhmetov", owners.ToJsonString(), StringComparison.Ordinal);
    }
}
