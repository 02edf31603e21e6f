using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;
using Xunit.Abstractions;

namespace AssetTrace.IntegrationTests.Interchange;

/// <summary>
/// An extra check on the real sample files in ../shared/data, when this machine has them (the main
/// tests use tests/fixtures only). When the folder is missing the test says so in its output and checks nothing else.
/// </summary>
public sealed class SharedSampleDataTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_shared_sample_files_import_cleanly_and_their_counts_match_the_files()
    {
        var root = Fixtures.SharedData("");
        if (root is null)
        {
            output.WriteLine("DID NOT RUN: ../shared/data is not on this machine; only the fixtures in tests/fixtures were checked.");
            return;
        }
        var bods = Directory.EnumerateFiles(Path.Combine(root, "bods"), "*.json", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}examples{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).Order().ToList();
        Assert.NotEmpty(bods);
        foreach (var file in bods)
        {
            var report = await ImportAsync("bods", file);
            Assert.True(report.Committed && report.ProblemCount == 0, $"{file}: {string.Join("; ", report.Problems)}");
        }
        var zala = await ImportAsync("ftm", Path.Combine(root, "ftm/yente/tests/fixtures/dataset/zala/entities.ftm.json"));
        // 91 entities: 28 nodes, 21 links, 41 sanctions, 1 passport (ignored); addressEntity links come on top.
        Assert.Equal((28L, 41L, 0L), (zala.NodesCreated, zala.SanctionListings, zala.ProblemCount));
        var donations = await ImportAsync("ftm", Path.Combine(root, "ftm/yente/tests/fixtures/dataset/parteispenden/entities.ftm.json"));
        Assert.Equal((185L, 0L), (donations.NodesCreated, donations.ProblemCount));
        Assert.True(donations.EdgesCreated >= 290, "all 290 payments");
        var un = await ImportAsync("un-sanctions", Path.Combine(root, "sanctions/un/UN_consolidated.sample.xml"));
        Assert.Equal((67L, 67L, 0L), (un.NodesCreated, un.SanctionListings, un.ProblemCount));
        using var scratch = new TempFolder();
        var icijFolder = scratch.Path;
        File.Copy(Path.Combine(root, "icij/full-oldb/nodes-intermediaries.first200.csv"), Path.Combine(icijFolder, "nodes-intermediaries.csv"));
        File.Copy(Path.Combine(root, "icij/full-oldb/Addresses_small.first200.csv"), Path.Combine(icijFolder, "nodes-addresses.csv"));
        var icij = await ImportAsync("icij", icijFolder);
        Assert.Equal((398L, 0L), (icij.NodesCreated, icij.ProblemCount));
        output.WriteLine($"Checked {bods.Count} BODS examples, 2 FtM files, the UN sample and 2 ICIJ files from {root}.");
    }

    private static async Task<ImportReport> ImportAsync(string format, string path)
    {
        await using var harness = await CoreHarness.StartAsync(StoreKind.Sqlite);
        return await harness.Get<InterchangeImporter>().ImportPathsAsync(format, [path], new ImportOptions("importer1"), null, default);
    }
}
