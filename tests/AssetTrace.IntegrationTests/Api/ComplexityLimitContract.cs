using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Api;

/// <summary>
/// The configured depth and complexity limits (Api:MaxDepth, Api:MaxComplexity) are the ones applied: a query
/// just over each is refused with COMPLEXITY before anything runs, naming the limit and its key as the README
/// says, and the same query passes under the default limits (#12). Both stores.
/// </summary>
public abstract class ComplexityLimitContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync()
    {
        var settings = await TestDatabases.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        settings["Api:MaxDepth"] = "3";
        settings["Api:MaxComplexity"] = "40";
        _server = await ServerHarness.StartAsync(settings, ownsStore: true);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Error(JsonObject body, string part) => body["errors"]![0]![part] is JsonObject o ? o["code"]!.GetValue<string>() : body["errors"]![0]![part]!.GetValue<string>();

    [Fact]
    public async Task A_query_deeper_than_Api_MaxDepth_is_refused_naming_the_limit()
    {
        await _server.DataAsync("""{ node(id: "demo-steppe-horizon") { neighbours { totalCount } } }""");

        var (status, body) = await _server.GraphQLAsync("""{ node(id: "demo-steppe-horizon") { neighbours { items { node { name } } } } }""");

        Assert.Equal((400, "COMPLEXITY"), (status, Error(body, "extensions")));
        Assert.Contains("Api:MaxDepth", Error(body, "message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_costlier_than_Api_MaxComplexity_is_refused_naming_the_limit_and_runs_nothing()
    {
        const string Costly = """{ a: node(id: "demo-flat-london") { name } b: node(id: "demo-yacht-aurora") { name } c: beneficialOwners(id: "demo-flat-london") { name } }""";

        var (status, body) = await _server.GraphQLAsync(Costly);

        Assert.Equal((400, "COMPLEXITY"), (status, Error(body, "extensions")));
        Assert.Contains("Api:MaxComplexity", Error(body, "message"), StringComparison.Ordinal);
        Assert.Null(body["data"]);
        await using var defaults = await ServerHarness.StartAsync(kind);
        Assert.Equal(3, (await defaults.DataAsync(Costly)).Count);
    }
}

public sealed class SqliteComplexityLimitTests() : ComplexityLimitContract(StoreKind.Sqlite);

public sealed class PostgresComplexityLimitTests() : ComplexityLimitContract(StoreKind.Postgres);
