using System.Diagnostics;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Engine.Files;
using AssetTrace.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetTrace.Benchmarks.Warm;

/// <summary>
/// The snapshot file read as a server's first load reads it, but in the benchmark's own process with nothing else
/// running: what of a start's first answer is the read itself, and what of it the collector (#18).
/// </summary>
internal sealed record FileReadAlone(TimeSpan Elapsed, TimeSpan Collections, long AllocatedBytes)
{
    public static async Task<FileReadAlone> MeasureAsync(string file, BenchStoreIdentity store, CancellationToken ct)
    {
        var identity = await store.ReadAsync(ct);
        GC.Collect();
        var (pauses, allocated) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var started = Stopwatch.GetTimestamp();
        var snapshot = SnapshotFileStart.TryRead(file, store.Kind, identity, long.MaxValue, new SnapshotStatus(), NullLogger.Instance, ct)
            ?? throw new InvalidOperationException($"the benchmark could not read the snapshot file {file}: see the log above");
        var read = new FileReadAlone(Stopwatch.GetElapsedTime(started), GC.GetTotalPauseDuration() - pauses, GC.GetTotalAllocatedBytes() - allocated);
        GC.KeepAlive(snapshot);
        return read;
    }

    public string Cell => $"{Elapsed.TotalSeconds:0.0} s ({Collections.TotalSeconds:0.0} s of it in collections, {AllocatedBytes / 1073741824.0:0.00} GiB allocated)";
}

/// <summary>The store a snapshot file was written from, to read the identity its file must carry.</summary>
internal sealed record BenchStoreIdentity(StoreKind Kind, Database Database)
{
    public async Task<string> ReadAsync(CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(ct);
        return await StoreIdentity.ReadAsync(connection, ct);
    }
}
