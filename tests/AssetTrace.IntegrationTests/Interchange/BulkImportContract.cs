using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Interchange.Import;
using AssetTrace.Matching;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Interchange;

/// <summary>The bulk import path (issue #4) on both stores: provenance, audit, idempotence, all or nothing.</summary>
public abstract class BulkImportContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    protected InterchangeImporter Importer => _harness.Get<InterchangeImporter>();

    protected Database Db => _harness.Get<Database>();

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static readonly ImportOptions Lenient = new("importer1");

    private Task<ImportReport> ImportAsync(string format, string path, ImportOptions? options = null) =>
        Importer.ImportPathsAsync(format, [path], options ?? Lenient, null, default);

    private Task<long> CountAsync(string sql) => Db.ReadAsync(c => c.ScalarAsync<long>(null, sql, default), default);

    [Fact]
    public async Task A_BODS_package_becomes_nodes_and_edges_with_provenance_versions_and_one_audit_entry()
    {
        var before = await GraphVersion.CurrentAsync(Db, default);

        var report = await ImportAsync("bods", Fixtures.Path("bods/0.4/bods-package.json"));

        Assert.True(report.Committed, report.FailureReason);
        Assert.Equal(0, report.ProblemCount);
        // 1 entity, 1 person, 1 address of the person; the shareholding and REGISTERED_AT.
        Assert.Equal(3, report.NodesCreated);
        Assert.Equal(2, report.EdgesCreated);
        var person = await _harness.Get<GraphQueries>().GetNodeAsync(Viewer.System("test"), "bods:10478c6cf6de", default);
        Assert.NotNull(person);
        Assert.Equal("Jennifer Hewitson-Smith", person.Name);
        Assert.Equal(SourceKind.BulkImport, person.Provenance.Source);
        Assert.Equal("bods:bods-package.json#10478c6cf6de", person.Provenance.Reference);
        Assert.Equal(UsageRestriction.Evidence, person.Provenance.Restriction);
        Assert.Equal("GB", person.Properties.GetProperty("nationality").GetString());
        var owns = await _harness.Get<GraphQueries>().GetEdgeAsync(Viewer.System("test"), "bods:93b53022ae6a.shareholding.0", default);
        Assert.NotNull(owns);
        Assert.Equal(EdgeKind.Owns, owns.Kind);
        Assert.Equal(ShareRange.Exact(100), owns.Share);
        Assert.Equal(new DateOnly(2016, 4, 6), owns.ValidFrom);

        var seq = await GraphVersion.CurrentAsync(Db, default);
        Assert.Equal(before + 1, seq);
        Assert.Equal(3, await CountAsync($"SELECT COUNT(*) FROM nodes WHERE change_seq = {seq}"));
        Assert.Equal(2, await CountAsync($"SELECT COUNT(*) FROM edges WHERE change_seq = {seq}"));
        Assert.Equal(5, await CountAsync("SELECT COUNT(*) FROM node_versions") + await CountAsync("SELECT COUNT(*) FROM edge_versions"));
        var entries = await _harness.Get<AuditLog>().ListAsync(null, null, 100, default);
        // One entry for the run, none per row (the store's own start-up entries aside).
        var entry = Assert.Single(entries, e => e.Action.StartsWith("import.", StringComparison.Ordinal) || e.Action.StartsWith("node.", StringComparison.Ordinal) || e.Action.StartsWith("edge.", StringComparison.Ordinal));
        Assert.Equal("import.completed", entry.Action);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal("bods", after.RootElement.GetProperty("format").GetString());
        Assert.Equal(64, after.RootElement.GetProperty("files")[0].GetProperty("sha256").GetString()!.Length);
        Assert.Equal(3, after.RootElement.GetProperty("counts").GetProperty("nodesCreated").GetInt64());
        Assert.True((await _harness.Get<AuditLog>().VerifyAsync(default)).Intact);
        // The name keys the bulk path writes are what duplicate suggestions look candidates up by, and the matcher finds the name.
        Assert.True(await CountAsync("SELECT COUNT(*) FROM node_name_keys WHERE node_id = 'bods:10478c6cf6de'") > 0);
        Assert.Equal(["bods:10478c6cf6de"], (await _harness.Get<NameSearch>().SearchAsync(Viewer.System("test"), "Hewitson", null, null, 10, null, default)).Nodes.Select(n => n.Id));
    }

    [Fact]
    public async Task Importing_the_same_file_again_creates_nothing_new_and_changes_nothing()
    {
        await ImportAsync("bods", Fixtures.Path("bods/0.4/fermcat.json"));
        var nodes = await CountAsync("SELECT COUNT(*) FROM nodes");
        var edges = await CountAsync("SELECT COUNT(*) FROM edges");
        var versions = await CountAsync("SELECT COUNT(*) FROM node_versions") + await CountAsync("SELECT COUNT(*) FROM edge_versions");

        var again = await ImportAsync("bods", Fixtures.Path("bods/0.4/fermcat.json"));

        Assert.True(again.Committed);
        Assert.Equal(0, again.NodesCreated + again.NodesUpdated + again.EdgesCreated + again.EdgesUpdated);
        Assert.Equal(nodes, await CountAsync("SELECT COUNT(*) FROM nodes"));
        Assert.Equal(edges, await CountAsync("SELECT COUNT(*) FROM edges"));
        Assert.Equal(versions, await CountAsync("SELECT COUNT(*) FROM node_versions") + await CountAsync("SELECT COUNT(*) FROM edge_versions"));
    }

    [Fact]
    public async Task BODS_history_in_one_file_leaves_the_latest_state_of_each_record()
    {
        var report = await ImportAsync("bods", Fixtures.Path("bods/0.4/fermcat.json"));

        var queries = _harness.Get<GraphQueries>();
        // Patrick O'Donohue's holding went from 50 to 100 % in the last statement about it.
        var patrick = await queries.GetEdgeAsync(Viewer.System("test"), "bods:rel-3fc02d9b6bdfd5ca.shareholding.0", default);
        Assert.Equal(ShareRange.Exact(100), patrick!.Share);
        // Riyadh Byrne-Amin's holding was closed with an end date.
        var riyadh = await queries.GetEdgeAsync(Viewer.System("test"), "bods:rel-b05e7c91e0a04e4f.shareholding.0", default);
        Assert.Equal(new DateOnly(2021, 4, 3), riyadh!.ValidTo);
        var history = await queries.EdgeHistoryAsync(Viewer.System("test"), "bods:rel-3fc02d9b6bdfd5ca.shareholding.0", default);
        Assert.True(history.Count >= 2, "the change from 50 to 100 % is kept as a version");
        // Every item is accounted for.
        Assert.Equal(report.ItemsRead, report.NodesCreated + report.NodesUpdated + report.NodesUnchanged + report.EdgesCreated + report.EdgesUpdated
            + report.EdgesUnchanged + report.Superseded + report.SanctionListings + report.Outdated + report.Skipped);
    }

    [Fact]
    public async Task A_BODS_0_3_statement_that_replaces_another_takes_over_its_edge()
    {
        await ImportAsync("bods", Fixtures.Path("bods/0.3/1-single-direct.json"));
        var first = await _harness.Get<GraphQueries>().GetEdgeAsync(Viewer.System("test"), "bods:fbfd0547-d0c6-4a00-b559-5c5e91c34f5c.shareholding.0", default);
        Assert.Equal(ShareRange.Exact(100), first!.Share);

        var update = await ImportAsync("bods", Fixtures.Path("bods/0.3/2-single-update.json"));

        Assert.Equal(2, update.Superseded);
        var replaced = await _harness.Get<GraphQueries>().GetEdgeAsync(Viewer.System("test"), "bods:fbfd0547-d0c6-4a00-b559-5c5e91c34f5c.shareholding.0", default);
        Assert.Equal(ShareRange.Exact(50), replaced!.Share);
        Assert.Equal(2, replaced.Stamp.Version);
        var unspecified = await _harness.Get<GraphQueries>().GetEdgeAsync(Viewer.System("test"), "bods:30e9def3-fa2e-428a-9a02-f43b2a6d5c2e.shareholding.0", default);
        Assert.Equal(ShareRange.Exact(50), unspecified!.Share);
        Assert.StartsWith("Unspecified interested party", (await _harness.Get<GraphQueries>().GetNodeAsync(Viewer.System("test"), unspecified.SourceId, default))!.Name);
        // Reading the older file again does not undo the replacement.
        await ImportAsync("bods", Fixtures.Path("bods/0.3/1-single-direct.json"));
        Assert.Equal(ShareRange.Exact(50), (await _harness.Get<GraphQueries>().GetEdgeAsync(Viewer.System("test"), replaced.Id, default))!.Share);
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM edges WHERE kind = 'OWNS' AND NOT deleted"));
    }

    [Fact]
    public async Task Strict_mode_stops_at_the_first_bad_record_and_leaves_the_graph_as_it_was()
    {
        var path = _harness.TempFile("broken.jsonl", string.Join('\n',
            """{"statementId":"s1","recordId":"e1","recordType":"entity","recordStatus":"new","statementDate":"2024-01-01","recordDetails":{"entityType":{"type":"registeredEntity"},"name":"First Ltd"}}""",
            """{"statementId":"s2","recordId":"p1","recordType":"person","statementDate":"2024-01-01","recordDetails":{"personType":"person","names":[{"fullName":"X"}]}}""",
            """{"statementId":"s3","recordId":"e2","recordType":"entity","statementDate":"2024-01-01","recordDetails":{"entityType":{"type":"registeredEntity"},"name":"Third Ltd"}}"""));
        var version = await GraphVersion.CurrentAsync(Db, default);

        var strict = await ImportAsync("bods", path, Lenient with { Strict = true });

        Assert.False(strict.Committed);
        var problem = Assert.Single(strict.Problems);
        Assert.Equal("broken.jsonl", problem.Location.File);
        Assert.Equal(2, problem.Location.Line);
        Assert.Contains("personType 'person'", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM nodes"));
        Assert.Equal(version, await GraphVersion.CurrentAsync(Db, default));
        var entry = Assert.Single(await _harness.Get<AuditLog>().ListAsync(null, null, 10, default), e => e.Action.StartsWith("import.", StringComparison.Ordinal));
        Assert.Equal("import.failed", entry.Action);

        var lenient = await ImportAsync("bods", path);

        Assert.True(lenient.Committed);
        Assert.Equal(2, lenient.NodesCreated);
        Assert.Equal(1, lenient.Skipped);
        Assert.Equal(3, lenient.ItemsRead);
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM nodes"));
    }

    [Fact]
    public async Task A_truncated_JSON_array_is_reported_with_its_line_and_nothing_is_written()
    {
        var text = File.ReadAllText(Fixtures.Path("bods/0.4/fermcat.json"));
        var path = _harness.TempFile("truncated.json", text[..(text.Length * 2 / 3)]);

        var report = await ImportAsync("bods", path);

        Assert.False(report.Committed);
        Assert.Contains("cannot be read", report.FailureReason, StringComparison.Ordinal);
        Assert.True(report.Problems.Single().Location.Line > 1);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM nodes"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM interchange_records"));
    }

    [Fact]
    public async Task Dangling_references_are_reported_and_forward_references_resolved()
    {
        var path = _harness.TempFile("order.jsonl", string.Join('\n',
            """{"statementId":"r","recordId":"rel1","recordType":"relationship","statementDate":"2024-01-01","recordDetails":{"subject":"e1","interestedParty":"p1","interests":[{"type":"shareholding","share":{"minimum":25,"maximum":50}}]}}""",
            """{"statementId":"r2","recordId":"rel2","recordType":"relationship","statementDate":"2024-01-01","recordDetails":{"subject":"e1","interestedParty":"nobody","interests":[{"type":"shareholding"}]}}""",
            """{"statementId":"e","recordId":"e1","recordType":"entity","statementDate":"2024-01-01","recordDetails":{"entityType":{"type":"registeredEntity"},"name":"Later Ltd"}}""",
            """{"statementId":"p","recordId":"p1","recordType":"person","statementDate":"2024-01-01","recordDetails":{"personType":"knownPerson","names":[{"fullName":"Ann Later"}]}}"""));

        var report = await ImportAsync("bods", path);

        Assert.True(report.Committed);
        Assert.Equal(1, report.EdgesCreated);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(2, problem.Location.Line);
        Assert.Contains("'nobody'", problem.Reason, StringComparison.Ordinal);
        var edge = await _harness.Get<GraphQueries>().GetEdgeAsync(Viewer.System("test"), "bods:rel1.shareholding.0", default);
        Assert.Equal(new ShareRange(25, 50), edge!.Share);
    }

    [Fact]
    public async Task A_company_with_the_same_registration_number_is_matched_not_duplicated()
    {
        var typed = await _harness.Get<GraphStore>().CreateNodeAsync(new NodeDraft(NodeKind.Company,
            JsonSerializer.SerializeToElement(new { name = "PROFITECH LIMITED", jurisdiction = "GB", registrationNumber = "2063384560" }),
            new ProvenanceDraft(SourceKind.OfficialRegistry, "Companies House", null, UsageRestriction.Evidence), Id: "typed-profitech"), Viewer.System("analyst1"), default);

        var report = await ImportAsync("bods", Fixtures.Path("bods/0.4/bods-package.json"));

        Assert.Equal(1, report.NodesMatched);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM nodes WHERE id = 'bods:c359f58d2977'"));
        var node = await _harness.Get<GraphQueries>().GetNodeAsync(Viewer.System("test"), typed.Id, default);
        Assert.Equal("PROFITECH LIMITED", node!.Name);
        Assert.Equal(SourceKind.OfficialRegistry, node.Provenance.Source);
        Assert.Contains("Profitech Ltd", node.Properties.GetProperty("alternateNames").EnumerateArray().Select(a => a.GetString()));
        var owns = await _harness.Get<GraphQueries>().GetEdgeAsync(Viewer.System("test"), "bods:93b53022ae6a.shareholding.0", default);
        Assert.Equal(typed.Id, owns!.TargetId);
    }

    [Fact]
    public async Task A_person_with_the_same_name_and_birth_month_becomes_a_suggested_merge_not_a_merge()
    {
        await _harness.Get<GraphStore>().CreateNodeAsync(new NodeDraft(NodeKind.Person,
            JsonSerializer.SerializeToElement(new { name = "HEWITSON-SMITH, Jennifer", birthDate = "1978-07-21" }),
            new ProvenanceDraft(SourceKind.ManualEntry, null, null, UsageRestriction.Evidence), Id: "typed-jennifer"), Viewer.System("analyst1"), default);

        var report = await ImportAsync("bods", Fixtures.Path("bods/0.4/bods-package.json"));

        Assert.Equal(1, report.MergesSuggested);
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM nodes WHERE kind = 'Person' AND NOT deleted"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM merge_suggestions WHERE node_id = 'bods:10478c6cf6de' AND candidate_id = 'typed-jennifer' AND status = 'open'"));
    }

    [Fact]
    public async Task The_restriction_of_an_import_is_the_callers_choice()
    {
        await ImportAsync("bods", Fixtures.Path("bods/0.4/bods-package.json"), Lenient with { Restriction = UsageRestriction.IntelligenceOnly });

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM nodes WHERE restriction <> 'intelligence_only'"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM edges WHERE restriction <> 'intelligence_only'"));
    }
}

public sealed class SqliteBulkImportTests() : BulkImportContract(StoreKind.Sqlite);

public sealed class PostgresBulkImportTests() : BulkImportContract(StoreKind.Postgres);
