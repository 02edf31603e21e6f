using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using AssetTrace.Analytics.Engine.Files;
using AssetTrace.Graph.Store;
using AssetTrace.Hosting;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.Options;

namespace AssetTrace.Analytics.Engine;

/// <summary>
/// Keeps this server's in-memory <see cref="GraphSnapshot"/> in step with the store. Before each
/// calculation it reads the store's change counter (one indexed row) and, when the store moved
/// on, loads only the nodes and edges stamped with a later counter. Several servers sharing one
/// PostgreSQL each keep their own snapshot and so always compute on the committed graph.
/// The first load reads the snapshot file beside the store when there is a sound one and catches up from
/// its counter, else every row of the store; it runs apart from any request, and a question asked
/// meanwhile is answered "warming" after a short wait (#18).
/// </summary>
public sealed class SnapshotProvider : IDisposable
{
    // Where a first load reads the graph from (SnapshotStatus.Source, the WARMING answer's "source").
    public const string FromFile = "snapshot file";
    public const string FromDatabase = "database";

    private readonly Database _database;
    private readonly RecentGraphVersion _counter;
    private readonly SnapshotOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<SnapshotProvider> _logger;
    private GraphSnapshot _snapshot = new();
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly SemaphoreSlim _saving = new(1, 1);
    private readonly SnapshotStatus _status = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _warmingGate = new();
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Task? _warming;
    private string? _storeIdentity;
    private long _savedVersion;

    public SnapshotProvider(Database database, RecentGraphVersion counter, StoreChoice store, IOptions<SnapshotOptions> options, TimeProvider clock, ILogger<SnapshotProvider> logger)
    {
        _database = database;
        _counter = counter;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        FilePath = _options.FilePath(store.DataDirectory);
    }

    /// <summary>Whether the graph is in memory yet, how far a first load is, its age and load time: for /health/ready and the metrics (#19).</summary>
    public SnapshotStatus Status => _status;

    /// <summary>Where the snapshot file is kept; null when the server keeps none.</summary>
    public string? FilePath { get; }

    /// <summary>Runs a calculation for a viewer on a snapshot at least as new as the store's last committed change.</summary>
    public async Task<T> ReadAsync<T>(Viewer viewer, Func<GraphSnapshot, T> calculate, CancellationToken ct) =>
        await ReadAsync(viewer, await _counter.CurrentAsync(ct), calculate, ct);

