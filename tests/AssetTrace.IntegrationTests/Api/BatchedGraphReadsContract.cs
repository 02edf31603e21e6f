using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Operations;
using AssetTrace.Operations.Telemetry;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AssetTrace.IntegrationTests.Api;

/// <summary>
/// The nodes and edges an answer shows are read in batches (#18): a beneficialOwners answer with five paths per owner,
/// and the paths' nodes, edges, provenance and edge ends, makes as many store commands for six owners as for two, and
/// shortestPaths as many for five paths as for one. The count is the one the server puts on the request's span
/// (<see cref="AssetTraceTelemetry.StoreCommandsTag"/>). And a batch is read for its own request's viewer only: a
/// restricted company on a path stays hidden from a user of another case while its case's user is asked at the same time.
/// On both stores.
/// </summary>
public abstract class BatchedGraphReadsContract(StoreKind kind, ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Password = "a long enough password";
    private const string HiddenName = "Batch Hidden Intermediary SA";
    private const int PathsPerOwner = 5;

    private static readonly ProvenanceDraft Open = new(SourceKind.OfficialRegistry, "batch fixture", null, UsageRestriction.Evidence);

    private readonly StoreCommandCounts _commands = new();
    private ServerHarness _server = null!;

    public async Task InitializeAsync()
    {
        // Each request reads the change counter itself, so two requests' counts differ only by what they show (#14).
        _server = await ServerHarness.StartAsync(kind, loadDemo: false, settings: new Dictionary<string, string?> { [RecentGraphVersion.MaxAgeKey] = "0" });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _commands.Dispose();
        GC.SuppressFinalize(this);
    }

    private GraphStore Store => _server.Services.GetRequiredService<GraphStore>();

    private static Viewer Loader => Viewer.System("batch-fixture");

    private static JsonElement Props(object value) => JsonSerializer.SerializeToElement(value);

    [Fact]
    public async Task BeneficialOwners_with_five_paths_each_makes_as_many_store_commands_for_six_owners_as_for_two()
    {
        var small = await OwnedThroughFivePathsEachAsync("small", owners: 2);
        var large = await OwnedThroughFivePathsEachAsync("large", owners: 6);

        var (smallOwners, smallCommands) = await BeneficialOwnersAsync($"BatchOwners{kind}Small", small);
        var (largeOwners, largeCommands) = await BeneficialOwnersAsync($"BatchOwners{kind}Large", large);

        // The answers hold what was asked: every owner, five paths each, every path's nodes and edges with their ends.
        Assert.Equal(2, smallOwners.GetArrayLength());
        Assert.Equal(6, largeOwners.GetArrayLength());
        foreach (var owner in largeOwners.EnumerateArray())
        {
            Assert.Equal(PathsPerOwner, owner.GetProperty("paths").GetArrayLength());
            foreach (var path in owner.GetProperty("paths").EnumerateArray())
            {
                Assert.Equal(3, path.GetProperty("nodes").GetArrayLength());
                Assert.All(path.GetProperty("edges").EnumerateArray(), e =>
                {
                    Assert.Equal("OFFICIAL_REGISTRY", e.GetProperty("provenance").GetProperty("source").GetString());
                    Assert.Equal(JsonValueKind.String, e.GetProperty("source").GetProperty("name").ValueKind);
                    Assert.Equal(JsonValueKind.String, e.GetProperty("target").GetProperty("name").ValueKind);
                });
            }
        }
        // Read per path, 30 paths would make at least 60 commands and 10 paths 20; in batches the count does not grow.
        Assert.InRange(smallCommands, 1, 2 * PathsPerOwner - 1);
        Assert.Equal(smallCommands, largeCommands);
    }

    [Fact]
    public async Task ShortestPaths_makes_as_many_store_commands_for_five_paths_as_for_one()
    {
        var target = await OwnedThroughFivePathsEachAsync("paths", owners: 1);
        const string Owner = "paths-owner-0";

        var (one, oneCommands) = await ShortestPathsAsync($"BatchPaths{kind}One", Owner, target, maxPaths: 1);
        var (five, fiveCommands) = await ShortestPathsAsync($"BatchPaths{kind}Five", Owner, target, maxPaths: 5);

        Assert.Equal(1, one.GetArrayLength());
        Assert.Equal(5, five.GetArrayLength());
        Assert.All(five.EnumerateArray(), p => Assert.Equal(2, p.GetProperty("edges").GetArrayLength()));
        Assert.InRange(oneCommands, 1, 2 * PathsPerOwner - 1);
        Assert.Equal(oneCommands, fiveCommands);
    }

    [Fact]
    public async Task A_restricted_company_on_a_path_stays_hidden_from_another_cases_user_asking_at_the_same_time()
    {
        await _server.DataAsync($$"""mutation { createUser(input: { username: "insider", roles: [ANALYST], password: "{{Password}}" }) { id } }""");
        await _server.DataAsync($$"""mutation { createUser(input: { username: "othercase", roles: [ANALYST], password: "{{Password}}" }) { id } }""");
        var insider = await _server.SignInFirstTimeAsync("insider", Password, "insider's own password");
        var other = await _server.SignInFirstTimeAsync("othercase", Password, "other case's own password");
        var caseId = (await _server.DataAsync("""mutation { createCase(input: { number: "BATCH-1", title: "Batch case", crimeType: "corruption", team: ["insider"] }) { id } }"""))
            ["createCase"]!["id"]!.GetValue<string>();
        await _server.DataAsync("""mutation { createCase(input: { number: "BATCH-2", title: "Other case", crimeType: "fraud", team: ["othercase"] }) { id } }""");

        // An open owner holds the target through an open company and through a company known only to the first case.
        var restricted = Open with { Restriction = UsageRestriction.IntelligenceOnly, Source = SourceKind.NetworkAnswer, CaseId = caseId };
        await NodeAsync(NodeKind.Person, "hv-owner", "Open Ultimate Owner", Open);
        await NodeAsync(NodeKind.Company, "hv-open", "Open Intermediary Ltd", Open);
        await NodeAsync(NodeKind.Company, "hv-hidden", HiddenName, restricted);
        await NodeAsync(NodeKind.Company, "hv-target", "Target Holdings Ltd", Open);
        await EdgeAsync("hv-owner", "hv-open", 100, Open);
        await EdgeAsync("hv-owner", "hv-hidden", 100, restricted);
        await EdgeAsync("hv-open", "hv-target", 50, Open);
        await EdgeAsync("hv-hidden", "hv-target", 50, Open);

        const string Query = """
            { beneficialOwners(id: "hv-target", thresholdPercent: 1, maxPaths: 5) {
                personId lowPercent person { name }
                paths { nodes { id name provenance { source caseId } } edges { id source { id name } target { id name } provenance { caseId } } } } }
            """;
        // Asked side by side, twice each (Api:ExpensiveConcurrentPerUser allows two), so batches of both users are open at the same moment.
        var asked = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => _server.GraphQLAsync(Query, token: i % 2 == 0 ? insider : other)));
        var insiderAnswers = asked.Where((_, i) => i % 2 == 0).Select(a => a.Body.ToJsonString()).ToList();
        var otherAnswers = asked.Where((_, i) => i % 2 == 1).Select(a => a.Body.ToJsonString()).ToList();

        Assert.All(asked, a => Assert.True(a.Status == 200 && a.Body["errors"] is null, a.Body.ToJsonString()));
        // The case's user sees the hidden company on a path, so the answer does go through it…
        Assert.All(insiderAnswers, a => Assert.Contains(HiddenName, a, StringComparison.Ordinal));
        // …and the other case's user sees the owner with the open path only, and nothing of the hidden company.
        Assert.All(otherAnswers, a =>
        {
            Assert.Contains("Open Intermediary Ltd", a, StringComparison.Ordinal);
            Assert.DoesNotContain(HiddenName, a, StringComparison.Ordinal);
            Assert.DoesNotContain("hv-hidden", a, StringComparison.Ordinal);
            Assert.DoesNotContain(caseId, a, StringComparison.Ordinal);
        });
        var owner = Assert.Single(asked[1].Body["data"]!["beneficialOwners"]!.AsArray());
        Assert.Equal(50, owner!["lowPercent"]!.GetValue<double>(), 9);
        Assert.Single(owner["paths"]!.AsArray());
    }

    /// <summary>
    /// A target company owned by <paramref name="owners"/> persons, each through five companies of their own that
    /// hold an equal share of the target: each owner has five paths of two hops.
    /// </summary>
    private async Task<string> OwnedThroughFivePathsEachAsync(string prefix, int owners)
    {
        var target = await NodeAsync(NodeKind.Company, $"{prefix}-target", $"Target {prefix}", Open);
        var share = 100m / (owners * PathsPerOwner);
        for (var o = 0; o < owners; o++)
        {
            var owner = await NodeAsync(NodeKind.Person, $"{prefix}-owner-{o}", $"Owner {prefix} {o}", Open);
            for (var p = 0; p < PathsPerOwner; p++)
            {
                var company = await NodeAsync(NodeKind.Company, $"{prefix}-c-{o}-{p}", $"Holding {prefix} {o}-{p}", Open);
                await EdgeAsync(owner, company, 100, Open);
                await EdgeAsync(company, target, share, Open);
            }
        }
        return target;
    }

    private async Task<string> NodeAsync(NodeKind nodeKind, string id, string name, ProvenanceDraft provenance) =>
        (await Store.CreateNodeAsync(new NodeDraft(nodeKind, Props(new { name }), provenance, Id: id), Loader, default)).Id;

    private async Task EdgeAsync(string from, string to, decimal share, ProvenanceDraft provenance) =>
        await Store.CreateEdgeAsync(new EdgeDraft(EdgeKind.Owns, from, to, Props(new { share }), provenance), Loader, default);

    private Task<(JsonElement Answer, long Commands)> BeneficialOwnersAsync(string operation, string target) =>
        CountedAsync(operation, "beneficialOwners", $$"""
            query {{operation}} { beneficialOwners(id: "{{target}}", thresholdPercent: 1, maxPaths: {{PathsPerOwner}}) {
                personId person { name provenance { source } }
                paths { hops nodes { id name provenance { source reference obtainedAt caseId } }
                        edges { id share { low high } provenance { source reference obtainedAt caseId } source { name } target { name } } } } }
            """);

    private Task<(JsonElement Answer, long Commands)> ShortestPathsAsync(string operation, string from, string to, int maxPaths) =>
        CountedAsync(operation, "shortestPaths", $$"""
            query {{operation}} { shortestPaths(from: "{{from}}", to: "{{to}}", maxPaths: {{maxPaths}}) {
                nodes { id name provenance { source } } edges { id provenance { source } source { name } target { name } } } }
            """);

    /// <summary>Asks twice (the first, under another name, warms the snapshot and the analytics cache) and counts the second's store commands.</summary>
    private async Task<(JsonElement Answer, long Commands)> CountedAsync(string operation, string field, string query)
    {
        await _server.DataAsync(query.Replace($"query {operation} ", $"query {operation}Warm ", StringComparison.Ordinal));
        var data = await _server.DataAsync(query);
        var commands = await _commands.OfAsync(operation);
        output.WriteLine($"{operation}: {commands} store commands");
        return (JsonSerializer.Deserialize<JsonElement>(data[field]!.ToJsonString()), commands);
    }
}

public sealed class SqliteBatchedGraphReadsTests(ITestOutputHelper output) : BatchedGraphReadsContract(StoreKind.Sqlite, output);

public sealed class PostgresBatchedGraphReadsTests(ITestOutputHelper output) : BatchedGraphReadsContract(StoreKind.Postgres, output);
