using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Analytics;

/// <summary>Two servers sharing one PostgreSQL and one Redis: a change through one shows through the other.</summary>
public sealed class SharedCacheTests : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose() => _stores.Dispose();

    public const string RedisVariable = "ASSETTRACE_TEST_REDIS";

    /// <summary>Settings for servers on one new PostgreSQL store with the demo case and one Redis, under a prefix of their own.</summary>
    private async Task<IDictionary<string, string?>> SharedStoreAsync()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{RedisVariable} is not set: run the tests with ./test.sh, which starts Redis, or set it to host:port of a Redis server.");
        var settings = await _stores.CreateAsync(StoreKind.Postgres);
        settings["Demo:Load"] = "true";
        // These servers ask for another server's change at once; the up to 100 ms a shared counter read may lag
        // behind another process is RecentGraphVersionContract's subject.
        settings[RecentGraphVersion.MaxAgeKey] = "0";
        settings["ConnectionStrings:Redis"] = redis;
        settings["Analytics:CachePrefix"] = $"test-{Guid.NewGuid():N}:";
        return settings;
    }

    [Fact]
    public async Task A_share_changed_through_one_server_is_seen_through_the_other()
    {
        var settings = await SharedStoreAsync();
        await using var first = await ServerHarness.StartAsync(settings);
        await using var second = await ServerHarness.StartAsync(settings);
        const string Query = """{ beneficialOwners(id: "demo-flat-london") { personId lowPercent } }""";

        async Task<double> OfficialShareThrough(ServerHarness server) =>
            (await server.DataAsync(Query))["beneficialOwners"]!.AsArray()
                .Single(o => o!["personId"]!.GetValue<string>() == "demo-serik-akhmetov")!["lowPercent"]!.GetValue<double>();

        Assert.Equal(60, await OfficialShareThrough(first), 9);
        Assert.Equal(60, await OfficialShareThrough(second), 9);

        await first.DataAsync("""
            mutation { updateEdge(input: { id: "demo-e-serik-owns-steppe", reason: "corrected share", properties: { share: 35 } }) { id } }
            """);

        Assert.Equal(35, await OfficialShareThrough(second), 9);
        Assert.Equal(35, await OfficialShareThrough(first), 9);
    }

    [Fact]
    public async Task An_answer_cached_in_Redis_for_the_case_team_is_never_served_to_an_outsider()
    {
        var settings = await SharedStoreAsync();
        await using var first = await ServerHarness.StartAsync(settings);
        await using var second = await ServerHarness.StartAsync(settings);
        await first.DataAsync("""mutation { createUser(input: { username: "commissioner", roles: [COMMISSION], password: "a long enough password" }) { id } }""");
        var outsider = await second.SignInFirstTimeAsync("commissioner", "a long enough password", "the commissioner's own password");
        const string Query = """{ beneficialOwners(id: "demo-flat-london") { personId } }""";

        // The admin's answer (through Steppe Horizon, known from a CARIN answer restricted to the case) is cached first.
        var full = await first.DataAsync(Query);
        Assert.Contains("demo-serik-akhmetov", full.ToJsonString(), StringComparison.Ordinal);

        // Same question, same graph version, other server, shared Redis: the outsider gets the answer for what they may see.
        var seen = await second.DataAsync(Query, token: outsider);
        Assert.DoesNotContain("demo-serik-akhmetov", seen.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("demo-nurlan-akhmetov", seen.ToJsonString(), StringComparison.Ordinal);
    }
}
