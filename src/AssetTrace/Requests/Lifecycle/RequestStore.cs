using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Requests.Lifecycle;

/// <summary>
/// Requests, their status changes and their timeline. Every change is one transaction with its
/// timeline event and audit entry; status changes follow <see cref="RequestTransitions"/>.
/// </summary>
public sealed class RequestStore(Database database, AuditLog audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<NetworkRequest> CreateDraftAsync(string caseId, string network, string jurisdiction, string contactPointId,
        Urgency urgency, RequestBody body, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await database.WriteAsync(async (c, t) =>
        {
            var year = now.Year.ToString(CultureInfo.InvariantCulture);
            var count = await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM requests WHERE number LIKE @prefix", ct, ("prefix", $"REQ-{year}-%"));
            var request = new NetworkRequest(Guid.CreateVersion7().ToString(), $"REQ-{year}-{count + 1:0000}", caseId, network, jurisdiction, contactPointId,
                body, RequestStatus.Draft, urgency, null, false, NewReplyToken(), actor, null, null, null, null, null, null, null, 1, now, now, actor);
            await c.ExecuteAsync(t, """
                INSERT INTO requests (id, number, case_id, network, jurisdiction, contact_point_id, body, status, urgency, reply_token, author, version, created_at, updated_at, updated_by)
                VALUES (@id, @number, @case, @network, @jurisdiction, @contact, @body, @status, @urgency, @token, @author, 1, @now, @now, @author)
                """, ct, ("id", request.Id), ("number", request.Number), ("case", caseId), ("network", network), ("jurisdiction", jurisdiction),
                ("contact", contactPointId), ("body", new Storage.Json(JsonSerializer.Serialize(body, Json))), ("status", Codes.Of(request.Status)),
                ("urgency", Codes.Of(urgency)), ("token", request.ReplyToken), ("author", actor), ("now", now));
            await RecordAsync(c, t, request, actor, "created", null, null, ct);
            return request;
        }, ct);
    }

    /// <summary>Changes the body of a draft; anything past draft is frozen (withdraw and redraft instead).</summary>
    public Task<NetworkRequest> UpdateDraftAsync(string id, RequestBody body, Urgency urgency, int? expectedVersion, string actor, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            var current = await LoadAsync(c, t, id, ct);
            if (current.Status != RequestStatus.Draft)
            {
                throw new ConflictException($"Request {current.Number} is {current.Status}: only a draft can be edited.");
            }
            CheckVersion(current, expectedVersion);
            var next = current with { Body = body, Urgency = urgency, Version = current.Version + 1, UpdatedAt = clock.GetUtcNow(), UpdatedBy = actor };
            await c.ExecuteAsync(t, "UPDATE requests SET body = @body, urgency = @urgency, version = version + 1, updated_at = @now, updated_by = @actor WHERE id = @id", ct,
                ("id", id), ("body", new Storage.Json(JsonSerializer.Serialize(body, Json))), ("urgency", Codes.Of(urgency)), ("now", next.UpdatedAt), ("actor", actor));
            await RecordAsync(c, t, next, actor, "edited", null, current, ct);
            return next;
        }, ct);

    /// <summary>
    /// Moves a request to another status in one transaction with its event and audit entry;
    /// <paramref name="alsoInTransaction"/> runs inside it (to queue the mail, schedule deadlines, …).
    /// </summary>
    public Task<NetworkRequest> MoveAsync(string id, RequestStatus to, string actor, string? detail,
        Func<NetworkRequest, NetworkRequest>? change, Func<DbConnection, DbTransaction, NetworkRequest, Task>? alsoInTransaction, CancellationToken ct,
        int? expectedVersion = null) =>
        database.WriteAsync((c, t) => MoveAsync(c, t, id, to, actor, detail, change, alsoInTransaction, ct, expectedVersion), ct);

    /// <summary>The same, inside a transaction the caller holds (e.g. one that also writes facts to the graph).</summary>
    public async Task<NetworkRequest> MoveAsync(DbConnection c, DbTransaction t, string id, RequestStatus to, string actor, string? detail,
        Func<NetworkRequest, NetworkRequest>? change, Func<DbConnection, DbTransaction, NetworkRequest, Task>? alsoInTransaction, CancellationToken ct,
        int? expectedVersion = null)
    {
        var current = await LoadAsync(c, t, id, ct);
        CheckVersion(current, expectedVersion);
        RequestTransitions.Check(current.Status, to, current.Number);
        var now = clock.GetUtcNow();
        var next = (change ?? (r => r))(current with { Status = to, Version = current.Version + 1, UpdatedAt = now, UpdatedBy = actor });
        await c.ExecuteAsync(t, """
            UPDATE requests SET status = @status, due_at = @due, overdue = @overdue, approved_by = @approvedBy, approved_at = @approvedAt,
                sent_at = @sentAt, acknowledged_at = @ackAt, answered_at = @answeredAt, closed_at = @closedAt, failure_reason = @failure,
                version = version + 1, updated_at = @now, updated_by = @actor
            WHERE id = @id
            """, ct, ("id", id), ("status", Codes.Of(next.Status)), ("due", next.DueAt), ("overdue", next.Overdue), ("approvedBy", next.ApprovedBy),
            ("approvedAt", next.ApprovedAt), ("sentAt", next.SentAt), ("ackAt", next.AcknowledgedAt), ("answeredAt", next.AnsweredAt),
            ("closedAt", next.ClosedAt), ("failure", next.FailureReason), ("now", now), ("actor", actor));
        await RecordAsync(c, t, next, actor, Codes.Of(to), detail, current, ct);
        if (alsoInTransaction is not null)
        {
            await alsoInTransaction(c, t, next);
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
                    ("id", id), ("overdue", next.Overdue), ("now", clock.GetUtcNow()), ("actor", actor));
            }
            await RecordAsync(c, t, next, actor, @event, detail, next == current ? null : current, ct);
            return next;
        }, ct);

    /// <summary>A request whose case the viewer may see; null otherwise, as for one that does not exist.</summary>
    public async Task<NetworkRequest?> GetAsync(Visibility.Viewer viewer, string id, CancellationToken ct) =>
        await GetAsync(id, ct) is { } request && viewer.Sees(request.CaseId) ? request : null;

    /// <summary>Any request: for the office's own processes (mail threading, deadlines), not for users.</summary>
    public async Task<NetworkRequest?> GetAsync(string id, CancellationToken ct) =>
        (await database.ReadAsync(c => c.QueryAsync(null, $"SELECT {Columns} FROM requests WHERE id = @id", Read, ct, ("id", id)), ct)).SingleOrDefault();

    public async Task<NetworkRequest?> FindByReplyTokenAsync(string token, CancellationToken ct) =>
        (await database.ReadAsync(c => c.QueryAsync(null, $"SELECT {Columns} FROM requests WHERE reply_token = @t", Read, ct, ("t", token)), ct)).SingleOrDefault();

    /// <summary>The requests of the cases the viewer may see.</summary>
    public async Task<List<NetworkRequest>> ListAsync(Visibility.Viewer viewer, string? caseId, RequestStatus? status, CancellationToken ct) =>
        [.. (await database.ReadAsync(c => c.QueryAsync(null, $"""
            SELECT {Columns} FROM requests
            WHERE {(caseId is null ? "1 = 1" : "case_id = @case")} AND {(status is null ? "1 = 1" : "status = @status")}
            ORDER BY created_at DESC
            """, Read, ct, ("case", caseId ?? ""), ("status", status is null ? "" : Codes.Of(status.Value))), ct)).Where(r => viewer.Sees(r.CaseId))];

    public Task<List<RequestEvent>> EventsAsync(string id, CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, "SELECT seq, at, actor, event, detail FROM request_events WHERE request_id = @id ORDER BY seq",
            r => new RequestEvent(r.GetInt32(0), r.Instant(1), r.GetString(2), r.GetString(3), r.NullableString(4)), ct, ("id", id)), ct);

    private async Task RecordAsync(DbConnection c, DbTransaction t, NetworkRequest request, string actor, string @event, string? detail, NetworkRequest? before, CancellationToken ct)
    {
        var seq = await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM request_events WHERE request_id = @id", ct, ("id", request.Id)) + 1;
        await c.ExecuteAsync(t, "INSERT INTO request_events (request_id, seq, at, actor, event, detail) VALUES (@id, @seq, @at, @actor, @event, @detail)", ct,
            ("id", request.Id), ("seq", seq), ("at", clock.GetUtcNow()), ("actor", actor), ("event", @event), ("detail", detail));
        await audit.AppendAsync(c, t, new AuditRecord(actor, $"request.{@event}", $"request/{request.Id}",
            before is null ? null : JsonSerializer.Serialize(before, Json), JsonSerializer.Serialize(request, Json), detail), ct);
    }

    internal static async Task<NetworkRequest> LoadAsync(DbConnection c, DbTransaction? t, string id, CancellationToken ct) =>
        (await c.QueryAsync(t, $"SELECT {Columns} FROM requests WHERE id = @id", Read, ct, ("id", id))).SingleOrDefault()
        ?? throw new NotFoundException("request", id);

    private static void CheckVersion(NetworkRequest current, int? expected)
    {
        if (expected is not null && expected != current.Version)
        {
            throw new ConflictException($"Request {current.Number} is at version {current.Version} (changed by {current.UpdatedBy}), not {expected}: reload it.");
        }
    }

    private static string NewReplyToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private const string Columns = "id, number, case_id, network, jurisdiction, contact_point_id, body, status, urgency, due_at, overdue, reply_token, author, approved_by, approved_at, sent_at, acknowledged_at, answered_at, closed_at, failure_reason, version, created_at, updated_at, updated_by";

    private static NetworkRequest Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
        JsonSerializer.Deserialize<RequestBody>(r.GetString(6), Json)!, Codes.Parse<RequestStatus>(r.GetString(7)), Codes.Parse<Urgency>(r.GetString(8)),
        r.NullableInstant(9), r.GetBoolean(10), r.GetString(11), r.GetString(12), r.NullableString(13), r.NullableInstant(14), r.NullableInstant(15),
        r.NullableInstant(16), r.NullableInstant(17), r.NullableInstant(18), r.NullableString(19), r.GetInt32(20), r.Instant(21), r.Instant(22), r.GetString(23));
}
