using System.Data.Common;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Storage;

namespace AssetTrace.Watch.Runs;

/// <summary>Runs, their frontier, and whether each source is paused (watch_runs, watch_frontier, watch_sources).</summary>
public sealed class WatchRunStore(Database database, AuditLog audit, TimeProvider clock)
{
    private const int KeptErrors = 20;

    /// <summary>The run a crash or stop left unfinished, to go on with; null when the last run finished.</summary>
    public Task<WatchRun?> UnfinishedAsync(string source, CancellationToken ct) =>
        database.ReadAsync(async c => (await c.QueryAsync(null, $"SELECT {Columns} FROM watch_runs WHERE source = @s AND status = 'running' ORDER BY started_at DESC LIMIT 1",
            Read, ct, ("s", source))).SingleOrDefault(), ct);

    public Task<WatchRun> StartAsync(string source, IEnumerable<Uri> startUrls, string startedBy, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            var run = new WatchRun(Guid.CreateVersion7().ToString(), source, clock.GetUtcNow(), startedBy, null, WatchRun.Running, 0, 0, 0, 0, 0, []);
            await c.ExecuteAsync(t, "INSERT INTO watch_runs (id, source, started_at, started_by, status) VALUES (@id, @s, @at, @by, 'running')", ct,
                ("id", run.Id), ("s", source), ("at", run.StartedAt), ("by", startedBy));
            var position = 0;
            foreach (var url in startUrls)
            {
                position += await AddAsync(c, t, run.Id, url.AbsoluteUri, position, 0, ct);
            }
            await c.ExecuteAsync(t, "UPDATE watch_runs SET queued = @n WHERE id = @r", ct, ("n", position), ("r", run.Id));
            await audit.AppendAsync(c, t, new AuditRecord(startedBy, "watch.run.started", $"watch-source/{source}", null, JsonSerializer.Serialize(new { run.Id }), null), ct);
            return run;
        }, ct);

    /// <summary>The next address of the run not yet done, in the order found; null when the crawl is through.</summary>
    public Task<(string Url, int Depth)?> NextAsync(string runId, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            var rows = await c.QueryAsync(null, "SELECT url, depth FROM watch_frontier WHERE run_id = @r AND NOT done ORDER BY position LIMIT 1",
                r => (r.GetString(0), r.GetInt32(1)), ct, ("r", runId));
            return rows.Count == 0 ? ((string, int)?)null : rows[0];
        }, ct);

    /// <summary>
    /// Marks an address done with what it gave, and adds the addresses it leads to (up to the source's
    /// page limit), in one transaction: a crash between pages loses nothing and repeats nothing done.
    /// </summary>
    public Task DoneAsync(string runId, string url, PageOutcome outcome, IEnumerable<(Uri Url, int Depth)> found, int maxPages, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(t, "UPDATE watch_frontier SET done = @d WHERE run_id = @r AND url = @u", ct, ("d", true), ("r", runId), ("u", url));
            var count = await c.ScalarAsync<long>(t, "SELECT queued FROM watch_runs WHERE id = @r", ct, ("r", runId));
            foreach (var (next, depth) in found)
            {
                if (count >= maxPages)
                {
                    break;
                }
                count += await AddAsync(c, t, runId, next.AbsoluteUri, (int)count, depth, ct);
            }
            var errors = await c.ScalarAsync<string>(t, "SELECT errors FROM watch_runs WHERE id = @r", ct, ("r", runId));
            var list = JsonSerializer.Deserialize<List<string>>(errors ?? "[]")!;
            if (outcome.Error is { } error)
            {
                list.Add(error);
            }
            await c.ExecuteAsync(t, """
                UPDATE watch_runs SET fetched = fetched + @f, unchanged = unchanged + @u, changed = changed + @c, failed = failed + @x, leads = leads + @l, errors = @e,
                    queued = @q
                WHERE id = @r
                """, ct, ("f", outcome.Fetched ? 1 : 0), ("u", outcome.Unchanged ? 1 : 0), ("c", outcome.Changed ? 1 : 0), ("x", outcome.Error is null ? 0 : 1),
                ("l", outcome.Leads), ("e", JsonSerializer.Serialize(list.TakeLast(KeptErrors))), ("q", count), ("r", runId));
            return 0;
        }, ct);

    public Task FinishAsync(string runId, CancellationToken ct) =>
        database.WriteAsync(async (c, t) => await c.ExecuteAsync(t, "UPDATE watch_runs SET status = 'finished', finished_at = @at WHERE id = @r", ct, ("at", clock.GetUtcNow()), ("r", runId)), ct);

    public Task<WatchRun?> GetAsync(string runId, CancellationToken ct) =>
        database.ReadAsync(async c => (await c.QueryAsync(null, $"SELECT {Columns} FROM watch_runs WHERE id = @r", Read, ct, ("r", runId))).SingleOrDefault(), ct);

    public Task<List<WatchRun>> ListAsync(string? source, int limit, CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, $"SELECT {Columns} FROM watch_runs WHERE (@s = '' OR source = @s) ORDER BY started_at DESC, id DESC LIMIT @n",
            Read, ct, ("s", source ?? ""), ("n", limit)), ct);

    public Task<HashSet<string>> PausedAsync(CancellationToken ct) =>
        database.ReadAsync(async c => (await c.QueryAsync(null, "SELECT name FROM watch_sources WHERE paused", r => r.GetString(0), ct)).ToHashSet(StringComparer.Ordinal), ct);

    public Task SetPausedAsync(string source, bool paused, string actor, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(t, """
                INSERT INTO watch_sources (name, paused, updated_at, updated_by) VALUES (@n, @p, @at, @by)
                ON CONFLICT (name) DO UPDATE SET paused = @p, updated_at = @at, updated_by = @by
                """, ct, ("n", source), ("p", paused), ("at", clock.GetUtcNow()), ("by", actor));
            await audit.AppendAsync(c, t, new AuditRecord(actor, paused ? "watch.source.paused" : "watch.source.resumed", $"watch-source/{source}", null, null, null), ct);
            return 0;
        }, ct);

    private static async Task<int> AddAsync(DbConnection c, DbTransaction t, string runId, string url, int position, int depth, CancellationToken ct) =>
        await c.ExecuteAsync(t, "INSERT INTO watch_frontier (run_id, url, position, depth, done) VALUES (@r, @u, @p, @d, @no) ON CONFLICT (run_id, url) DO NOTHING", ct,
            ("r", runId), ("u", url), ("p", position), ("d", depth), ("no", false));

    private const string Columns = "id, source, started_at, started_by, finished_at, status, fetched, unchanged, changed, failed, leads, errors";

    private static WatchRun Read(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.Instant(2), r.GetString(3), r.NullableInstant(4), r.GetString(5),
        r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), JsonSerializer.Deserialize<List<string>>(r.GetString(11))!);
}

/// <summary>What one address gave: counted into its run.</summary>
public sealed record PageOutcome(bool Fetched, bool Unchanged, bool Changed, int Leads, string? Error);
