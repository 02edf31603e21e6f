using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Requests.Lifecycle;

/// <summary>
/// Requests, their status changes and their timeline. Every change is one transaction with its
/// timeline event and audit entry; status changes follow <see cref="RequestTransitions"/>.
/// </summary>
public sealed class RequestStore(Database database, AuditLog audit, TimeProvider clock)
{
    /// <param name="alongside">Written in the draft's own transaction, so what records the draft (an assistant's decision) and the draft stand or fall together.</param>
    public async Task<NetworkRequest> CreateDraftAsync(RequestRoute route, Urgency urgency, RequestBody body, string actor, CancellationToken ct,
        DraftAlongside? alongside = null)
    {
        var now = clock.GetUtcNow();
        return await database.WriteAsync(async (c, t) =>
        {
            var year = now.Year.ToString(CultureInfo.InvariantCulture);
            var count = await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM requests WHERE number LIKE @prefix", ct, ("prefix", $"REQ-{year}-%"));
            var request = new NetworkRequest(Guid.CreateVersion7().ToString(), $"REQ-{year}-{count + 1:0000}", route, body,
                new RequestProgress(RequestStatus.Draft, urgency, null, false, null), RequestMilestones.None, NewReplyToken(), new Stamp(1, now, actor, now, actor));
            await c.ExecuteAsync(t, """
                INSERT INTO requests (id, number, case_id, network, jurisdiction, contact_point_id, body, status, urgency, reply_token, author, version, created_at, updated_at, updated_by)
                VALUES (@id, @number, @case, @network, @jurisdiction, @contact, @body, @status, @urgency, @token, @author, 1, @now, @now, @author)
                """, ct, ("id", request.Id), ("number", request.Number), ("case", route.CaseId), ("network", route.Network), ("jurisdiction", route.Jurisdiction),
                ("contact", route.ContactPointId), ("body", new Storage.Json(JsonSerializer.Serialize(body, RequestRows.Json))), ("status", Codes.Of(RequestStatus.Draft)),
                ("urgency", Codes.Of(urgency)), ("token", request.ReplyToken), ("author", actor), ("now", now));
            await RecordAsync(c, t, request, actor, "created", null, null, ct);
            if (alongside is not null)
            {
                await alongside(c, t, request);
            }
            return request;
        }, ct);
    }

