using System.Diagnostics;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Reporting;
using AssetTrace.Storage;
using Npgsql;

namespace AssetTrace.Benchmarks.Import;

/// <summary>
/// The import benchmark of issue #4: for each scale, the generated graph is written as BODS (by the
/// product's exporter) and as ICIJ CSV; each file set is imported by the product's importer into a
/// fresh SQLite and a fresh PostgreSQL store, each import in a child process of its own; and the rows
/// the PostgreSQL import wrote are loaded again with binary COPY into another fresh database.
/// </summary>
public sealed class ImportBench(ImportBenchOptions options, TextWriter log)
{
    // Databases of this run are named with it, so that two runs on one server do not meet.
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public async Task<ImportBenchResults> RunAsync(string command, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var work = Path.GetFullPath(options.Work);
        Directory.CreateDirectory(work);
        var imports = new List<ImportMeasurement>();
        var copies = new List<CopyMeasurement>();
        foreach (var scale in options.Scales)
        {
            var nodes = options.Nodes * scale;
            log.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] generating {nodes:N0} nodes (seed {options.Seed})");
            var graph = GraphGenerator.Generate(nodes, options.Seed);
            foreach (var format in options.Formats)
            {
                var directory = Path.Combine(work, $"{format}-x{scale}-{_run}");
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
                var files = format == "bods" ? await BodsBenchFile.WriteAsync(graph, directory, ct) : await IcijBenchFiles.WriteAsync(graph, directory, ct);
                log.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {format} ×{scale}: {files.Records:N0} records, {files.Bytes / 1e6:N1} MB");
                foreach (var store in options.Stores)
                {
                    var (measurement, copy) = await MeasureAsync(graph, files, scale, store, work, ct);
                    imports.Add(measurement);
                    log.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}]   {store}: {measurement.Import.Seconds:N1} s, {measurement.RecordsPerSecond:N0} records/s, "
                        + $"peak {measurement.Import.ResidentPeakBytes / 1048576.0:N0} MiB resident; CPU {measurement.Import.ProcessorSeconds:N1} s "
                        + $"(GC pauses {measurement.Import.GcPauseSeconds:N1} s, JIT {measurement.Import.JitSeconds:N1} s), server CPU {measurement.ServerProcessorSeconds:N1} s");
                    if (copy is not null)
                    {
                        copies.Add(copy);
                        log.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}]   COPY of the same {copy.Rows:N0} rows: {copy.Seconds:N1} s");
                    }
                }
                Directory.Delete(directory, recursive: true);
            }
        }
        var version = options.Stores.Contains(StoreKind.Postgres) ? await PostgresVersionAsync(ct) : null;
        return new ImportBenchResults(options, command, started, clock.Elapsed, MachineInfo.Read(), version, imports, copies);
    }

    private async Task<(ImportMeasurement, CopyMeasurement?)> MeasureAsync(GeneratedGraph graph, BenchFiles files, int scale, StoreKind kind, string work, CancellationToken ct)
    {
        var name = $"{files.Format}_x{scale}_{(kind == StoreKind.Sqlite ? "sqlite" : "postgres")}";
        var store = kind == StoreKind.Sqlite
            ? await BenchStore.CreateSqliteAsync(work, ct)
            : await BenchStore.CreatePostgresAsync(options.Postgres!, $"at_import_{files.Format}_x{scale}_{_run}", ct);
        var spec = new ImportChildSpec(files.Format, files.Directory, store.Settings, Path.Combine(work, $"{name}-{_run}.json"));
        var serverBefore = PostgresProcessorTime.Seconds();
        var result = await ImportChildProcess.RunAsync(spec, work, ct);
        var serverSeconds = kind == StoreKind.Postgres ? PostgresProcessorTime.Seconds() - serverBefore : (double?)null;
        if (!result.Committed)
        {
            throw new InvalidOperationException($"the import of {files.Directory} into {kind} was not committed: {result.FailureReason}");
        }
        IReadOnlyDictionary<string, long> rows;
        await using (var database = store.Open())
        {
            rows = await CountRowsAsync(database, ct);
        }
        var measurement = new ImportMeasurement(files.Format, scale, graph.Nodes.Count, files, kind, result, rows, serverSeconds);
        if (kind == StoreKind.Sqlite)
        {
            Directory.Delete(Path.GetDirectoryName(store.SqliteFile)!, recursive: true);
            return (measurement, null);
        }
        var fresh = await BenchStore.CreatePostgresAsync(options.Postgres!, $"at_copy_{files.Format}_x{scale}_{_run}", ct);
        var tables = await CopyBaseline.RunAsync(store.PostgresConnectionString!, fresh.PostgresConnectionString!, Path.Combine(work, $"copy-{_run}"), ct);
        await DropAsync($"at_import_{files.Format}_x{scale}_{_run}", ct);
        await DropAsync($"at_copy_{files.Format}_x{scale}_{_run}", ct);
        return (measurement, new CopyMeasurement(files.Format, scale, tables));
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(Database database, CancellationToken ct)
    {
        var rows = new Dictionary<string, long>();
        foreach (var table in CopyBaseline.Tables)
        {
            rows[table] = await database.ReadAsync(async c => await c.ScalarAsync<long>(null, $"SELECT count(*) FROM {table}", ct), ct);
        }
        return rows;
    }

    private Task DropAsync(string name, CancellationToken ct) => BenchStore.DropPostgresAsync(options.Postgres!, name, ct);

    private async Task<string> PostgresVersionAsync(CancellationToken ct)
    {
        await using var server = new NpgsqlConnection(options.Postgres);
        await server.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SHOW server_version", server);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
