using System.Diagnostics;
using AssetTrace.Analytics.Engine;
using AssetTrace.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetTrace.Benchmarks.Measuring;

/// <summary>The engine's snapshot, loaded from the store as a server loads it on the first analytics request.</summary>
public static class SnapshotLoad
{
    public static async Task<(GraphSnapshot Graph, TimeSpan Elapsed, long ManagedBytes)> RunAsync(Database database, CancellationToken ct)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var provider = new SnapshotProvider(database, NullLogger<SnapshotProvider>.Instance);
        var started = Stopwatch.GetTimestamp();
        // The benchmark is the only reader: the snapshot may be used outside the provider's lock.
        var graph = await provider.ReadAsync(AssetTrace.Visibility.Viewer.System("bench"), g => g, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        return (graph, elapsed, after - before);
    }
}
