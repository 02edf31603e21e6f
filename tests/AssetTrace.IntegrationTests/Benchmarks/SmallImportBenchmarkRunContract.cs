using AssetTrace.Benchmarks.Import;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Benchmarks;

/// <summary>
/// The import benchmark of issue #4 at a few thousand generated nodes, with its own code: BODS and
/// ICIJ files are written, imported in child processes, and on PostgreSQL loaded again with COPY;
/// every record is imported, and the importer and COPY leave the same rows. Agreement only:
/// timing is measured by bench/, never asserted here.
/// </summary>
public abstract class SmallImportBenchmarkRunContract(StoreKind kind)
{
    [Fact]
    public async Task The_importer_takes_every_record_and_COPY_loads_the_same_rows()
    {
        using var work = new TempFolder();
        var options = new ImportBenchOptions
        {
            Nodes = 3_000,
            Scales = [1],
            Seed = 7,
            Stores = [kind],
            Postgres = kind == StoreKind.Postgres ? TestDatabases.ServerConnectionString() : null,
            Work = work["import-bench"],
        };

        var results = await new ImportBench(options, TextWriter.Null).RunAsync("test", CancellationToken.None);

        Assert.Equal(["bods", "icij"], results.Imports.Select(m => m.Format).Order());
        foreach (var m in results.Imports)
        {
            Assert.True(m.Import.Committed, m.Import.FailureReason);
            Assert.True(m.Import.Skipped == 0, string.Join("\n", m.Import.Problems));
            Assert.True(m.Files.Records > 5_000, $"{m.Format}: only {m.Files.Records} records were written.");
            // BODS persons and companies also yield their addresses; an ICIJ row is one item.
            Assert.True(m.Format == "bods" ? m.Import.ItemsRead > m.Files.Records : m.Import.ItemsRead == m.Files.Records, $"{m.Format}: {m.Import.ItemsRead} items of {m.Files.Records} records");
            Assert.Equal(m.Import.NodesCreated, m.Rows["nodes"]);
            Assert.Equal(m.Import.EdgesCreated, m.Rows["edges"]);
            Assert.Equal(m.Import.NodesCreated, m.Rows["node_versions"]);
            Assert.True(m.Import.ResidentPeakBytes >= m.Import.ResidentBeforeBytes);
        }
        if (kind == StoreKind.Postgres)
        {
            Assert.Equal(2, results.Copies.Count);
            Assert.All(results.Copies, c => Assert.Equal(CopyBaseline.Tables, c.Tables.Select(t => t.Table)));
            Assert.True(results.Disagreements().Count == 0, string.Join("\n", results.Disagreements()));
        }
        Assert.StartsWith("# Benchmarks: interchange import", ImportReportWriter.Write(results), StringComparison.Ordinal);
    }
}

public sealed class SqliteSmallImportBenchmarkRunTests() : SmallImportBenchmarkRunContract(StoreKind.Sqlite);

public sealed class PostgresSmallImportBenchmarkRunTests() : SmallImportBenchmarkRunContract(StoreKind.Postgres);
