using System.Data.Common;
using System.Text.Json;
using AssetTrace.Mail.Sending;
using AssetTrace.Storage;
using Microsoft.Extensions.Options;

namespace AssetTrace.Mail;

/// <summary>
/// Queues mail for the request domain and answers what became of it. The message is built, given
/// its Message-ID and stored in the caller's write transaction, so a request's state change and
/// its mail commit together; <see cref="OutboxDispatcher"/> sends it afterwards.
/// </summary>
public sealed class MailOutbox(Database database, IOptionsMonitor<MailOptions> options, TimeProvider clock, OutboxSignal signal)
{
    /// <summary>Queues the mail and returns its Message-ID, with brackets (&lt;…@assettrace.local&gt;).</summary>
    public async Task<string> EnqueueAsync(DbConnection c, DbTransaction t, OutgoingMail mail, CancellationToken ct)
    {
        OutgoingMessageBuilder.Validate(mail);
        var current = options.CurrentValue;
        var now = clock.GetUtcNow();
        var messageId = MessageIds.New(current.MessageIdDomain);
        var token = ReplyToken.New();
        var message = await new OutgoingMessageBuilder(current).BuildAsync(mail, messageId, token, now, ct);
        using var mime = new MemoryStream();
        await message.WriteToAsync(mime, ct);

        var id = await c.ScalarAsync<long>(t, """
            INSERT INTO mail_outbox (message_id, request_id, reply_token, sender, recipients, subject, mime, status, attempts, next_attempt_at, created_at)
            VALUES (@mid, @request, @token, @sender, @recipients, @subject, @mime, @status, 0, @now, @now)
            RETURNING id
            """, ct, ("mid", messageId), ("request", mail.RequestId), ("token", token), ("sender", current.Smtp.From),
            ("recipients", JsonSerializer.Serialize(mail.To.Concat(mail.Cc).ToArray())), ("subject", mail.Subject),
            ("mime", mime.ToArray()), ("status", OutboxStatusCodes.Queued), ("now", now));
        await OutboxHistory.AppendAsync(c, t, id, now, OutboxStatus.Queued, null, ct);
        // Note: the worker may wake before the caller commits. Its claim is a write transaction too, so it waits
        // for the write lock (SQLite's, or the PostgreSQL advisory lock) and then sees this row.
        signal.Wake();
        return messageId;
    }

    /// <summary>Every message queued for the request, oldest first, with its history.</summary>
    public Task<IReadOnlyList<OutboxEntry>> ForRequestAsync(string requestId, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<OutboxEntry>>(c => OutboxRows.LoadAsync(c, "request_id = @key", requestId, ct), ct);

    public async Task<OutboxEntry?> FindByMessageIdAsync(string messageId, CancellationToken ct) =>
        (await database.ReadAsync(c => OutboxRows.LoadAsync(c, "message_id = @key", MessageIds.Bracket(messageId) ?? "", ct), ct)).SingleOrDefault();

    public async Task<OutboxEntry?> FindByReplyTokenAsync(string token, CancellationToken ct) =>
        (await database.ReadAsync(c => OutboxRows.LoadAsync(c, "reply_token = @key", token.ToLowerInvariant(), ct), ct)).SingleOrDefault();

    /// <summary>
    /// The request an inbound message answers, by In-Reply-To, then References (newest first), then
    /// the reply token; null when nothing matches (the domain's holding pen).
    /// </summary>
    public async Task<MailThreadMatch?> FindRequestAsync(InboundMail mail, CancellationToken ct) =>
        await FindThreadAsync(mail, ct) is { } match && !OfficeNotice.Is(match.RequestId) ? match : null;

    /// <summary>The outbox row an inbound message refers to, whether a request's mail or an <see cref="OfficeNotice"/>.</summary>
    private async Task<MailThreadMatch?> FindThreadAsync(InboundMail mail, CancellationToken ct)
    {
        if (mail.InReplyTo is { } inReplyTo && await FindByMessageIdAsync(inReplyTo, ct) is { } byReply)
        {
            return new MailThreadMatch(byReply.RequestId, byReply.MessageId, "In-Reply-To");
        }
        foreach (var reference in mail.References.Reverse())
        {
            if (await FindByMessageIdAsync(reference, ct) is { } byReference)
            {
                return new MailThreadMatch(byReference.RequestId, byReference.MessageId, "References");
            }
        }
        if (mail.Bounce?.OriginalMessageId is { } original && await FindByMessageIdAsync(original, ct) is { } bounced)
        {
            return new MailThreadMatch(bounced.RequestId, bounced.MessageId, "Bounce");
        }
        if (mail.ReplyToken is { } token && await FindByReplyTokenAsync(token, ct) is { } byToken)
        {
            return new MailThreadMatch(byToken.RequestId, byToken.MessageId, "ReplyToken");
        }
        return null;
    }
}
