using AssetTrace.Api.Limits;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Api;

/// <summary>
/// Expensive fields (PDF letters, analyses with paths, imports) per user and for the whole
/// server (#11): a request over a limit runs nothing and gets 429 with Retry-After. Requests
/// still running are stood for by permits taken from the server's own limiter, so nothing
/// depends on timing.
/// </summary>
public abstract class ExpensiveFieldLimitContract(StoreKind kind) : IAsyncLifetime
{
    private const string Analysis = """{ beneficialOwners(id: "demo-flat-london") { name } }""";

    private ServerHarness _server = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task StartAsync(params (string Key, string Value)[] settings)
    {
        var configuration = await TestDatabases.CreateAsync(kind);
        configuration["Demo:Load"] = "true";
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }
        _server = await ServerHarness.StartAsync(configuration, ownsStore: true);
    }

    private ExpensiveFieldLimiter Limiter => _server.Services.GetRequiredService<ExpensiveFieldLimiter>();

    private async Task<string> MyIdAsync(string? token = null) =>
        (await _server.DataAsync("{ me { id } }", token: token))["me"]!["id"]!.GetValue<string>();

    private async Task<string> AnalystTokenAsync()
    {
        await _server.DataAsync("""
            mutation { createUser(input: { username: "analyst2", roles: [ANALYST], password: "a long enough password" }) { id } }
            """);
        return await _server.SignInFirstTimeAsync("analyst2", "a long enough password", "analyst two's own password");
    }

    private async Task<HttpResponseMessage> PostAsync(string query, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return await _server.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_user_with_two_expensive_requests_running_is_refused_a_third_and_others_are_not()
    {
        await StartAsync();
        var me = await MyIdAsync();
        using var first = Limiter.TryAcquire(me, 1);
        using var second = Limiter.TryAcquire(me, 1);
        Assert.True(first.IsGranted && second.IsGranted);

        var refused = await PostAsync(Analysis);
        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter!.Delta);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"RATE_LIMITED\"", body, StringComparison.Ordinal);
        Assert.Contains("you already have 2 requests with expensive fields running (Api:ExpensiveConcurrentPerUser)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", body, StringComparison.Ordinal);

        // Cheap fields are not limited, and another user's analyses run.
        await _server.DataAsync("""{ node(id: "demo-flat-london") { name } }""");
        await _server.DataAsync(Analysis, token: await AnalystTokenAsync());

        // Once one of the user's requests has finished, the next one runs.
        first.Dispose();
        await _server.DataAsync(Analysis);
    }

    [Fact]
    public async Task The_server_runs_only_so_many_expensive_requests_at_once_whoever_sends_them()
    {
        await StartAsync(("Api:ExpensiveConcurrentTotal", "1"));
        using var someoneElse = Limiter.TryAcquire("someone-else", 1);

        var refused = await PostAsync(Analysis);

        Assert.Equal(429, (int)refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("the server is already running 1 requests with expensive fields (Api:ExpensiveConcurrentTotal)",
            await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_gets_so_many_expensive_fields_a_minute_and_is_told_when_to_come_back()
    {
        await StartAsync(("Api:ExpensivePerMinutePerUser", "3"));

        await _server.DataAsync("""
            { beneficialOwners(id: "demo-flat-london") { name } owners(id: "demo-flat-london") { lowPercent }
              shortestPaths(from: "demo-serik-akhmetov", to: "demo-flat-london") { hops } }
            """);
        var refused = await PostAsync(Analysis);

        Assert.Equal(429, (int)refused.StatusCode);
        // One token comes back every 20 seconds at three a minute.
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Contains("more than 3 expensive fields in a minute (Api:ExpensivePerMinutePerUser)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_refused_for_its_cost_takes_no_permit()
    {
        await StartAsync(("Api:ExpensivePerMinutePerUser", "1"));

        // Refused by the alias limit: it must not use up the one analysis this minute.
        var (status, _) = await _server.GraphQLAsync(
            """{ a: beneficialOwners(id: "demo-flat-london") { name } b: beneficialOwners(id: "demo-flat-london") { name } c: beneficialOwners(id: "demo-flat-london") { name } d: beneficialOwners(id: "demo-flat-london") { name } }""");
        Assert.Equal(400, status);

        await _server.DataAsync(Analysis);
    }
}

public sealed class SqliteExpensiveFieldLimitTests() : ExpensiveFieldLimitContract(StoreKind.Sqlite);

public sealed class PostgresExpensiveFieldLimitTests() : ExpensiveFieldLimitContract(StoreKind.Postgres);
