using System.Text.Json;
using AssetTrace.Mail.Sending;
using AssetTrace.Storage;

namespace AssetTrace.Mail.Receiving;

/// <summary>Where the receiver is in an IMAP folder.</summary>
public sealed record ImapFolderState(uint UidValidity, uint LastUid);

/// <summary>
/// Writes received mail. A message, its attachments and the folder's new last UID commit together,
/// so a restart resumes exactly after the last message stored; the Message-ID (or the digest of a
/// message without one) is unique, so a message fetched twice is stored once.
/// </summary>
public sealed class InboxStore(Database database, TimeProvider clock)
{
    public Task<ImapFolderState?> LoadStateAsync(string account, string folder, CancellationToken ct) =>
        database.ReadAsync(async c => (await c.QueryAsync(null, "SELECT uid_validity, last_uid FROM mail_imap_state WHERE account = @a AND folder = @f",
            r => new ImapFolderState((uint)r.GetInt64(0), (uint)r.GetInt64(1)), ct, ("a", account), ("f", folder))).SingleOrDefault(), ct);

    public Task SaveStateAsync(string account, string folder, uint uidValidity, uint lastUid, CancellationToken ct) =>
        database.WriteAsync((c, t) => SaveStateAsync(c, t, account, folder, uidValidity, lastUid, ct), ct);

    public Task<bool> IsKnownAsync(string messageKey, CancellationToken ct) =>
        database.ReadAsync(async c => await c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM mail_inbox WHERE message_key = @k", ct, ("k", messageKey)) > 0, ct);

    /// <summary>Stores the message and moves the folder's state to its UID; returns its id, or null when it was stored before.</summary>
    public async Task<long?> StoreAsync(ParsedInbound mail, byte[] raw, string account, string folder, uint uidValidity, uint uid, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await database.WriteAsync<long?>(async (c, t) =>
        {
            await SaveStateAsync(c, t, account, folder, uidValidity, uid, ct);
            if (await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM mail_inbox WHERE message_key = @k", ct, ("k", mail.MessageKey)) > 0)
            {
                return null;
            }
            var id = await c.ScalarAsync<long>(t, """
                INSERT INTO mail_inbox (message_key, message_id, in_reply_to, reference_ids, sender, recipients, subject, sent_date, text_body,
                    reply_token, bounce, raw, raw_size, raw_sha256, account, folder, uid_validity, uid, received_at)
                VALUES (@key, @mid, @irt, @refs, @from, @to, @subject, @date, @body, @token, @bounce, @raw, @size, @sha, @account, @folder, @validity, @uid, @now)
                RETURNING id
                """, ct, ("key", mail.MessageKey), ("mid", mail.MessageId), ("irt", mail.InReplyTo), ("refs", JsonSerializer.Serialize(mail.References)),
                ("from", mail.From), ("to", JsonSerializer.Serialize(mail.To)), ("subject", mail.Subject), ("date", mail.Date), ("body", mail.TextBody),
                ("token", mail.ReplyToken), ("bounce", mail.Bounce is null ? null : JsonSerializer.Serialize(mail.Bounce)), ("raw", raw),
                ("size", (long)raw.Length), ("sha", mail.RawSha256), ("account", account), ("folder", folder), ("validity", (long)uidValidity),
                ("uid", (long)uid), ("now", now));
            foreach (var attachment in mail.Attachments)
            {
                var kept = attachment.RejectedBecause is null;
                await c.ExecuteAsync(t, """
                    INSERT INTO mail_attachments (inbox_id, file_name, content_type, size, sha256, status, reason, content)
                    VALUES (@id, @name, @type, @size, @sha, @status, @reason, @content)
                    """, ct, ("id", id), ("name", attachment.FileName), ("type", attachment.ContentType), ("size", (long)attachment.Content.Length),
                    ("sha", attachment.Sha256), ("status", kept ? "kept" : "rejected"), ("reason", attachment.RejectedBecause),
                    ("content", kept ? attachment.Content : null));
            }
            if (mail.Bounce is { IsPermanent: true, OriginalMessageId: { } original })
            {
                await MarkBouncedAsync(c, t, original, mail.Bounce, now, ct);
            }
            return id;
        }, ct);
    }

    /// <summary>A permanent bounce fails the outgoing message it returns; the notifier then tells the request desk.</summary>
    private static async Task MarkBouncedAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, string originalMessageId,
        BounceInfo bounce, DateTimeOffset now, CancellationToken ct)
    {
        var outboxId = await c.ScalarAsync<long?>(t, "SELECT id FROM mail_outbox WHERE message_id = @mid AND status <> @failed", ct,
            ("mid", originalMessageId), ("failed", OutboxStatusCodes.Failed));
        if (outboxId is not { } id)
        {
            return;
        }
        var reason = $"bounced ({bounce.Status}): {bounce.Reason}";
        await c.ExecuteAsync(t, """
            UPDATE mail_outbox SET status = @failed, failed_at = @now, lease_until = NULL, last_error = @reason, notified_at = NULL WHERE id = @id
            """, ct, ("failed", OutboxStatusCodes.Failed), ("now", now), ("reason", reason), ("id", id));
        await OutboxHistory.AppendAsync(c, t, id, now, OutboxStatus.Failed, reason, ct);
    }

    private async Task<bool> SaveStateAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, string account, string folder,
        uint uidValidity, uint lastUid, CancellationToken ct)
    {
        await c.ExecuteAsync(t, """
            INSERT INTO mail_imap_state (account, folder, uid_validity, last_uid, updated_at) VALUES (@a, @f, @v, @u, @now)
            ON CONFLICT (account, folder) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, updated_at = excluded.updated_at
            """, ct, ("a", account), ("f", folder), ("v", (long)uidValidity), ("u", (long)lastUid), ("now", clock.GetUtcNow()));
        return true;
    }
}
