using System.Data.Common;
using System.Globalization;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Roster.Entries;

/// <summary>
/// Roster entries and their history. Every change is one transaction with its history event and
/// audit entry; stages change only as <see cref="RosterTransitions"/> allow, and only from the
/// version the caller read. An entry exists only for viewers who see its case.
/// </summary>
public sealed class RosterStore(Database database, AuditLog audit, TimeProvider clock)
{
    private const string Insert = """
        INSERT INTO roster_entries (id, number, case_id, subject_id, connected, assets, figure, grounds, stage, decision, notice, deadline_on, exclusion,
            version, created_at, created_by, updated_at, updated_by)
        VALUES (@id, @number, @case, @subject, @connected, @assets, @figure, @grounds, @stage, @decision, @notice, @deadline, @exclusion,
            @version, @createdAt, @createdBy, @updatedAt, @updatedBy)
        """;

    private const string Update = """
        UPDATE roster_entries SET number = @number, connected = @connected, stage = @stage, decision = @decision, notice = @notice,
            deadline_on = @deadline, exclusion = @exclusion, version = @version, updated_at = @updatedAt, updated_by = @updatedBy
        WHERE id = @id
        """;

    public Task<RosterEntry> CreateAsync(RosterEntry entry, string? detail, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(t, Insert, ct, RosterRows.Values(entry));
            await RecordAsync(c, t, entry, entry.Stamp.CreatedBy, "proposed", detail, null, ct);
            return entry;
        }, ct);

    /// <summary>
    /// Applies <paramref name="change"/> to the entry as read inside the transaction: checks that the
    /// actor sees it, that its version is <paramref name="expectedVersion"/> (when given) and that the
    /// stage change is allowed; <paramref name="change"/> may refuse by throwing, and nothing is written.
    /// </summary>
    public Task<RosterEntry> ChangeAsync(string id, Viewer actor, int? expectedVersion, string @event, string? detail,
        Func<RosterEntry, DbConnection, DbTransaction, Task<RosterEntry>> change, CancellationToken ct) =>
        database.WriteAsync((c, t) => ChangeAsync(c, t, id, actor, expectedVersion, @event, detail, change, ct), ct);

    /// <summary>The same, inside a transaction the caller holds.</summary>
    public async Task<RosterEntry> ChangeAsync(DbConnection c, DbTransaction t, string id, Viewer actor, int? expectedVersion, string @event, string? detail,
        Func<RosterEntry, DbConnection, DbTransaction, Task<RosterEntry>> change, CancellationToken ct)
    {
        var current = await LoadAsync(c, t, id, actor, ct);
        if (expectedVersion is not null && expectedVersion != current.Stamp.Version)
        {
            throw new ConflictException(
                $"Roster entry {current.Label} is at version {current.Stamp.Version} (changed by {current.Stamp.UpdatedBy}), not {expectedVersion}: reload it.");
        }
        var changed = await change(current, c, t);
        if (changed.Stage != current.Stage)
        {
            RosterTransitions.Check(current.Stage, changed.Stage, current.Label);
        }
        var next = changed with { Stamp = current.Stamp with { Version = current.Stamp.Version + 1, UpdatedAt = clock.GetUtcNow(), UpdatedBy = actor.Name } };
        await c.ExecuteAsync(t, Update, ct, RosterRows.Values(next));
        await RecordAsync(c, t, next, actor.Name, @event, detail, current, ct);
        return next;
    }

    /// <summary>Records something that happened to an entry without changing it (a reminder, a document, an evaluation).</summary>
    public async Task NoteAsync(DbConnection c, DbTransaction t, RosterEntry entry, string actor, string @event, string? detail, CancellationToken ct) =>
        await RecordAsync(c, t, entry, actor, @event, detail, null, ct);

    /// <summary>An entry whose case the viewer may see; null otherwise, as for one that does not exist.</summary>
    public async Task<RosterEntry?> GetAsync(Viewer viewer, string id, CancellationToken ct) =>
        (await database.ReadAsync(c => c.QueryAsync(null, $"SELECT {RosterRows.Columns} FROM roster_entries WHERE id = @id", RosterRows.Read, ct, ("id", id)), ct))
            .SingleOrDefault() is { } entry && viewer.Sees(entry.CaseId) ? entry : null;

    /// <summary>The entries of the cases the viewer may see, newest first.</summary>
    public async Task<List<RosterEntry>> ListAsync(Viewer viewer, string? caseId, RosterStage? stage, CancellationToken ct) =>
        [.. (await database.ReadAsync(c => c.QueryAsync(null, $"""
            SELECT {RosterRows.Columns} FROM roster_entries
            WHERE {(caseId is null ? "1 = 1" : "case_id = @case")} AND {(stage is null ? "1 = 1" : "stage = @stage")}
            ORDER BY created_at DESC, id
            """, RosterRows.Read, ct, ("case", caseId ?? ""), ("stage", stage is null ? "" : Codes.Of(stage.Value))), ct)).Where(e => viewer.Sees(e.CaseId))];

    /// <summary>Entries whose deadline runs and falls on or before <paramref name="on"/>: for the office's clock, not for users.</summary>
    public Task<List<RosterEntry>> DeadlinesDueAsync(DateOnly on, CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, $"""
            SELECT {RosterRows.Columns} FROM roster_entries WHERE stage IN (@notified, @evaluation) AND deadline_on <= @on ORDER BY deadline_on, id
            """, RosterRows.Read, ct, ("notified", Codes.Of(RosterStage.Notified)), ("evaluation", Codes.Of(RosterStage.UnderEvaluation)), ("on", on)), ct);

    /// <summary>The entry's history, oldest first, for a viewer who may see the entry.</summary>
    public async Task<List<RosterEvent>> EventsAsync(Viewer viewer, string id, CancellationToken ct)
    {
        _ = await GetAsync(viewer, id, ct) ?? throw new NotFoundException("roster entry", id);
        return await database.ReadAsync(c => c.QueryAsync(null, "SELECT seq, at, actor, event, detail FROM roster_events WHERE entry_id = @id ORDER BY seq",
            r => new RosterEvent(r.GetInt32(0), r.Instant(1), r.GetString(2), r.GetString(3), r.NullableString(4)), ct, ("id", id)), ct);
    }

    /// <summary>The next entry number of the year, counted inside the transaction that gives it.</summary>
    public static async Task<string> NextNumberAsync(DbConnection c, DbTransaction t, int year, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"ARC-{year}-");
        var count = await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM roster_entries WHERE number LIKE @prefix", ct, ("prefix", prefix + "%"));
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{count + 1:0000}");
    }

    private async Task RecordAsync(DbConnection c, DbTransaction t, RosterEntry entry, string actor, string @event, string? detail, RosterEntry? before, CancellationToken ct)
    {
        var seq = await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM roster_events WHERE entry_id = @id", ct, ("id", entry.Id)) + 1;
        await c.ExecuteAsync(t, "INSERT INTO roster_events (entry_id, seq, at, actor, event, detail) VALUES (@id, @seq, @at, @actor, @event, @detail)", ct,
            ("id", entry.Id), ("seq", seq), ("at", clock.GetUtcNow()), ("actor", actor), ("event", @event), ("detail", detail));
        await audit.AppendAsync(c, t, new AuditRecord(actor, $"roster.{@event}", $"roster/{entry.Id}",
            before is null ? null : RosterRows.AuditJson(before), RosterRows.AuditJson(entry), detail), ct);
    }

    private static async Task<RosterEntry> LoadAsync(DbConnection c, DbTransaction t, string id, Viewer viewer, CancellationToken ct)
    {
        var entry = (await c.QueryAsync(t, $"SELECT {RosterRows.Columns} FROM roster_entries WHERE id = @id", RosterRows.Read, ct, ("id", id))).SingleOrDefault();
        return entry is not null && viewer.Sees(entry.CaseId) ? entry : throw new NotFoundException("roster entry", id);
    }
}
