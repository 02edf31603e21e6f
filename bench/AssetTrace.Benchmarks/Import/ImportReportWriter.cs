using System.Globalization;
using System.Text;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks.Import;

/// <summary>The import benchmark's markdown report, a section meant to close docs/BENCHMARKS.md.</summary>
public static class ImportReportWriter
{
    /// <summary>The 10× run's peak may be this much above the 1× run's and still count as flat (memory that grew with the file would be near 10×).</summary>
    public const double FlatMemoryFactor = 1.5;

    public static string Write(ImportBenchResults r)
    {
        var s = new StringBuilder();
        s.AppendLine("# Benchmarks: interchange import");
        s.AppendLine();
        s.AppendLine("Written by `bench/AssetTrace.Benchmarks` in its `import` mode (issue #4); see its README. Every figure comes from the one run described here.");
        s.AppendLine();
        s.AppendLine("## Run");
        s.AppendLine();
        s.AppendLine(F($"- Date: {r.Started:yyyy-MM-dd HH:mm} UTC; the run took {r.Duration.TotalMinutes:N1} minutes."));
        s.AppendLine(F($"- Command (from the repository root): `{r.Command}`"));
        s.AppendLine(F($"- Machine: {r.Machine.Cores} cores ({r.Machine.CpuModel}), {r.Machine.MemoryBytes / 1073741824.0:N1} GiB memory, {r.Machine.OperatingSystem}; load average {r.Machine.LoadAverages} (1, 5, 15 min) as the report was written, the run's own work included."));
        s.AppendLine(F($"- Software: {r.Machine.Runtime}{(r.PostgresVersion is null ? "" : $"; PostgreSQL {r.PostgresVersion}")}."));
        s.AppendLine();
        Files(s, r);
        Rates(s, r);
        Memory(s, r);
        Processor(s, r);
        Targets(s, r);
        Agreement(s, r);
        s.AppendLine("## How it is measured");
        s.AppendLine();
        s.AppendLine("""
            - Files: `GraphGenerator` (the analytics benchmark's generator) makes the graph; BODS 0.4 is written by the product's
              `BodsExporter` (persons, companies with their addresses inline, ownership and directorships); ICIJ CSV in the current
              layout (`node_id`, `node_id_start`, `node_id_end`) holds companies, persons, addresses and shareholder, director,
              registered-address and family relationships, with dates in three of the formats ICIJ mixes.
            - Import: `InterchangeImporter.ImportPathsAsync` with the services the `assettrace import` command builds, into a fresh
              migrated store, in a child process of its own with the workstation garbage collector (the product's setting). Time is
              from the call to its return: reading and parsing the files, validation, nodes, edges, versions, search keys,
              identifiers, record maps, the audit entry and the commit of the run's one transaction.
            - Memory: the child's peak resident set (VmHWM) before the import began (runtime, services) and after it, and its managed
              heap sampled every 20 ms.
            - CPU: the child's processor time, pauses of its collector and time in the JIT compiler (.NET's own counters) over the
              import; PostgreSQL's is the user and system time of every `postgres` process and of the backends they reaped
              (/proc), so the server's background writers count too.
            - COPY baseline (PostgreSQL): the rows the import wrote to `nodes`, `edges`, `node_name_keys`, `node_versions`,
              `edge_versions`, `interchange_records` and `interchange_identifiers` are read out with `COPY … TO` (not timed) and written
              with binary `COPY … FROM` into the same tables of another fresh migrated database, indexes and foreign keys in place,
              in one transaction, commit included. "nodes + edges" is the part of that time spent on the two graph tables.
            - Rates are the file's records per second for both, so importer ÷ COPY is COPY's time over the importer's.
            """);
        return s.ToString();
    }

