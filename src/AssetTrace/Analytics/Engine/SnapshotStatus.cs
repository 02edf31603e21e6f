using System.Diagnostics;

namespace AssetTrace.Analytics.Engine;

/// <summary>
/// Where the in-memory graph stands, written by <see cref="SnapshotProvider"/> as it loads and read without
/// its lock by the health check, the metrics (#19) and the "warming" answer (#18): a first load of a million
/// nodes from the store takes tens of seconds (from the snapshot file, seconds), which "warming, N rows read" makes visible.
/// </summary>
public sealed class SnapshotStatus
{
    private long _rowsRead;
    private long _rowsTotal = -1;
    private long _refreshedAt;
    private int _warming;
    private volatile string? _source;

    /// <summary>True while the first, whole load runs.</summary>
    public bool Warming => Volatile.Read(ref _warming) == 1;

    public bool Loaded => Volatile.Read(ref _refreshedAt) != 0;

    /// <summary>Rows read by the first load so far (or in all, once it is done).</summary>
    public long RowsRead => Interlocked.Read(ref _rowsRead);

    /// <summary>The rows the first load will read when known (from the snapshot file's header); null when read from the store.</summary>
    public long? RowsTotal => Interlocked.Read(ref _rowsTotal) is var total and >= 0 ? total : null;

    /// <summary>Where the first load reads the graph from: "snapshot file" or "database"; null before it starts.</summary>
    public string? Source => _source;

    public TimeSpan? LastLoadTime { get; private set; }

    public int Nodes { get; private set; }

    public int Edges { get; private set; }

    /// <summary>Time since the snapshot was last brought up to date with the store.</summary>
    public TimeSpan? Age => Volatile.Read(ref _refreshedAt) is var at and not 0 ? Stopwatch.GetElapsedTime(at) : null;

    internal void Started(bool whole) => Volatile.Write(ref _warming, whole ? 1 : 0);

    /// <summary>The first load reads from here now; a file found wanting halfway starts the count again from the store.</summary>
    internal void ReadingFrom(string source, long? total)
    {
        _source = source;
        Interlocked.Exchange(ref _rowsTotal, total ?? -1);
        Interlocked.Exchange(ref _rowsRead, 0);
    }

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
