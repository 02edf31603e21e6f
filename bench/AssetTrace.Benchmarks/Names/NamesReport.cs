using System.Globalization;
using System.Text;
using AssetTrace.Benchmarks.Reporting;

namespace AssetTrace.Benchmarks.Names;

/// <summary>The section of docs/BENCHMARKS.md the name benchmark writes.</summary>
public static class NamesReport
{
    // Targets of issue #14 on two cores.
    private const double RecallTarget = 0.98;
    private const double PrecisionTarget = 0.95;

    public static string Write(string command, NamesBenchOptions options, QualityFigures matcher, (QualityFigures Raw, QualityFigures Ascii)? trigrams, IReadOnlyList<SizeFigures> sizes)
    {
        var b = new StringBuilder();
        b.AppendLine("## Name matching: the matcher beside pg_trgm");
        b.AppendLine();
        b.AppendLine("### Run");
        b.AppendLine();
        b.AppendLine("```");
        b.AppendLine(command);
        b.AppendLine("```");
        b.AppendLine();
        var machine = MachineInfo.Read();
        b.AppendLine(Invariant($"{machine.Cores} cores ({machine.CpuModel}), {machine.MemoryBytes / 1073741824.0:F0} GiB, {machine.Runtime}; {options.Queries:N0} lookups at each size, seed {options.Seed}; measured {DateTime.UtcNow:yyyy-MM-dd}; load average {machine.LoadAverages} (1, 5, 15 min) as the report was written, the run's own work included."));
        b.AppendLine();
        b.AppendLine("### Quality on the labelled set (tests/fixtures/names)");
        b.AppendLine();
        b.AppendLine(Invariant($"{matcher.SamePairs:N0} same-name pairs and {matcher.NearMisses:N0} near misses. pg_trgm is shown at the threshold that gives it its best F1."));
        b.AppendLine();
        b.AppendLine("| | threshold | recall at 10 | precision | recall at the threshold |");
        b.AppendLine("|---|---:|---:|---:|---:|");
        b.AppendLine(Invariant($"| matcher | {matcher.Threshold:F2} | {matcher.RecallAt10:F3} | {matcher.Precision:F3} | {matcher.Recall:F3} |"));
        if (trigrams is { } t)
        {
            b.AppendLine(Invariant($"| pg_trgm, names as written | {t.Raw.Threshold:F2} | – | {t.Raw.Precision:F3} | {t.Raw.Recall:F3} |"));
            b.AppendLine(Invariant($"| pg_trgm, names transliterated | {t.Ascii.Threshold:F2} | {t.Ascii.RecallAt10:F3} | {t.Ascii.Precision:F3} | {t.Ascii.Recall:F3} |"));
        }
        b.AppendLine();
        b.AppendLine(Invariant($"Targets: recall at 10 ≥ {RecallTarget:F2}: {Met(matcher.RecallAt10 >= RecallTarget)}; precision ≥ {PrecisionTarget:F2}: {Met(matcher.Precision >= PrecisionTarget)}."));
        if (trigrams is { } u)
        {
            // pg_trgm's best F1 on names as written buys its precision with a recall of a tenth: F1 compares both at once.
            b.AppendLine(Invariant($"Ahead of pg_trgm on recall at 10 and on F1 at the threshold: {Met(matcher.RecallAt10 > u.Ascii.RecallAt10 && matcher.F1 > u.Ascii.F1 && matcher.F1 > u.Raw.F1)} (F1 {matcher.F1:F3} against {u.Ascii.F1:F3} transliterated and {u.Raw.F1:F3} as written)."));
        }
        b.AppendLine();
        b.AppendLine("### One lookup");
        b.AppendLine();
        b.AppendLine("The ten best at the default threshold, counted exactly up to 1,000. \"Whole words\" is a lookup as screening and duplicate suggestions make it; \"search\" also lets the query's words be prefixes, as the search box does; \"one word\" searches the query's longest word alone. \"Found\": the query's source among the ten best, or outranked only by names that match as well.");
        b.AppendLine();
        b.AppendLine("| names | index built | memory | per million names | whole words p50 / p99 | search p50 / p99 | one word p50 / p99 | found | pg_trgm index built | pg_trgm p50 / p99 | pg_trgm lookups answered |");
        b.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var m = size.Matcher;
            var trigram = size.Trigram is { Count: 0 }
                ? Invariant($"{size.TrigramIndex.TotalSeconds:F0} s | – | none within {options.TrigramBudget.TotalSeconds:F0} s")
                : size.Trigram is { } times
                ? Invariant($"{size.TrigramIndex.TotalSeconds:F0} s | {times.P50:F1} / {times.P99:F1} ms | {times.Count:N0} of {options.Queries:N0}")
                : "– | – | –";
            b.AppendLine(Invariant($"| {m.Names:N0} | {m.Build.TotalSeconds:F0} s | {m.Bytes / 1048576.0:N0} MiB | {m.Bytes / 1048576.0 / (m.Names / 1e6):N0} MiB | {m.Exact.P50:F2} / {m.Exact.P99:F2} ms | {m.Search.P50:F2} / {m.Search.P99:F2} ms | {m.OneWord.P50:F2} / {m.OneWord.P99:F2} ms | {m.Found:P1} | {trigram} |"));
        }
        b.AppendLine();
        return b.ToString();
    }

    private static string Met(bool met) => met ? "met" : "missed";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
