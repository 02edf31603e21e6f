using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Cli;
using AssetTrace.Interchange.Import;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.Benchmarks.Import;

/// <summary>What a child process is asked to import, and into which store (configuration entries as a server takes them).</summary>
public sealed record ImportChildSpec(string Format, string Files, IReadOnlyDictionary<string, string?> Settings, string ResultFile);

/// <summary>What the child measured: the importer's report, the time it took, and the process's memory.</summary>
public sealed record ImportChildResult(
    bool Committed,
    string? FailureReason,
    long ItemsRead,
    long NodesCreated,
    long EdgesCreated,
    long Skipped,
    IReadOnlyList<string> Problems,
    double Seconds,
    long ResidentBeforeBytes,
    long ResidentPeakBytes,
    long ManagedPeakBytes,
    double ProcessorSeconds,
    double GcPauseSeconds,
    double JitSeconds);

/// <summary>
/// The import as the command line runs it (<c>assettrace import</c>: the same services, the same
/// configuration), alone in its own process so that its peak memory is its own.
/// </summary>
public static class ImportChild
{
    public static async Task<int> RunAsync(string specFile, CancellationToken ct)
    {
        var spec = JsonSerializer.Deserialize<ImportChildSpec>(await File.ReadAllTextAsync(specFile, ct))
            ?? throw new ArgumentException($"'{specFile}' holds no import to run.");
        await using var services = ShellServices.Build([.. spec.Settings.Select(s => $"--{s.Key}={s.Value}")]);
        var importer = services.GetRequiredService<InterchangeImporter>();
        var residentBefore = PeakMemory.ResidentPeakBytes();
        ImportReport report;
        long managedPeak;
        using var self = Process.GetCurrentProcess();
        var processorBefore = self.TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var jitBefore = JitInfo.GetCompilationTime();
        var started = Stopwatch.GetTimestamp();
        await using (var memory = PeakMemory.Start())
        {
            report = await importer.ImportPathsAsync(spec.Format, [spec.Files], new ImportOptions(BulkRows.Actor), null, ct);
            managedPeak = memory.ManagedBytes;
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        self.Refresh();
        var result = new ImportChildResult(report.Committed, report.FailureReason, report.ItemsRead, report.NodesCreated, report.EdgesCreated, report.Skipped,
            [.. report.Problems.Take(5).Select(p => p.ToString())], seconds, residentBefore, PeakMemory.ResidentPeakBytes(), managedPeak,
            (self.TotalProcessorTime - processorBefore).TotalSeconds, (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds,
            (JitInfo.GetCompilationTime() - jitBefore).TotalSeconds);
        await File.WriteAllTextAsync(spec.ResultFile, JsonSerializer.Serialize(result), ct);
        return 0;
    }
}
