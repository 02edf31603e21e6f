using AssetTrace.Benchmarks.Reporting;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks.Import;

/// <summary>One import of one file set into one fresh store, as the child process measured it, and the rows it left.</summary>
public sealed record ImportMeasurement(string Format, int Scale, int GeneratedNodes, BenchFiles Files, StoreKind Store, ImportChildResult Import,
    IReadOnlyDictionary<string, long> Rows, double? ServerProcessorSeconds)
{
    public double RecordsPerSecond => Files.Records / Import.Seconds;
}

/// <summary>The COPY baseline for the rows one PostgreSQL import wrote.</summary>
public sealed record CopyMeasurement(string Format, int Scale, IReadOnlyList<CopiedTable> Tables)
{
    public double Seconds => Tables.Sum(t => t.Seconds);

    public double GraphSeconds => Tables.Where(t => CopyBaseline.GraphTables.Contains(t.Table)).Sum(t => t.Seconds);

    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>Everything one run of the import benchmark measured.</summary>
public sealed record ImportBenchResults(
    ImportBenchOptions Options,
    string Command,
    DateTimeOffset Started,
    TimeSpan Duration,
    MachineInfo Machine,
    string? PostgresVersion,
    IReadOnlyList<ImportMeasurement> Imports,
    IReadOnlyList<CopyMeasurement> Copies)
{
    /// <summary>Tables whose row counts differ between a PostgreSQL import and its COPY baseline, as readable lines.</summary>
    public IReadOnlyList<string> Disagreements()
    {
        var lines = new List<string>();
        foreach (var copy in Copies)
        {
            var import = Imports.Single(i => i.Store == StoreKind.Postgres && i.Format == copy.Format && i.Scale == copy.Scale);
            foreach (var table in copy.Tables)
            {
                if (import.Rows.GetValueOrDefault(table.Table) != table.Rows)
                {
                    lines.Add($"{copy.Format} ×{copy.Scale} {table.Table}: the importer wrote {import.Rows.GetValueOrDefault(table.Table):N0} rows, COPY {table.Rows:N0}");
                }
            }
        }
        return lines;
    }
}