    /// <summary>Changes the body of a draft; anything past draft is frozen (withdraw and redraft instead).</summary>
    public Task<NetworkRequest> UpdateDraftAsync(string id, RequestBody body, Urgency urgency, int? expectedVersion, string actor, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            var current = await LoadAsync(c, t, id, ct);
            if (current.Progress.Status != RequestStatus.Draft)
            {
                throw new ConflictException($"Request {current.Number} is {current.Progress.Status}: only a draft can be edited.");
            }
            CheckVersion(current, expectedVersion);
            var next = current with
            {
                Body = body,
                Progress = current.Progress with { Urgency = urgency },
                Stamp = current.Stamp with { Version = current.Stamp.Version + 1, UpdatedAt = clock.GetUtcNow(), UpdatedBy = actor },
            };
            await c.ExecuteAsync(t, "UPDATE requests SET body = @body, urgency = @urgency, version = version + 1, updated_at = @now, updated_by = @actor WHERE id = @id", ct,
                ("id", id), ("body", new Storage.Json(JsonSerializer.Serialize(body, RequestRows.Json))), ("urgency", Codes.Of(urgency)), ("now", next.Stamp.UpdatedAt), ("actor", actor));
            await RecordAsync(c, t, next, actor, "edited", null, current, ct);
            return next;
        }, ct);

    /// <summary>Moves a request to another status in one transaction with its event and audit entry (see <see cref="RequestMove"/>).</summary>
    public Task<NetworkRequest> MoveAsync(string id, RequestMove move, CancellationToken ct) =>
        database.WriteAsync((c, t) => MoveAsync(c, t, id, move, ct), ct);

    /// <summary>
    /// The same, made only while the request is in one of <paramref name="onlyFrom"/>: from any other
    /// status nothing is written and the answer is null (a notice told twice, or one that came too late).
    /// </summary>
    public Task<NetworkRequest?> MoveIfAsync(string id, IReadOnlyCollection<RequestStatus> onlyFrom, RequestMove move, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            var current = await LoadAsync(c, t, id, move.By, ct);
            return onlyFrom.Contains(current.Progress.Status) ? await MoveAsync(c, t, current, move, ct) : null;
        }, ct);

    /// <summary>The same, inside a transaction the caller holds (e.g. one that also writes facts to the graph).</summary>
    public async Task<NetworkRequest> MoveAsync(DbConnection c, DbTransaction t, string id, RequestMove move, CancellationToken ct) =>
        await MoveAsync(c, t, await LoadAsync(c, t, id, move.By, ct), move, ct);

    private async Task<NetworkRequest> MoveAsync(DbConnection c, DbTransaction t, NetworkRequest current, RequestMove move, CancellationToken ct)
    {
        CheckVersion(current, move.ExpectedVersion);
        RequestTransitions.Check(current.Progress.Status, move.To, current.Number);
        var now = clock.GetUtcNow();
        var actor = move.By.Name;
        var moved = current with
        {
            Progress = current.Progress with { Status = move.To },
            Stamp = current.Stamp with { Version = current.Stamp.Version + 1, UpdatedAt = now, UpdatedBy = actor },
        };
        var next = move.Change is null ? moved : move.Change(moved);
        var (progress, milestones) = (next.Progress, next.Milestones);
        await c.ExecuteAsync(t, """
            UPDATE requests SET status = @status, due_at = @due, overdue = @overdue, approved_by = @approvedBy, approved_at = @approvedAt,
                sent_at = @sentAt, acknowledged_at = @ackAt, answered_at = @answeredAt, closed_at = @closedAt, failure_reason = @failure,
                version = version + 1, updated_at = @now, updated_by = @actor
            WHERE id = @id
            """, ct, ("id", current.Id), ("status", Codes.Of(progress.Status)), ("due", progress.DueAt), ("overdue", progress.Overdue),
            ("approvedBy", milestones.ApprovedBy), ("approvedAt", milestones.ApprovedAt), ("sentAt", milestones.SentAt), ("ackAt", milestones.AcknowledgedAt),
            ("answeredAt", milestones.AnsweredAt), ("closedAt", milestones.ClosedAt), ("failure", progress.FailureReason), ("now", now), ("actor", actor));
        await RecordAsync(c, t, next, actor, Codes.Of(move.To), move.Detail, current, ct);
        if (move.AlsoInTransaction is not null)
        {
            await move.AlsoInTransaction(c, t, next);
        }
        return next;
    }

    /// <summary>Records something that happened to a request without changing its status (a reminder, a reply, a flag).</summary>
    public Task<NetworkRequest> NoteAsync(string id, string actor, string @event, string? detail, Func<NetworkRequest, NetworkRequest>? change, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            var current = await LoadAsync(c, t, id, ct);
            var next = (change ?? (r => r))(current);
            if (next != current)
            {
                await c.ExecuteAsync(t, "UPDATE requests SET overdue = @overdue, version = version + 1, updated_at = @now, updated_by = @actor WHERE id = @id", ct,
                    ("id", id), ("overdue", next.Progress.Overdue), ("now", clock.GetUtcNow()), ("actor", actor));
            }
            await RecordAsync(c, t, next, actor, @event, detail, next == current ? null : current, ct);
            return next;
        }, ct);

    /// <summary>A request whose case the viewer may see; null otherwise, as for one that does not exist.</summary>
    public async Task<NetworkRequest?> GetAsync(Viewer viewer, string id, CancellationToken ct) =>
        await GetAsync(id, ct) is { } request && viewer.Sees(request.Route.CaseId) ? request : null;

    /// <summary>Any request: for the office's own processes (mail threading, deadlines), not for users.</summary>
    public async Task<NetworkRequest?> GetAsync(string id, CancellationToken ct) =>
        (await database.ReadAsync(c => c.QueryAsync(null, $"SELECT {RequestRows.Columns} FROM requests WHERE id = @id", RequestRows.Read, ct, ("id", id)), ct)).SingleOrDefault();

    public async Task<NetworkRequest?> FindByReplyTokenAsync(string token, CancellationToken ct) =>
        (await database.ReadAsync(c => c.QueryAsync(null, $"SELECT {RequestRows.Columns} FROM requests WHERE reply_token = @t", RequestRows.Read, ct, ("t", token)), ct)).SingleOrDefault();

    /// <summary>The requests of the cases the viewer may see.</summary>
    public async Task<List<NetworkRequest>> ListAsync(Viewer viewer, string? caseId, RequestStatus? status, CancellationToken ct) =>
        [.. (await database.ReadAsync(c => c.QueryAsync(null, $"""
            SELECT {RequestRows.Columns} FROM requests
            WHERE {(caseId is null ? "1 = 1" : "case_id = @case")} AND {(status is null ? "1 = 1" : "status = @status")}
            ORDER BY created_at DESC
            """, RequestRows.Read, ct, ("case", caseId ?? ""), ("status", status is null ? "" : Codes.Of(status.Value))), ct)).Where(r => viewer.Sees(r.Route.CaseId))];

    public Task<List<RequestEvent>> EventsAsync(string id, CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, "SELECT seq, at, actor, event, detail FROM request_events WHERE request_id = @id ORDER BY seq",
            r => new RequestEvent(r.GetInt32(0), r.Instant(1), r.GetString(2), r.GetString(3), r.NullableString(4)), ct, ("id", id)), ct);

    private async Task RecordAsync(DbConnection c, DbTransaction t, NetworkRequest request, string actor, string @event, string? detail, NetworkRequest? before, CancellationToken ct)
    {
        var seq = await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM request_events WHERE request_id = @id", ct, ("id", request.Id)) + 1;
        await c.ExecuteAsync(t, "INSERT INTO request_events (request_id, seq, at, actor, event, detail) VALUES (@id, @seq, @at, @actor, @event, @detail)", ct,
            ("id", request.Id), ("seq", seq), ("at", clock.GetUtcNow()), ("actor", actor), ("event", @event), ("detail", detail));
        await audit.AppendAsync(c, t, new AuditRecord(actor, $"request.{@event}", $"request/{request.Id}",
            before is null ? null : RequestRows.AuditJson(before), RequestRows.AuditJson(request), detail), ct);
    }

    internal static async Task<NetworkRequest> LoadAsync(DbConnection c, DbTransaction? t, string id, CancellationToken ct) =>
        (await c.QueryAsync(t, $"SELECT {RequestRows.Columns} FROM requests WHERE id = @id", RequestRows.Read, ct, ("id", id))).SingleOrDefault()
        ?? throw new NotFoundException("request", id);

    /// <summary>The request, if the viewer may see its case; otherwise the same answer as for one that does not exist.</summary>
    private static async Task<NetworkRequest> LoadAsync(DbConnection c, DbTransaction t, string id, Viewer viewer, CancellationToken ct)
    {
        var request = await LoadAsync(c, t, id, ct);
        return viewer.Sees(request.Route.CaseId) ? request : throw new NotFoundException("request", id);
    }

    private static void CheckVersion(NetworkRequest current, int? expected)
    {
        if (expected is not null && expected != current.Stamp.Version)
        {
            throw new ConflictException($"Request {current.Number} is at version {current.Stamp.Version} (changed by {current.Stamp.UpdatedBy}), not {expected}: reload it.");
        }
    }

    private static string NewReplyToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