    private static void Files(StringBuilder s, ImportBenchResults r)
    {
        s.AppendLine("## Files");
        s.AppendLine();
        s.AppendLine("| format | scale | generated nodes | records in the files | size, MB |");
        s.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var m in r.Imports.DistinctBy(m => (m.Format, m.Scale)))
        {
            s.AppendLine(F($"| {m.Format} | ×{m.Scale} | {m.GeneratedNodes:N0} | {m.Files.Records:N0} | {m.Files.Bytes / 1e6:N1} |"));
        }
        s.AppendLine();
    }

    private static void Rates(StringBuilder s, ImportBenchResults r)
    {
        s.AppendLine("## Import rate");
        s.AppendLine();
        s.AppendLine("Records per second (seconds in brackets).");
        s.AppendLine();
        s.AppendLine("| format | records | SQLite import | PostgreSQL import | PostgreSQL COPY, every row the import wrote | … nodes + edges only | PostgreSQL import ÷ COPY (every row / nodes + edges) |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in r.Imports.GroupBy(m => (m.Format, m.Scale)))
        {
            var records = group.First().Files.Records;
            var sqlite = group.FirstOrDefault(m => m.Store == StoreKind.Sqlite);
            var postgres = group.FirstOrDefault(m => m.Store == StoreKind.Postgres);
            var copy = r.Copies.FirstOrDefault(c => c.Format == group.Key.Format && c.Scale == group.Key.Scale);
            string Rate(double seconds) => F($"{records / seconds:N0} ({seconds:N1})");
            var ratio = postgres is null || copy is null ? "–" : F($"{copy.Seconds / postgres.Import.Seconds:N2} / {copy.GraphSeconds / postgres.Import.Seconds:N2}");
            s.AppendLine(F($"| {group.Key.Format} ×{group.Key.Scale} | {records:N0} | {(sqlite is null ? "–" : Rate(sqlite.Import.Seconds))} | {(postgres is null ? "–" : Rate(postgres.Import.Seconds))} | {(copy is null ? "–" : Rate(copy.Seconds))} | {(copy is null ? "–" : Rate(copy.GraphSeconds))} | {ratio} |"));
        }
        s.AppendLine();
    }

    private static void Memory(StringBuilder s, ImportBenchResults r)
    {
        s.AppendLine("## Memory");
        s.AppendLine();
        s.AppendLine("The import's child process, MiB.");
        s.AppendLine();
        s.AppendLine("| format | store | records | resident before the import | peak resident | managed heap, peak |");
        s.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var m in r.Imports.OrderBy(m => m.Format).ThenBy(m => m.Store).ThenBy(m => m.Scale))
        {
            s.AppendLine(F($"| {m.Format} ×{m.Scale} | {Store(m.Store)} | {m.Files.Records:N0} | {Mib(m.Import.ResidentBeforeBytes)} | {Mib(m.Import.ResidentPeakBytes)} | {Mib(m.Import.ManagedPeakBytes)} |"));
        }
        s.AppendLine();
    }

    private static void Processor(StringBuilder s, ImportBenchResults r)
    {
        s.AppendLine("## Where the time goes");
        s.AppendLine();
        s.AppendLine("Seconds of CPU during each import: the importer's process (all its threads: parsing ahead, applying, the JIT compiler and the");
        s.AppendLine("collector), and every PostgreSQL process. Two cores give at most twice the elapsed time.");
        s.AppendLine();
        s.AppendLine("| format | store | elapsed | importer CPU | … collector pauses | … JIT compiling | PostgreSQL CPU |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var m in r.Imports.OrderBy(m => m.Format).ThenBy(m => m.Store).ThenBy(m => m.Scale))
        {
            var server = m.ServerProcessorSeconds is { } seconds ? F($"{seconds:N1}") : "–";
            s.AppendLine(F($"| {m.Format} ×{m.Scale} | {Store(m.Store)} | {m.Import.Seconds:N1} | {m.Import.ProcessorSeconds:N1} | {m.Import.GcPauseSeconds:N1} | {m.Import.JitSeconds:N1} | {server} |"));
        }
        s.AppendLine();
    }

    private static void Targets(StringBuilder s, ImportBenchResults r)
    {
        s.AppendLine("## Targets");
        s.AppendLine();
        s.AppendLine("| target | run | result |");
        s.AppendLine("|---|---|---|");
        foreach (var copy in r.Copies)
        {
            var import = r.Imports.Single(m => m.Store == StoreKind.Postgres && m.Format == copy.Format && m.Scale == copy.Scale);
            var ratio = copy.Seconds / import.Import.Seconds;
            var graphRatio = copy.GraphSeconds / import.Import.Seconds;
            s.AppendLine(F($"| PostgreSQL import ≥ ½ the COPY rate | {copy.Format} ×{copy.Scale} | {Verdict(ratio >= 0.5)}: {ratio:N2} of COPY of every row, {graphRatio:N2} of COPY of nodes and edges |"));
        }
        var smallest = r.Options.Scales.Min();
        foreach (var group in r.Imports.GroupBy(m => (m.Format, m.Store)))
        {
            var small = group.FirstOrDefault(m => m.Scale == smallest);
            foreach (var large in group.Where(m => m.Scale > smallest))
            {
                if (small is null)
                {
                    continue;
                }
                var factor = (double)large.Import.ResidentPeakBytes / small.Import.ResidentPeakBytes;
                s.AppendLine(F($"| peak memory flat as the file grows {large.Scale / smallest}× (≤ {FlatMemoryFactor}×) | {group.Key.Format}, {Store(group.Key.Store)} | {Verdict(factor <= FlatMemoryFactor)}: {Mib(small.Import.ResidentPeakBytes)} → {Mib(large.Import.ResidentPeakBytes)} MiB ({factor:N2}×) |"));
            }
        }
        var disagreements = r.Disagreements();
        s.AppendLine(F($"| the importer and COPY wrote the same rows | all | {Verdict(disagreements.Count == 0)}: {disagreements.Count} tables differ |"));
        s.AppendLine();
    }

    private static void Agreement(StringBuilder s, ImportBenchResults r)
    {
        s.AppendLine("## Agreement");
        s.AppendLine();
        foreach (var m in r.Imports)
        {
            s.AppendLine(F($"- {m.Format} ×{m.Scale}, {Store(m.Store)}: {m.Import.ItemsRead:N0} items read, {m.Import.NodesCreated:N0} nodes and {m.Import.EdgesCreated:N0} edges created, {m.Import.Skipped:N0} skipped; rows: {string.Join(", ", m.Rows.Select(p => F($"{p.Key} {p.Value:N0}")))}."));
            foreach (var problem in m.Import.Problems)
            {
                s.AppendLine(F($"  - problem: {problem}"));
            }
        }
        foreach (var line in r.Disagreements())
        {
            s.AppendLine(F($"- **differs**: {line}"));
        }
        s.AppendLine();
    }

    private static string Store(StoreKind kind) => kind == StoreKind.Sqlite ? "SQLite" : "PostgreSQL";

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string Mib(long bytes) => F($"{bytes / 1048576.0:N0}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
