using AssetTrace.Api;
using AssetTrace.Api.Limits;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Api;

/// <summary>
/// The answer's size is counted while it is built, so execution stops at the limit rather than
/// after building everything (#11). Runs GraphQL.NET as the endpoint does, on the server's
/// services; the count does not depend on the store, so SQLite only.
/// </summary>
public sealed class ResponseSizeTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(StoreKind.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(ExecutionResult Result, RequestBudget Budget, string Json)> ExecuteAsync(string query, int maxBytes)
    {
        var budget = new RequestBudget("tester", maxBytes);
        using var scope = _server.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<AssetTraceSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            RequestServices = scope.ServiceProvider,
            User = new System.Security.Claims.ClaimsPrincipal(),
            UserContext = new Dictionary<string, object?> { [RequestBudget.Key] = budget },
            ValidationRules = scope.ServiceProvider.GetRequiredService<QueryLimits>().Rules(),
        });
        var json = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
        return (result, budget, json);
    }

    private static string Introspection => File.ReadAllText(Interchange.Fixtures.Path("introspection/graphiql.graphql"));

    [Fact]
    public async Task The_count_follows_the_size_of_the_written_answer()
    {
        var (result, budget, json) = await ExecuteAsync(Introspection, 10_000_000);

        Assert.Null(result.Errors);
        var written = System.Text.Encoding.UTF8.GetByteCount(json);
        Assert.InRange(budget.ResponseBytes, written * 0.8, written * 1.2);
    }

    [Fact]
    public async Task Execution_stops_once_the_answer_passes_the_limit()
    {
        var (result, budget, _) = await ExecuteAsync(Introspection, 20_000);

        Assert.True(budget.ResponseTooLarge);
        // It stopped soon after the limit: the whole answer is over 100 KB.
        Assert.InRange(budget.ResponseBytes, 20_000, 40_000);
        Assert.Contains(result.Errors!, e => e.Code == ResponseSize.Code);
    }
}
