using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using AssetTrace.Storage;
using AssetTrace.Watch.Fetching;

namespace AssetTrace.Watch.Snapshots;

/// <summary>
/// Keeps snapshots in the database, bodies content-addressed by SHA-256 (watch_bodies): a page seen
/// a hundred times unchanged is stored once. In the database rather than a folder beside it so that two
/// servers on one PostgreSQL see the same snapshots, and a backup of the database holds the evidence.
/// </summary>
public sealed class SnapshotStore(Database database)
{
    /// <summary>The validators and hash of the page's newest snapshot, or null when it was never fetched.</summary>
    public Task<(PageValidators Validators, string Sha256, string SnapshotId)?> LastAsync(string source, string url, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            var rows = await c.QueryAsync(null, "SELECT etag, last_modified, sha256, snapshot_id FROM watch_pages WHERE source = @s AND url = @u",
                r => (new PageValidators(r.NullableString(0), r.NullableString(1)), r.GetString(2), r.GetString(3)), ct, ("s", source), ("u", url));
            return rows.Count == 0 ? ((PageValidators, string, string)?)null : rows[0];
        }, ct);

    /// <summary>Stores the page as a new snapshot, or returns null when its body is the one of the newest snapshot (then only the validators move on).</summary>
    public Task<Snapshot?> SaveIfChangedAsync(string source, string runId, FetchedPage page, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(page.Body));
        var url = page.Url.AbsoluteUri;
        return database.WriteAsync(async (c, t) =>
        {
            var previous = await c.ScalarAsync<string>(t, "SELECT sha256 FROM watch_pages WHERE source = @s AND url = @u", ct, ("s", source), ("u", url));
            if (previous == sha)
            {
                await c.ExecuteAsync(t, "UPDATE watch_pages SET etag = @e, last_modified = @m WHERE source = @s AND url = @u", ct,
                    ("e", page.Header("ETag")), ("m", page.Header("Last-Modified")), ("s", source), ("u", url));
                return null;
            }
            var snapshot = new Snapshot(Guid.CreateVersion7().ToString(), source, runId, url, (int)page.Status, page.Headers, page.FetchedAt, sha,
                page.Truncated, page.ContentType, page.Charset);
            await c.ExecuteAsync(t, "INSERT INTO watch_bodies (sha256, size, body) VALUES (@h, @n, @b) ON CONFLICT (sha256) DO NOTHING", ct,
                ("h", sha), ("n", (long)page.Body.Length), ("b", page.Body));
            await c.ExecuteAsync(t, """
                INSERT INTO watch_snapshots (id, source, run_id, url, status, headers, fetched_at, sha256, truncated, content_type, charset)
                VALUES (@id, @s, @r, @u, @st, @h, @at, @sha, @tr, @ct, @cs)
                """, ct, ("id", snapshot.Id), ("s", source), ("r", runId), ("u", url), ("st", snapshot.Status),
                ("h", JsonSerializer.Serialize(snapshot.Headers.Select(h => new[] { h.Key, h.Value }))), ("at", snapshot.FetchedAt), ("sha", sha),
                ("tr", snapshot.Truncated), ("ct", snapshot.ContentType), ("cs", snapshot.Charset));
            await c.ExecuteAsync(t, """
                INSERT INTO watch_pages (source, url, etag, last_modified, sha256, snapshot_id) VALUES (@s, @u, @e, @m, @sha, @id)
                ON CONFLICT (source, url) DO UPDATE SET etag = @e, last_modified = @m, sha256 = @sha, snapshot_id = @id
                """, ct, ("s", source), ("u", url), ("e", page.Header("ETag")), ("m", page.Header("Last-Modified")), ("sha", sha), ("id", snapshot.Id));
            return snapshot;
        }, ct);
    }

    public Task<Snapshot?> GetAsync(string id, CancellationToken ct) =>
        database.ReadAsync(async c => (await c.QueryAsync(null, $"SELECT {Columns} FROM watch_snapshots WHERE id = @id", Read, ct, ("id", id))).SingleOrDefault(), ct);

    public Task<List<Snapshot>> ListAsync(string source, CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, $"SELECT {Columns} FROM watch_snapshots WHERE source = @s ORDER BY fetched_at, id", Read, ct, ("s", source)), ct);

    /// <summary>The body stored under a hash; null when there is none.</summary>
    public Task<byte[]?> BodyAsync(string sha256, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            await using var command = Database.Command(c, null, "SELECT body FROM watch_bodies WHERE sha256 = @h", ("h", sha256));
            return await command.ExecuteScalarAsync(ct) as byte[];
        }, ct);

    /// <summary>
    /// The snapshot's body, hashed again before it is handed out: a body changed in the database after it was
    /// fetched (or gone) throws <see cref="SnapshotTamperedException"/> rather than pass for what the crawler saw.
    /// </summary>
    public async Task<byte[]> VerifiedBodyAsync(Snapshot snapshot, CancellationToken ct)
    {
        var body = await BodyAsync(snapshot.Sha256, ct) ?? throw new SnapshotTamperedException(snapshot, null);
        var actual = Convert.ToHexStringLower(SHA256.HashData(body));
        return actual == snapshot.Sha256 ? body : throw new SnapshotTamperedException(snapshot, actual);
    }

    /// <summary>The snapshots a run stored, in the order it fetched them.</summary>
    public Task<List<Snapshot>> ListByRunAsync(string runId, CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, $"SELECT {Columns} FROM watch_snapshots WHERE run_id = @r ORDER BY fetched_at, id", Read, ct, ("r", runId)), ct);

    private const string Columns = "id, source, run_id, url, status, headers, fetched_at, sha256, truncated, content_type, charset";

    private static Snapshot Read(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
        [.. JsonSerializer.Deserialize<List<string[]>>(r.GetString(5))!.Select(h => new KeyValuePair<string, string>(h[0], h[1]))],
        r.Instant(6), r.GetString(7), r.GetBoolean(8), r.NullableString(9), r.NullableString(10));
}
