using System.Diagnostics;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Engine.Files;
using AssetTrace.Graph.Store;
using AssetTrace.Hosting;
using AssetTrace.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssetTrace.Benchmarks.Measuring;

/// <summary>The engine's snapshot, loaded from the store as a server loads it on the first analytics request.</summary>
public static class SnapshotLoad
{
    public static async Task<(GraphSnapshot Graph, TimeSpan Elapsed, long ManagedBytes)> RunAsync(Database database, CancellationToken ct)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        // From the store, every row, as a server without a snapshot file (#18): no file read or written, no "warming" answer.
        var options = Options.Create(new SnapshotOptions { File = false, WarmingWaitSeconds = null });
        using var provider = new SnapshotProvider(database, new RecentGraphVersion(database, TimeProvider.System, TimeSpan.Zero), new StoreChoice(database.Kind, null, Path.GetTempPath()), options, TimeProvider.System, NullLogger<SnapshotProvider>.Instance);
        var started = Stopwatch.GetTimestamp();
        // The benchmark is the only reader: the snapshot may be used outside the provider's lock.
        var graph = await provider.ReadAsync(AssetTrace.Visibility.Viewer.System("bench"), g => g, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        return (graph, elapsed, after - before);
    }
}
