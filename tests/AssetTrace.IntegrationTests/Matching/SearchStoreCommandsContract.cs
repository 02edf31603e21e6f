using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Operations;
using AssetTrace.Operations.Telemetry;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AssetTrace.IntegrationTests.Matching;

/// <summary>
/// A search's store commands do not grow with its hits (#14): the hits' nodes are read in one command, so a search
/// that shows ten people makes as many as one that shows one. The count is the one the server puts on the request's
/// span (<see cref="AssetTraceTelemetry.StoreCommandsTag"/>). On both stores.
/// </summary>
public abstract class SearchStoreCommandsContract(StoreKind kind, ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Surname = "Kemelbekov";
    private static readonly string[] FirstNames = ["Aidar", "Bolat", "Dauren", "Erlan", "Galym", "Kanat", "Marat", "Nurlan", "Olzhas", "Rustem", "Serik", "Timur"];
    private static readonly ProvenanceDraft Open = new(SourceKind.OfficialRegistry, "search fixture", null, UsageRestriction.Evidence);

    private readonly StoreCommandCounts _commands = new();
    private ServerHarness _server = null!;

    public async Task InitializeAsync()
    {
        // Each request reads the change counter itself, so two requests' counts differ only by what they show.
        _server = await ServerHarness.StartAsync(kind, loadDemo: false, settings: new Dictionary<string, string?> { [RecentGraphVersion.MaxAgeKey] = "0" });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _commands.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_search_showing_ten_hits_makes_as_many_store_commands_as_one_showing_one()
    {
        var store = _server.Services.GetRequiredService<GraphStore>();
        foreach (var first in FirstNames)
        {
            await store.CreateNodeAsync(new NodeDraft(NodeKind.Person, JsonSerializer.SerializeToElement(new { name = $"{first} {Surname}" }), Open), Viewer.System("search-fixture"), default);
        }
        await store.CreateNodeAsync(new NodeDraft(NodeKind.Person, JsonSerializer.SerializeToElement(new { name = "Oralbek Unikalbayev" }), Open), Viewer.System("search-fixture"), default);
        // The first search after the writes brings the index up to them: asked apart, under another name.
        await _server.DataAsync("""query SearchWarm { search(query: "Kemelbekov") { totalCount } }""");

        var (one, oneCommands) = await CountedAsync($"SearchOne{kind}", "Oralbek Unikalbayev");
        var (ten, tenCommands) = await CountedAsync($"SearchTen{kind}", Surname);

        Assert.Equal(1, one["totalCount"]!.GetValue<int>());
        Assert.Single(one["nodes"]!.AsArray());
        Assert.Equal(FirstNames.Length, ten["totalCount"]!.GetValue<int>());
        Assert.Equal(10, ten["nodes"]!.AsArray().Count);
        Assert.All(ten["nodes"]!.AsArray(), n => Assert.EndsWith(Surname, n!["name"]!.GetValue<string>(), StringComparison.Ordinal));
        // The change counter and the hits' nodes (on SQLite each read's connection counts its pragmas too):
        // read per hit, ten hits would make at least ten.
        Assert.InRange(oneCommands, 2, 4);
        Assert.Equal(oneCommands, tenCommands);
    }

    private async Task<(JsonNode Search, long Commands)> CountedAsync(string operation, string query)
    {
        var data = await _server.DataAsync($$"""query {{operation}}($q: String!) { search(query: $q, first: 10) { totalCount nodes { id kind name } } }""", new { q = query });
        var commands = await _commands.OfAsync(operation);
        output.WriteLine($"{operation}: {commands} store commands");
        return (data["search"]!, commands);
    }
}

public sealed class SqliteSearchStoreCommandsTests(ITestOutputHelper output) : SearchStoreCommandsContract(StoreKind.Sqlite, output);

public sealed class PostgresSearchStoreCommandsTests(ITestOutputHelper output) : SearchStoreCommandsContract(StoreKind.Postgres, output);
