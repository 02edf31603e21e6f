using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Mail;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Requests;

/// <summary>Inbound mail and the request it belongs to, or why it matched none.</summary>
public sealed record ThreadedMail(InboundMail Mail, string? RequestId, string MatchedBy);

/// <summary>
/// Mail threaded onto requests, and the holding pen of mail that matched no request, which an
/// officer assigns by hand (audited).
/// </summary>
public sealed class HoldingPen(Database database, MailInbox inbox, RequestStore requests, AuditLog audit, TimeProvider clock)
{
    public Task<List<ThreadedMail>> HeldAsync(CancellationToken ct) => ListAsync("request_id IS NULL", "", ct);

    /// <summary>The replies of a request the viewer may see.</summary>
    public async Task<List<ThreadedMail>> ForRequestAsync(Viewer viewer, string requestId, CancellationToken ct) =>
        await requests.GetAsync(viewer, requestId, ct) is null ? throw new NotFoundException("request", requestId) : await ListAsync("request_id = @r", requestId, ct);

    public async Task<ThreadedMail> AssignAsync(long inboundId, string requestId, Viewer viewer, CancellationToken ct)
    {
        var actor = viewer.Name;
        var request = await requests.GetAsync(viewer, requestId, ct) ?? throw new UserInputException("requestId", $"no request with id '{requestId}' exists.");
        var mail = await inbox.GetAsync(inboundId, ct) ?? throw new NotFoundException("inbound mail", inboundId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await database.WriteAsync(async (c, t) =>
        {
            var held = await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM request_mail WHERE inbound_id = @id AND request_id IS NULL", ct, ("id", inboundId));
            if (held == 0)
            {
                throw new ConflictException($"Inbound mail #{inboundId} is not in the holding pen: it is already threaded onto a request.");
            }
            await c.ExecuteAsync(t, "UPDATE request_mail SET request_id = @r, matched_by = @by, at = @at, actor = @actor WHERE inbound_id = @id", ct,
                ("r", requestId), ("by", $"assigned by {actor}"), ("at", clock.GetUtcNow()), ("actor", actor), ("id", inboundId));
            await audit.AppendAsync(c, t, new AuditRecord(actor, "mail.assigned", $"request/{requestId}", null,
                System.Text.Json.JsonSerializer.Serialize(new { inboundId, mail.MessageId, mail.From, mail.Subject }), null), ct);
            return true;
        }, ct);
        await requests.NoteAsync(request.Id, actor, "reply_assigned", $"from {mail.From}: \"{mail.Subject}\" (inbound #{inboundId})", null, ct);
        return new ThreadedMail(mail, requestId, $"assigned by {actor}");
    }

    private async Task<List<ThreadedMail>> ListAsync(string filter, string requestId, CancellationToken ct)
    {
        var rows = await database.ReadAsync(c => c.QueryAsync(null, $"SELECT inbound_id, request_id, matched_by FROM request_mail WHERE {filter} ORDER BY inbound_id",
            r => (Id: r.GetInt64(0), RequestId: r.NullableString(1), MatchedBy: r.GetString(2)), ct, ("r", requestId)), ct);
        var result = new List<ThreadedMail>();
        foreach (var row in rows)
        {
            if (await inbox.GetAsync(row.Id, ct) is { } mail)
            {
                result.Add(new ThreadedMail(mail, row.RequestId, row.MatchedBy));
            }
        }
        return result;
    }
}
