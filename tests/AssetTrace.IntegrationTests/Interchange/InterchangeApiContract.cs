using System.Text.Json;
using AssetTrace.Accounts;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Interchange.Merges;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Interchange;

/// <summary>The interchange mutations over HTTP on both stores: uploads, role gates, merge decisions.</summary>
public abstract class InterchangeApiContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind, loadDemo: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private const string Import = """
        mutation ($content: String!, $strict: Boolean) {
          importFile(format: "bods", fileName: "upload.json", content: $content, strict: $strict, restriction: INTELLIGENCE_ONLY) {
            committed failureReason sha256 counts problemCount problems { file line record reason }
          }
        }
        """;

    [Fact]
    public async Task An_uploaded_BODS_file_is_imported_with_the_chosen_restriction()
    {
        var content = File.ReadAllText(Fixtures.Path("bods/0.4/bods-package.json"));

        var data = await _server.DataAsync(Import, new { content });

        var report = data["importFile"]!;
        Assert.True(report["committed"]!.GetValue<bool>());
        Assert.Equal(3, report["counts"]!["nodesCreated"]!.GetValue<long>());
        Assert.Equal(64, report["sha256"]!.GetValue<string>().Length);
        var person = await _server.Services.GetRequiredService<GraphQueries>().GetNodeAsync(Viewer.System("test"), "bods:10478c6cf6de", default);
        Assert.Equal(UsageRestriction.IntelligenceOnly, person!.Provenance.Restriction);
        Assert.Equal("bods:upload.json#10478c6cf6de", person.Provenance.Reference);
    }

    [Fact]
    public async Task A_broken_upload_in_strict_mode_reports_the_line_and_writes_nothing()
    {
        var content = "{\"statementId\":\"s\",\"recordId\":\"e1\",\"recordType\":\"entity\",\"statementDate\":\"2024-01-01\",\"recordDetails\":{\"entityType\":{\"type\":\"registeredEntity\"},\"name\":\"A Ltd\"}}\n{\"recordId\": broken}\n";

        var report = (await _server.DataAsync(Import, new { content, strict = true }))["importFile"]!;

        Assert.False(report["committed"]!.GetValue<bool>());
        Assert.Equal(2, report["problems"]![0]!["line"]!.GetValue<int>());
        Assert.Equal(0, await _server.Services.GetRequiredService<Database>().ReadAsync(c => c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM nodes", default), default));
    }

    [Fact]
    public async Task Officers_may_not_import()
    {
        await _server.Services.GetRequiredService<AccountStore>().CreateUserAsync("officer1", "Officer", [Role.Officer], "officer-password-123", "tester", default);
        var token = await _server.SignInAsync("officer1", "officer-password-123");

        var (status, body) = await _server.GraphQLAsync(Import, new { content = "[]" }, token);

        Assert.Equal(200, status);
        Assert.Equal("FORBIDDEN", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Accepting_a_suggested_merge_moves_the_edges_and_is_audited()
    {
        await _server.Services.GetRequiredService<GraphStore>().CreateNodeAsync(new NodeDraft(NodeKind.Person,
            JsonSerializer.SerializeToElement(new { name = "Jennifer Hewitson Smith", birthDate = "1978-07-21" }),
            new ProvenanceDraft(SourceKind.ManualEntry, null, null, UsageRestriction.Evidence), Id: "typed-jennifer"), Viewer.System("tester"), default);
        await _server.DataAsync(Import, new { content = File.ReadAllText(Fixtures.Path("bods/0.4/bods-package.json")) });
        var suggestion = Assert.Single(await _server.Services.GetRequiredService<MergeSuggestions>().ListAsync(Viewer.System("test"), MergeStatus.Open, 10, default));

        var data = await _server.DataAsync("""
            mutation ($id: ID!) { decideMergeSuggestion(id: $id, accept: true, note: "same passport photo") { status decidedBy candidate { id name } } }
            """, new { id = suggestion.Id });

        Assert.Equal("ACCEPTED", data["decideMergeSuggestion"]!["status"]!.GetValue<string>());
        var queries = _server.Services.GetRequiredService<GraphQueries>();
        Assert.Null(await queries.GetNodeAsync(Viewer.System("test"), suggestion.NodeId, default));
        var kept = (await queries.GetNodeAsync(Viewer.System("test"), "typed-jennifer", default))!;
        Assert.Contains("Jennifer Hewitson-Smith", kept.Properties.GetProperty("alternateNames").EnumerateArray().Select(a => a.GetString()));
        var owns = Assert.Single(await queries.EdgesOfAsync(Viewer.System("test"), ["typed-jennifer"], [EdgeKind.Owns], Direction.Outgoing, null, default));
        Assert.Equal("bods:93b53022ae6a.shareholding.0", owns.Id);
        var audit = await _server.Services.GetRequiredService<AssetTrace.Audit.AuditLog>().ListAsync($"merge-suggestion/{suggestion.Id}", null, 5, default);
        Assert.Equal("merge.accepted", Assert.Single(audit).Action);
        Assert.True((await _server.Services.GetRequiredService<AssetTrace.Audit.AuditLog>().VerifyAsync(default)).Intact);
        // Importing the file again lands on the kept node: no duplicate comes back.
        await _server.DataAsync(Import, new { content = File.ReadAllText(Fixtures.Path("bods/0.4/bods-package.json")) });
        Assert.Null(await queries.GetNodeAsync(Viewer.System("test"), suggestion.NodeId, default));
        Assert.Single(await queries.EdgesOfAsync(Viewer.System("test"), ["typed-jennifer"], [EdgeKind.Owns], Direction.Outgoing, null, default));
    }
}

public sealed class SqliteInterchangeApiTests() : InterchangeApiContract(StoreKind.Sqlite);

public sealed class PostgresInterchangeApiTests() : InterchangeApiContract(StoreKind.Postgres);
