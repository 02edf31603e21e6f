using System.Diagnostics;

namespace AssetTrace.Analytics.Engine;

/// <summary>
/// Where the in-memory graph stands, written by <see cref="SnapshotProvider"/> as it loads and read without
/// its lock by the health check and the metrics (#19): the graph loads on the first analytics question,
/// and a first load of a million nodes takes tens of seconds, which "warming, N rows read" makes visible.
/// </summary>
public sealed class SnapshotStatus
{
    private long _rowsRead;
    private long _refreshedAt;
    private int _warming;

    /// <summary>True while the first, whole load runs.</summary>
    public bool Warming => Volatile.Read(ref _warming) == 1;

    public bool Loaded => Volatile.Read(ref _refreshedAt) != 0;

    /// <summary>Rows read by the first load so far (or in all, once it is done).</summary>
    public long RowsRead => Interlocked.Read(ref _rowsRead);

    public TimeSpan? LastLoadTime { get; private set; }

    public int Nodes { get; private set; }

    public int Edges { get; private set; }

    /// <summary>Time since the snapshot was last brought up to date with the store.</summary>
    public TimeSpan? Age => Volatile.Read(ref _refreshedAt) is var at and not 0 ? Stopwatch.GetElapsedTime(at) : null;

    internal void Started(bool whole) => Volatile.Write(ref _warming, whole ? 1 : 0);

    internal void RowRead() => Interlocked.Increment(ref _rowsRead);

    internal void Finished(TimeSpan took, int nodes, int edges)
    {
        LastLoadTime = took;
        Nodes = nodes;
        Edges = edges;
        Volatile.Write(ref _refreshedAt, Stopwatch.GetTimestamp());
        Volatile.Write(ref _warming, 0);
    }
}
