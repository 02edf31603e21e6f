using AssetTrace.Mail;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Requests;

/// <summary>
/// What the mail transport reports, applied to requests: accepted → Sent, failed or bounced →
/// DeliveryFailed, a reply → threaded onto its request (which it acknowledges), mail that
/// matches nothing → the holding pen with the reason. Safe to call twice for the same message.
/// </summary>
public sealed class RequestMailEvents(RequestDesk desk, RequestStore requests, MailOutbox outbox, Database database, TimeProvider clock) : IMailEvents
{
    private static readonly Viewer Mail = Viewer.System("mail");

    public Task MessageSentAsync(string requestId, string messageId, DateTimeOffset at, CancellationToken ct) =>
        desk.MarkSentAsync(requestId, messageId, at, ct);

    public Task MessageFailedAsync(string requestId, string messageId, string reason, CancellationToken ct) =>
        desk.MarkDeliveryFailedAsync(requestId, reason, ct);

    public async Task MessageReceivedAsync(InboundMail mail, CancellationToken ct)
    {
        if (await database.ReadAsync(c => c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM request_mail WHERE inbound_id = @id", ct, ("id", mail.Id)), ct) > 0)
        {
            return;
        }
        var match = await outbox.FindRequestAsync(mail, ct);
        await database.WriteAsync(async (c, t) => await c.ExecuteAsync(t,
            "INSERT INTO request_mail (inbound_id, request_id, matched_by, at, actor) VALUES (@id, @request, @by, @at, 'mail')", ct,
            ("id", mail.Id), ("request", match?.RequestId), ("by", match?.MatchedBy ?? HoldingReason(mail)), ("at", clock.GetUtcNow())), ct);
        if (match is null)
        {
            return;
        }
        if (mail.Bounce is { } bounce)
        {
            if (bounce.IsPermanent)
            {
                await desk.MarkDeliveryFailedAsync(match.RequestId, $"bounced ({bounce.Status}): {bounce.Reason}", ct);
            }
            else
            {
                // A 4.x.x notice says delivery is delayed; the server keeps trying, so the request stays as it is.
                await requests.NoteAsync(match.RequestId, "mail", "delivery_delayed", $"{bounce.Status}: {bounce.Reason}", null, ct);
            }
            return;
        }
        var detail = $"from {mail.From}: \"{mail.Subject}\" ({mail.Attachments.Count} attachments; matched by {match.MatchedBy}; inbound #{mail.Id})";
        // The first reply to a sent request acknowledges it; any later one is noted on its timeline.
        var acknowledged = await requests.MoveIfAsync(match.RequestId, [RequestStatus.Sent], new RequestMove(RequestStatus.Acknowledged, Mail)
        {
            Detail = detail,
            Change = r => r with { Milestones = r.Milestones with { AcknowledgedAt = mail.Date } },
        }, ct);
        if (acknowledged is null)
        {
            await requests.NoteAsync(match.RequestId, "mail", "reply_received", detail, null, ct);
        }
    }

    private static string HoldingReason(InboundMail mail) =>
        mail.InReplyTo is null && mail.References.Count == 0 && mail.ReplyToken is null
            ? "holding: no In-Reply-To, References or reply token"
            : "holding: refers to no message this desk sent";
}