    /// <summary>
    /// Runs a calculation on a snapshot at least as new as <paramref name="atLeast"/>, a value of
    /// the change counter the caller has just read (for its cache key), so it is not read twice.
    /// The calculation sees only what the viewer may see (<see cref="Sight"/>).
    /// </summary>
    /// <exception cref="SnapshotWarmingException">The first load is still running after the configured wait.</exception>
    public async Task<T> ReadAsync<T>(Viewer viewer, long atLeast, Func<GraphSnapshot, T> calculate, CancellationToken ct)
    {
        if (!_status.Loaded)
        {
            await AwaitWarmAsync(ct);
        }
        if (atLeast > _snapshot.Version)
        {
            await RefreshAsync(atLeast, ct);
        }
        _lock.EnterReadLock();
        try
        {
            return Sight.Within(viewer, _snapshot, () => calculate(_snapshot));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Starts the first load, unless it runs or ran already; it belongs to no request, so none cancels it (a failed one is started again).</summary>
    public Task WarmAsync()
    {
        lock (_warmingGate)
        {
            if (_warming is null || _warming.IsFaulted || _warming.IsCanceled)
            {
                // Said before the load starts, so a question asked at once already hears where it reads from.
                _status.Started(true);
                _status.ReadingFrom(FilePath is not null && File.Exists(FilePath) ? FromFile : FromDatabase, null);
                _warming = Task.Run(() => FirstLoadAsync(_stopping.Token));
            }
            return _warming;
        }
    }

    private async Task AwaitWarmAsync(CancellationToken ct)
    {
        var warming = WarmAsync();
        if (!warming.IsCompleted && _options.WarmingWaitSeconds is { } seconds)
        {
            using var waited = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var timeout = Task.Delay(TimeSpan.FromSeconds(Math.Max(0, seconds)), _clock, waited.Token);
            var first = await Task.WhenAny(warming, timeout);
            await waited.CancelAsync();
            ct.ThrowIfCancellationRequested();
            if (first != warming)
            {
                throw new SnapshotWarmingException(_status);
            }
        }
        await warming.WaitAsync(ct);
    }

    /// <summary>Completes when the snapshot changed since it was last written to its file: the saver waits on it.</summary>
    internal ValueTask<bool> ChangedAsync(CancellationToken ct) => _changed.Reader.ReadAsync(ct);

    private async Task FirstLoadAsync(CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            await LoadFirstAsync(ct);
        }
        catch
        {
            // Not warming any more: the next question starts it again (WarmAsync), and /health/ready says "not loaded".
            _status.Started(false);
            throw;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task LoadFirstAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await _database.OpenAsync(ct);
        var identity = await StoreIdentity.ReadAsync(connection, ct);
        _storeIdentity = identity;
        var storeVersion = await CurrentVersionAsync(connection, ct);
        var fresh = await Task.Run(() => SnapshotFileStart.TryRead(FilePath, _database.Kind, identity, storeVersion, _status, _logger, ct), ct);
        var fromFile = fresh is not null;
        if (fresh is null)
        {
            _status.ReadingFrom(FromDatabase, null);
            // Built as the rows stream in (nobody reads it yet), then swapped in: never held twice.
            fresh = await LoadAllAsync(connection, ct);
        }
        else
        {
            Interlocked.Exchange(ref _savedVersion, fresh.Version);
        }
        Swap(fresh);
        if (fromFile && storeVersion > fresh.Version)
        {
            await CatchUpAsync(fresh.Version, ct);
        }
        _status.Finished(Stopwatch.GetElapsedTime(started), _snapshot.NodeCount, _snapshot.EdgeCount);
        _logger.LogInformation("Loaded the graph into memory from the {Source}: {Nodes} nodes, {Edges} edges at change {Version} in {Elapsed}",
            fromFile ? FromFile : FromDatabase, _snapshot.NodeCount, _snapshot.EdgeCount, _snapshot.Version, Stopwatch.GetElapsedTime(started));
        NoteChanged();
    }

    /// <summary>
    /// Writes the snapshot to its file when it changed since it was last written (the saver calls it, never
    /// a request). The file is written a slice at a time under the read lock, so catch-ups go on between slices
    /// and a change made elsewhere waits milliseconds for the file, not the whole write (#18).
    /// </summary>
    /// <returns>Whether a file was written.</returns>
    public async Task<bool> SaveAsync(CancellationToken ct)
    {
        if (FilePath is null || !_status.Loaded)
        {
            return false;
        }
        await _saving.WaitAsync(ct);
        try
        {
            if (Interlocked.Read(ref _savedVersion) == _snapshot.Version)
            {
                return false;
            }
            var started = Stopwatch.GetTimestamp();
            var snapshot = _snapshot;
            var version = await Task.Run(() => SnapshotFileWriter.Write(FilePath, _database.Kind, _storeIdentity!, snapshot, UnderReadLock, ct), ct);
            Interlocked.Exchange(ref _savedVersion, version);
            _logger.LogInformation("Wrote the analytics snapshot file {Path} at change {Version} in {Elapsed}", FilePath, version, Stopwatch.GetElapsedTime(started));
            // Changes caught up while it was written are in the next file.
            NoteChanged();
            return true;
        }
        finally
        {
            _saving.Release();
        }
    }

    private void UnderReadLock(Action slice)
    {
        _lock.EnterReadLock();
        try
        {
            slice();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void NoteChanged()
    {
        if (FilePath is not null && _snapshot.Version != Interlocked.Read(ref _savedVersion))
        {
            _changed.Writer.TryWrite(true);
        }
    }

    private void Swap(GraphSnapshot fresh)
    {
        _lock.EnterWriteLock();
        try
        {
            _snapshot = fresh;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private async Task RefreshAsync(long target, CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            if (_snapshot.Version >= target)
            {
                return;
            }
            var started = Stopwatch.GetTimestamp();
            _status.Started(false);
            await CatchUpAsync(_snapshot.Version, ct);
            _status.Finished(Stopwatch.GetElapsedTime(started), _snapshot.NodeCount, _snapshot.EdgeCount);
            NoteChanged();
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Applies the rows stamped with a later counter than <paramref name="since"/>; deletions are rows marked deleted, never rows gone.</summary>
    private async Task CatchUpAsync(long since, CancellationToken ct)
    {
        var (version, nodes, edges) = await LoadChangesAsync(since, ct);
        _lock.EnterWriteLock();
        try
        {
            foreach (var apply in nodes)
            {
                apply(_snapshot);
            }
            foreach (var apply in edges)
            {
                apply(_snapshot);
            }
            _snapshot.Version = version;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private static Task<long> CurrentVersionAsync(DbConnection connection, CancellationToken ct) =>
        connection.ScalarAsync<long>(null, "SELECT version FROM graph_version WHERE id = 1", ct);

    /// <summary>Every live row of the store, read into new nodes and edges and added whole (<see cref="GraphSnapshot.AddWhole"/>).</summary>
    private async Task<GraphSnapshot> LoadAllAsync(DbConnection connection, CancellationToken ct)
    {
        var snapshot = new GraphSnapshot();
        // Read the counter first: rows committed after it are loaded too, harmlessly, and applied again next time.
        snapshot.Version = await CurrentVersionAsync(connection, ct);
        var nodes = new List<SnapshotNode>();
        await ReadRowsAsync(connection, $"SELECT {SnapshotRows.NodeColumns} FROM nodes WHERE NOT deleted",
            reader => nodes.Add(SnapshotRows.NewNode(reader, nodes.Count, snapshot)), ct);
        snapshot.AddWholeNodes(nodes);
        var edges = new List<SnapshotEdge>();
        await ReadRowsAsync(connection, $"SELECT {SnapshotRows.EdgeColumns} FROM edges WHERE NOT deleted", reader =>
        {
            if (SnapshotRows.NewEdge(reader, snapshot) is { } edge)
            {
                edges.Add(edge);
            }
        }, ct);
        snapshot.AddWholeEdges(edges);
        return snapshot;
    }

    private async Task ReadRowsAsync(DbConnection connection, string sql, Action<DbDataReader> read, CancellationToken ct)
    {
        await using var command = Database.Command(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            read(reader);
            _status.RowRead();
        }
    }

    private async Task<(long Version, List<Action<GraphSnapshot>> Nodes, List<Action<GraphSnapshot>> Edges)> LoadChangesAsync(long since, CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        // Read the counter first: rows committed after it are loaded too, harmlessly, and applied again next time.
        var version = await CurrentVersionAsync(connection, ct);
        var nodes = await connection.QueryAsync(null,
            $"SELECT {SnapshotRows.NodeColumns} FROM nodes WHERE change_seq > @since ORDER BY change_seq",
            SnapshotRows.ReadNode, ct, ("since", since));
        var edges = await connection.QueryAsync(null,
            $"SELECT {SnapshotRows.EdgeColumns} FROM edges WHERE change_seq > @since ORDER BY change_seq",
            SnapshotRows.ReadEdge, ct, ("since", since));
        return (version, nodes, edges);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _lock.Dispose();
        _refresh.Dispose();
        _saving.Dispose();
        _stopping.Dispose();
    }
}
