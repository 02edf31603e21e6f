using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using AssetTrace.Graph.Store;
using AssetTrace.Operations.Telemetry;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Matching;

/// <summary>
/// Keeps this server's <see cref="MatchIndex"/> in step with the store by the graph's change counter,
/// as <see cref="Analytics.Engine.SnapshotProvider"/> keeps the analytics snapshot: before each lookup it
/// reads the counter (one row, shared by the requests of the last 100 ms: <see cref="RecentGraphVersion"/>) and,
/// when the store moved on, indexes again only the nodes stamped later.
/// </summary>
/// <remarks>
/// In memory rather than in the database: a lookup probes a few dozen keys and scores a few hundred
/// candidates, which in process takes well under a millisecond, where each probe would be a round trip
/// to PostgreSQL; and the typo neighbourhood (every key with one letter left out) would multiply the
/// rows of node_name_keys by about eight. What it costs: docs/ARCHITECTURE.md, "Name matching".
/// </remarks>
public sealed class MatchIndexProvider(Database database, RecentGraphVersion counter, ILogger<MatchIndexProvider> logger) : IDisposable
{
    private readonly MatchIndex _index = new();
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private long _version;

    /// <summary>
    /// Looks a subject up among the nodes <paramref name="viewer"/> may see, valid on <paramref name="asOf"/>
    /// and of one of <paramref name="kinds"/> (codes; all when null): others are neither scored nor counted.
    /// </summary>
    public async Task<MatchHits> FindAsync(Viewer viewer, MatchSubject query, bool search, IReadOnlyCollection<string>? kinds, DateOnly? asOf,
        double threshold, int take, int countBound, CancellationToken ct) =>
        (await FindAllAsync(viewer, [query], search, kinds, asOf, threshold, take, countBound, ct))[0];

    /// <summary>
    /// Looks each of <paramref name="queries"/> up as <see cref="FindAsync"/> does, reading the graph's change counter
    /// once for them all (a screening list of 10,000 names would otherwise make as many round trips).
    /// </summary>
    public async Task<IReadOnlyList<MatchHits>> FindAllAsync(Viewer viewer, IReadOnlyList<MatchSubject> queries, bool search, IReadOnlyCollection<string>? kinds,
        DateOnly? asOf, double threshold, int take, int countBound, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var current = await counter.CurrentAsync(ct);
        if (current > Volatile.Read(ref _version))
        {
            await RefreshAsync(current, ct);
        }
        AssetTraceTelemetry.MatchingStep("counter", Stopwatch.GetElapsedTime(started));
        started = Stopwatch.GetTimestamp();
        bool Visible(MatchEntry e) => viewer.Sees(e.RestrictedCase) && e.IsValidOn(asOf) && (kinds is null || kinds.Count == 0 || kinds.Contains(e.Kind));
        var hits = new List<MatchHits>(queries.Count);
        foreach (var query in queries)
        {
            ct.ThrowIfCancellationRequested();
            // The lock is taken per lookup, so a refresh for another caller waits one lookup, not the whole list.
            _lock.EnterReadLock();
            try
            {
                hits.Add(_index.Find(query, search, Visible, threshold, take, countBound));
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
        AssetTraceTelemetry.MatchingStep("lookup", Stopwatch.GetElapsedTime(started));
        return hits;
    }

    private async Task RefreshAsync(long target, CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            if (_version >= target)
            {
                return;
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var first = _version == 0;
            await using var connection = await database.OpenAsync(ct);
            // Read the counter first: rows committed after it are read too, harmlessly, and indexed again next time.
            var version = await connection.ScalarAsync<long>(null, "SELECT version FROM graph_version WHERE id = 1", ct);
            if (first)
            {
                Reserve(await connection.ScalarAsync<long>(null, "SELECT count(*) FROM nodes WHERE NOT deleted", ct));
            }
            var sql = first
                ? $"SELECT {Columns} FROM nodes WHERE NOT deleted"
                : $"SELECT {Columns} FROM nodes WHERE change_seq > @since ORDER BY change_seq";
            await using var command = first ? Database.Command(connection, null, sql) : Database.Command(connection, null, sql, ("since", _version));
            await using var reader = await command.ExecuteReaderAsync(ct);
            var batch = new List<(string Id, MatchEntry? Entry)>();
            var shared = new SharedStrings();
            while (await reader.ReadAsync(ct))
            {
                batch.Add(Read(reader, shared));
                if (batch.Count == 10_000)
                {
                    Apply(batch);
                }
            }
            Apply(batch);
            Volatile.Write(ref _version, version);
            if (first)
            {
                Locked(_index.TrimExcess);
                // The heap after the build, for sizing a server: the index lives beside the analytics snapshot (docs/SCALING.md).
                logger.LogInformation("Indexed {Count} names for matching in {Elapsed}; the managed heap now holds {HeapMiB:N0} MiB",
                    _index.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started), GC.GetTotalMemory(forceFullCollection: false) / 1048576);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private void Reserve(long rows) => Locked(() => _index.Reserve((int)Math.Min(rows, Array.MaxLength)));

    // Applied a batch at a time under the write lock, so lookups wait at most one batch during a first load.
    private void Apply(List<(string Id, MatchEntry? Entry)> batch)
    {
        Locked(() =>
        {
            foreach (var (id, entry) in batch)
            {
                if (entry is null)
                {
                    _index.Remove(id);
                }
                else
                {
                    _index.Upsert(entry);
                }
            }
        });
        batch.Clear();
    }

    private void Locked(Action change)
    {
        _lock.EnterWriteLock();
        try
        {
            change();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private const string Columns = "id, kind, name, properties, valid_from, valid_to, deleted, restricted_case";

    private static (string Id, MatchEntry? Entry) Read(DbDataReader r, SharedStrings shared)
    {
        var id = r.GetString(0);
        if (r.GetBoolean(6))
        {
            return (id, null);
        }
        using var json = JsonDocument.Parse(r.GetString(3));
        var subject = MatchSubjects.Of(r.GetString(2), json.RootElement, shared);
        return (id, new MatchEntry(id, shared.Share(r.GetString(1))!, subject, shared.Share(r.NullableString(7)), r.NullableDate(4), r.NullableDate(5)));
    }

    public void Dispose()
    {
        _lock.Dispose();
        _refresh.Dispose();
    }
}
