using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Analytics.Engine;

/// <summary>
/// Keeps this server's in-memory <see cref="GraphSnapshot"/> in step with the store. Before each
/// calculation it reads the store's change counter (one indexed row) and, when the store moved
/// on, loads only the nodes and edges stamped with a later counter. Several servers sharing one
/// PostgreSQL each keep their own snapshot and so always compute on the committed graph.
/// </summary>
public sealed class SnapshotProvider(Database database, ILogger<SnapshotProvider> logger) : IDisposable
{
    private GraphSnapshot _snapshot = new();
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly SnapshotStatus _status = new();

    /// <summary>Whether the graph is in memory yet, how far a first load is, its age and load time: for /health/ready and the metrics (#19).</summary>
    public SnapshotStatus Status => _status;

    /// <summary>Runs a calculation for a viewer on a snapshot at least as new as the store's last committed change.</summary>
    public async Task<T> ReadAsync<T>(Viewer viewer, Func<GraphSnapshot, T> calculate, CancellationToken ct) =>
        await ReadAsync(viewer, await GraphVersion.CurrentAsync(database, ct), calculate, ct);

    /// <summary>
    /// Runs a calculation on a snapshot at least as new as <paramref name="atLeast"/>, a value of
    /// the change counter the caller has just read (for its cache key), so it is not read twice.
    /// The calculation sees only what the viewer may see (<see cref="Sight"/>).
    /// </summary>
    public async Task<T> ReadAsync<T>(Viewer viewer, long atLeast, Func<GraphSnapshot, T> calculate, CancellationToken ct)
    {
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

    private async Task RefreshAsync(long target, CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            if (_snapshot.Version >= target)
            {
                return;
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var since = _snapshot.Version;
            _status.Started(since == 0);
            if (since == 0)
            {
                // The first load builds a new snapshot row by row as the rows stream in (nobody reads
                // it yet), then swaps it in: a million nodes are never held twice.
                var fresh = await LoadAllAsync(ct);
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
            else
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
            _status.Finished(System.Diagnostics.Stopwatch.GetElapsedTime(started), _snapshot.NodeCount, _snapshot.EdgeCount);
            if (since == 0)
            {
                logger.LogInformation("Loaded the graph into memory: {Nodes} nodes, {Edges} edges in {Elapsed}",
                    _snapshot.NodeCount, _snapshot.EdgeCount, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<GraphSnapshot> LoadAllAsync(CancellationToken ct)
    {
        var snapshot = new GraphSnapshot();
        await using var connection = await database.OpenAsync(ct);
        // Read the counter first: rows committed after it are loaded too, harmlessly, and applied again next time.
        snapshot.Version = await connection.ScalarAsync<long>(null, "SELECT version FROM graph_version WHERE id = 1", ct);
        foreach (var (sql, read) in new (string, Func<DbDataReader, Action<GraphSnapshot>>)[]
        {
            ($"SELECT {NodeColumns} FROM nodes WHERE NOT deleted", ReadNode),
            ($"SELECT {EdgeColumns} FROM edges WHERE NOT deleted", ReadEdge),
        })
        {
            await using var command = Database.Command(connection, null, sql);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                read(reader)(snapshot);
                _status.RowRead();
            }
        }
        return snapshot;
    }

    private async Task<(long Version, List<Action<GraphSnapshot>> Nodes, List<Action<GraphSnapshot>> Edges)> LoadChangesAsync(long since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // Read the counter first: rows committed after it are loaded too, harmlessly, and applied again next time.
        var version = await connection.ScalarAsync<long>(null, "SELECT version FROM graph_version WHERE id = 1", ct);
        var nodes = await connection.QueryAsync(null,
            $"SELECT {NodeColumns} FROM nodes WHERE change_seq > @since ORDER BY change_seq",
            ReadNode, ct, ("since", since));
        var edges = await connection.QueryAsync(null,
            $"SELECT {EdgeColumns} FROM edges WHERE change_seq > @since ORDER BY change_seq",
            ReadEdge, ct, ("since", since));
        return (version, nodes, edges);
    }

    // The columns ReadNode and ReadEdge read, in their order; shared by the full load and the delta load.
    private const string NodeColumns = "id, kind, name, properties, valid_from, valid_to, deleted, restricted_case";
    private const string EdgeColumns = "id, kind, source_id, target_id, share_low, share_high, valid_from, valid_to, properties, deleted, restricted_case";

    private static Action<GraphSnapshot> ReadNode(DbDataReader r)
    {
        var id = r.GetString(0);
        var kind = Codes.ParseNodeKind(r.GetString(1));
        var name = r.GetString(2);
        var properties = kind == NodeKind.Person ? null : r.GetString(3);
        var validFrom = r.NullableDate(4);
        var validTo = r.NullableDate(5);
        var deleted = r.GetBoolean(6);
        var restrictedTo = r.NullableString(7);
        return snapshot => snapshot.Upsert(id, node =>
        {
            node.Restriction = snapshot.NumberCase(restrictedTo);
            node.Kind = kind;
            node.Name = name;
            node.ValidFrom = validFrom;
            node.ValidTo = validTo;
            node.Deleted = deleted;
            if (properties is not null)
            {
                using var json = JsonDocument.Parse(properties);
                var p = json.RootElement;
                node.Country = Text(p, "jurisdiction") ?? Text(p, "country") ?? Text(p, "flag");
                node.Value = p.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
                node.ValueCurrency = Text(p, "valueCurrency");
                node.ValueDate = Text(p, "valueDate") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            }
        });
    }

    private static Action<GraphSnapshot> ReadEdge(DbDataReader r)
    {
        var id = r.GetString(0);
        var kind = Codes.ParseEdgeKind(r.GetString(1));
        var sourceId = r.GetString(2);
        var targetId = r.GetString(3);
        var low = r.NullableDecimal(4);
        var high = r.NullableDecimal(5);
        var validFrom = r.NullableDate(6);
        var validTo = r.NullableDate(7);
        var properties = kind is EdgeKind.Owns or EdgeKind.BeneficialOwnerOf ? null : r.GetString(8);
        var deleted = r.GetBoolean(9);
        var restrictedTo = r.NullableString(10);
        return snapshot => snapshot.UpsertEdge(id, sourceId, targetId, edge =>
        {
            edge.Restriction = snapshot.NumberCase(restrictedTo);
            edge.Kind = kind;
            edge.ShareLow = low is null ? null : (double)low / 100;
            edge.ShareHigh = high is null ? null : (double)high / 100;
            edge.ValidFrom = validFrom;
            edge.ValidTo = validTo;
            edge.Deleted = deleted;
            if (properties is not null)
            {
                using var json = JsonDocument.Parse(properties);
                var p = json.RootElement;
                edge.Nominee = p.TryGetProperty("nominee", out var n) && n.ValueKind == JsonValueKind.True;
                edge.Role = Text(p, "relationship") ?? Text(p, "role");
                edge.VotingShare = p.TryGetProperty("votingShare", out var vs) && vs.ValueKind == JsonValueKind.Number ? vs.GetDouble() / 100 : null;
                edge.Amount = p.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDecimal() : null;
                edge.Currency = Text(p, "currency");
                edge.Date = Text(p, "date") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            }
        });
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public void Dispose()
    {
        _lock.Dispose();
        _refresh.Dispose();
    }
}
