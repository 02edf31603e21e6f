using AssetTrace.Accounts;
using AssetTrace.Cases;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Graph.Bulk;

/// <summary>
/// The bulk writer changes what a re-imported record says, never who may see it (#11, #12): a node an analyst
/// restricted to a case stays restricted when its record comes again with new values.
/// </summary>
public abstract class BulkVisibilityContract(StoreKind kind) : IAsyncLifetime
{
    private const string Person = "bods:10478c6cf6de";

    private CoreHarness _harness = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _harness = await CoreHarness.StartAsync(kind);
        _folder = Directory.CreateTempSubdirectory("assettrace-bulk-visibility-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_re_import_changes_a_restricted_node_but_leaves_it_restricted_to_its_case()
    {
        var admin = Viewer.System("admin");
        var created = await _harness.Get<CaseStore>().CreateAsync(new CaseDraft("BULK-1", "Bulk restricted", "corruption", ["insider"], null), admin, default);
        var importer = _harness.Get<InterchangeImporter>();
        var original = Fixtures.Path("bods/0.4/bods-package.json");
        Assert.True((await importer.ImportPathsAsync("bods", [original], new ImportOptions("importer1"), null, default)).Committed);
        var insider = Viewer.User("insider", [Role.Analyst], [created.Id]);
        var outsider = Viewer.User("outsider", [Role.Analyst], []);
        await _harness.Get<GraphStore>().UpdateNodeAsync(new Patch(Person, "the case's own lead",
            Provenance: new ProvenanceDraft(SourceKind.BulkImport, null, null, UsageRestriction.Evidence, created.Id)), insider, default);
        var queries = _harness.Get<GraphQueries>();
        Assert.Null(await queries.GetNodeAsync(outsider, Person, default));

        // The same record again, with a new spelling of the name: the node takes it, and keeps its restriction.
        var changed = Path.Combine(_folder, "bods-package-corrected.json");
        await File.WriteAllTextAsync(changed, (await File.ReadAllTextAsync(original)).Replace("Jennifer Hewitson-Smith", "Jennifer Hewitson-Smyth", StringComparison.Ordinal));
        var report = await importer.ImportPathsAsync("bods", [changed], new ImportOptions("importer1"), null, default);

        Assert.True(report.Committed, report.FailureReason);
        Assert.True(report.NodesUpdated >= 1, $"{report.NodesUpdated} nodes updated");
        var seen = await queries.GetNodeAsync(insider, Person, default);
        Assert.NotNull(seen);
        Assert.Contains("Smyth", seen.Name, StringComparison.Ordinal);
        Assert.Equal(created.Id, seen.Provenance.CaseId);
        Assert.Null(await queries.GetNodeAsync(outsider, Person, default));
        Assert.Equal(created.Id, await _harness.Get<Database>().ReadAsync(c =>
            c.ScalarAsync<string>(null, "SELECT restricted_case FROM nodes WHERE id = @id", default, ("id", Person)), default));
    }
}

public sealed class SqliteBulkVisibilityTests() : BulkVisibilityContract(StoreKind.Sqlite);

public sealed class PostgresBulkVisibilityTests() : BulkVisibilityContract(StoreKind.Postgres);
