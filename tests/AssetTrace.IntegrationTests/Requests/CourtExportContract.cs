using AssetTrace.Common;
using AssetTrace.Interchange.Export;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Requests;

/// <summary>An export marked for court is refused while it holds facts that are only intelligence.</summary>
public abstract class CourtExportContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_demo_case_cannot_go_to_court_while_the_CARIN_answer_lacks_consent_but_exports_for_analysis()
    {
        var exporter = _harness.Get<InterchangeExporter>();
        var folder = Path.Combine(_harness.TempFolder("court"), "export");
        var scope = new ExportScope(CaseId: "demo-case", Hops: 1);

        var error = await Assert.ThrowsAsync<UserInputException>(() => exporter.ExportAsync(Viewer.System("test"), "graphml", scope, new FolderTarget(folder, null), default, forCourt: true));

        Assert.Contains(error.Errors, e => e.Field == "edge/demo-e-serik-owns-steppe" && e.Message.Contains("intelligence_only", StringComparison.Ordinal));
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(), "nothing may be written for a refused court export");
        var summary = await exporter.ExportAsync(Viewer.System("test"), "graphml", scope, new FolderTarget(folder, null), default);
        Assert.True(summary.Edges > 0);
    }
}

public sealed class SqliteCourtExportTests() : CourtExportContract(StoreKind.Sqlite);

public sealed class PostgresCourtExportTests() : CourtExportContract(StoreKind.Postgres);
