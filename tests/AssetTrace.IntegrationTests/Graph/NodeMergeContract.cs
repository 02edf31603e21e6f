using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Interchange.Import;
using AssetTrace.Interchange.Merges;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Graph;

/// <summary>
/// An accepted merge, written by the store (#12): what moves, what the kept node gains, the version row of every
/// change with the decision's reason, the search keys, and one audit entry for the whole decision.
/// </summary>
public abstract class NodeMergeContract(StoreKind kind) : IAsyncLifetime
{
    private const string Gone = "bods:10478c6cf6de";
    private const string Kept = "typed-jennifer";

    private CoreHarness _harness = null!;

    private Database Db => _harness.Get<Database>();

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<long> CountAsync(string sql) => Db.ReadAsync(c => c.ScalarAsync<long>(null, sql, default), default);

    private Task<string?> TextAsync(string sql) => Db.ReadAsync(c => c.ScalarAsync<string>(null, sql, default), default);

    [Fact]
    public async Task An_accepted_merge_moves_the_edges_keeps_the_names_and_versions_every_change_under_one_audit_entry()
    {
        var analyst = Viewer.System("analyst1");
        var graph = _harness.Get<GraphStore>();
        var provenance = new ProvenanceDraft(SourceKind.ManualEntry, null, null, UsageRestriction.Evidence);
        await graph.CreateNodeAsync(new NodeDraft(NodeKind.Person,
            JsonSerializer.SerializeToElement(new { name = "HEWITSON-SMITH, Jennifer", birthDate = "1978-07-21" }), provenance, Id: Kept), analyst, default);
        await _harness.Get<InterchangeImporter>().ImportPathsAsync("bods", [Fixtures.Path("bods/0.4/bods-package.json")], new ImportOptions("importer1"), null, default);
        // An edge between the two: once they are one node it would join it to itself, so the merge deletes it.
        var between = await graph.CreateEdgeAsync(new EdgeDraft(EdgeKind.AssociateOf, Kept, Gone,
            JsonSerializer.SerializeToElement(new { relationship = "same person?" }), provenance), analyst, default);
        var goneKeys = await Db.ReadAsync(c => c.QueryAsync(null, $"SELECT name_key FROM node_name_keys WHERE node_id = '{Gone}'", r => r.GetString(0), default), default);
        var goneEdges = await CountAsync($"SELECT COUNT(*) FROM edges WHERE NOT deleted AND (source_id = '{Gone}' OR target_id = '{Gone}')");
        var auditBefore = await CountAsync("SELECT COUNT(*) FROM audit_log");
        var seqBefore = await GraphVersion.CurrentAsync(Db, default);
        var merges = _harness.Get<MergeSuggestions>();
        var suggestion = Assert.Single(await merges.ListAsync(analyst, MergeStatus.Open, 10, default));
        Assert.Equal((Gone, Kept), (suggestion.NodeId, suggestion.CandidateId));

        await merges.DecideAsync(suggestion.Id, true, "same passport", analyst, default);

        const string Reason = "'merge accepted: same passport'";
        Assert.Equal(seqBefore + 1, await GraphVersion.CurrentAsync(Db, default));
        // The gone node: deleted, its version says why, it is no longer found by name.
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM nodes WHERE id = '{Gone}' AND deleted AND version = 2 AND change_seq = {seqBefore + 1}"));
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM node_versions WHERE node_id = '{Gone}' AND version = 2 AND change = 'deleted' AND reason = {Reason}"));
        Assert.Equal(0, await CountAsync($"SELECT COUNT(*) FROM node_name_keys WHERE node_id = '{Gone}'"));
        // The kept node: the other's name as an alternate and its nationality, found under the other's name keys too.
        var kept = JsonDocument.Parse((await TextAsync($"SELECT properties FROM nodes WHERE id = '{Kept}'"))!).RootElement;
        Assert.Contains("Jennifer Hewitson-Smith", kept.GetProperty("alternateNames").EnumerateArray().Select(a => a.GetString()));
        Assert.True(kept.TryGetProperty("nationality", out _), kept.GetRawText());
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM nodes WHERE id = '{Kept}' AND NOT deleted AND version = 2 AND change_seq = {seqBefore + 1}"));
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM node_versions WHERE node_id = '{Kept}' AND version = 2 AND change = 'updated' AND reason = {Reason}"));
        var keptKeys = await Db.ReadAsync(c => c.QueryAsync(null, $"SELECT name_key FROM node_name_keys WHERE node_id = '{Kept}'", r => r.GetString(0), default), default);
        Assert.NotEmpty(goneKeys);
        Assert.Subset(keptKeys.ToHashSet(), goneKeys.ToHashSet());
        // The edges: every one moved, the one between them deleted, each with its version row.
        Assert.Equal(0, await CountAsync($"SELECT COUNT(*) FROM edges WHERE NOT deleted AND (source_id = '{Gone}' OR target_id = '{Gone}')"));
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM edges WHERE id = '{between.Id}' AND deleted AND source_id = '{Kept}' AND target_id = '{Kept}'"));
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM edge_versions WHERE edge_id = '{between.Id}' AND version = 2 AND change = 'deleted' AND reason = {Reason}"));
        Assert.Equal(goneEdges, await CountAsync($"SELECT COUNT(*) FROM edge_versions WHERE reason = {Reason}"));
        Assert.Equal(goneEdges, await CountAsync($"SELECT COUNT(*) FROM edges WHERE change_seq = {seqBefore + 1}"));
        Assert.True(goneEdges > 1, $"the fixture's person has edges besides the one between them ({goneEdges})");
        // Later imports of the person's record land on the kept node; the decision is one audit entry, not one per row.
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM interchange_records WHERE record_key = '{Gone}' AND entity_id = '{Kept}'"));
        Assert.Equal(auditBefore + 1, await CountAsync("SELECT COUNT(*) FROM audit_log"));
        Assert.Equal("merge.accepted", await TextAsync("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"));
    }
}

public sealed class SqliteNodeMergeTests() : NodeMergeContract(StoreKind.Sqlite);

public sealed class PostgresNodeMergeTests() : NodeMergeContract(StoreKind.Postgres);
