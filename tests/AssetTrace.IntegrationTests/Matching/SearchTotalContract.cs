using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Matching;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Matching;

/// <summary>
/// A search's total is exact up to AssetTrace:Matching:ExactTotal and "more than" that beyond it, and a page further on
/// counts exactly up to its own end, so paging on never shows a total below what was already shown; on both stores.
/// </summary>
public abstract class SearchTotalContract(StoreKind kind) : IAsyncLifetime
{
    private const string Surname = "Zhumabekov";
    private const int Holders = 12;
    private const int ExactTotal = 5;
    private ServerHarness _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerHarness.StartAsync(kind, loadDemo: false, settings: new Dictionary<string, string?>
        {
            [$"{MatchingOptions.Section}:{nameof(MatchingOptions.ExactTotal)}"] = ExactTotal.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var store = _server.Services.GetRequiredService<GraphStore>();
        var open = new ProvenanceDraft(SourceKind.OfficialRegistry, "total fixture", null, UsageRestriction.Evidence);
        for (var i = 0; i < Holders; i++)
        {
            await store.CreateNodeAsync(new NodeDraft(NodeKind.Person, JsonSerializer.SerializeToElement(new { name = $"Person{(char)('A' + i)} {Surname}" }), open),
                Viewer.System("total-fixture"), default);
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_first_page_says_more_than_the_exact_total_and_the_last_page_counts_every_holder()
    {
        var first = await PageAsync(null);
        var second = await PageAsync(first["endCursor"]!.GetValue<string>());
        var third = await PageAsync(second["endCursor"]!.GetValue<string>());

        Assert.Equal((ExactTotal, false, $"more than {ExactTotal}"), Total(first));
        Assert.Equal((8, false, "more than 8"), Total(second));
        Assert.Equal((Holders, true, $"{Holders}"), Total(third));
        Assert.False(third["hasNextPage"]!.GetValue<bool>());
        // The pages together hold every holder once.
        var names = new[] { first, second, third }.SelectMany(p => p["results"]!.AsArray().Select(r => r!["node"]!["name"]!.GetValue<string>())).ToList();
        Assert.Equal(Holders, names.Distinct().Count());
        Assert.All(names, n => Assert.EndsWith(Surname, n, StringComparison.Ordinal));
    }

    private async Task<JsonNode> PageAsync(string? after) =>
        (await _server.DataAsync("""
            query($q: String!, $after: String) { search(query: $q, first: 4, after: $after) {
              totalCount total { count exact text } endCursor hasNextPage results { node { name } } } }
            """, new { q = Surname, after }))["search"]!;

    private static (int Count, bool Exact, string Text) Total(JsonNode page) =>
        (page["total"]!["count"]!.GetValue<int>(), page["total"]!["exact"]!.GetValue<bool>(), page["total"]!["text"]!.GetValue<string>());
}

public sealed class SqliteSearchTotalTests() : SearchTotalContract(StoreKind.Sqlite);

public sealed class PostgresSearchTotalTests() : SearchTotalContract(StoreKind.Postgres);
