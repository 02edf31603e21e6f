using System.Data.Common;
using System.Text.Json;
using AssetTrace.Storage;

namespace AssetTrace.Mail;

/// <summary>Reads received mail from the store: the parsed message, its raw MIME, and attachment bytes.</summary>
public sealed class MailInbox(Database database)
{
    public Task<InboundMail?> GetAsync(long id, CancellationToken ct) => database.ReadAsync(c => LoadAsync(c, null, id, ct), ct);

    /// <summary>The message exactly as the IMAP server handed it over.</summary>
    public Task<byte[]?> ReadRawAsync(long id, CancellationToken ct) =>
        database.ReadAsync(async c => (await c.QueryAsync(null, "SELECT raw FROM mail_inbox WHERE id = @id", r => (byte[])r.GetValue(0), ct, ("id", id))).SingleOrDefault(), ct);

    /// <summary>A kept attachment and its bytes; null for an unknown id or one that was refused (see <see cref="RejectedAttachmentsAsync"/>).</summary>
    public Task<AttachmentContent?> ReadAttachmentAsync(long attachmentId, CancellationToken ct) =>
        database.ReadAsync(async c => (await c.QueryAsync(null, """
            SELECT id, file_name, content_type, size, sha256, content FROM mail_attachments WHERE id = @id AND status = 'kept'
            """, r => new AttachmentContent(new StoredAttachment(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4)),
                (byte[])r.GetValue(5)), ct, ("id", attachmentId))).SingleOrDefault(), ct);

    /// <summary>Attachments of a message that were not kept, and why (too large, a type not accepted, content not matching its type).</summary>
    public Task<IReadOnlyList<RejectedAttachment>> RejectedAttachmentsAsync(long inboxId, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<RejectedAttachment>>(async c => await c.QueryAsync(null, """
            SELECT file_name, content_type, size, sha256, reason FROM mail_attachments WHERE inbox_id = @id AND status = 'rejected' ORDER BY id
            """, r => new RejectedAttachment(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.NullableString(4) ?? ""), ct, ("id", inboxId)), ct);

    /// <summary>The stored message with this Message-ID (brackets optional), if it was received.</summary>
    public async Task<InboundMail?> FindByMessageIdAsync(string messageId, CancellationToken ct)
    {
        var id = await database.ReadAsync(c => c.ScalarAsync<long?>(null, "SELECT MIN(id) FROM mail_inbox WHERE message_id = @mid", ct,
            ("mid", MessageIds.Bracket(messageId) ?? "")), ct);
        return id is { } found ? await GetAsync(found, ct) : null;
    }

    internal static async Task<InboundMail?> LoadAsync(DbConnection c, DbTransaction? t, long id, CancellationToken ct)
    {
        var rows = await c.QueryAsync(t, """
            SELECT id, message_id, in_reply_to, reference_ids, sender, recipients, subject, sent_date, text_body, reply_token, bounce
            FROM mail_inbox WHERE id = @id
            """, r => new InboundMail(r.GetInt64(0), r.GetString(1), r.NullableString(2), JsonSerializer.Deserialize<string[]>(r.GetString(3)) ?? [],
                r.GetString(4), JsonSerializer.Deserialize<string[]>(r.GetString(5)) ?? [], r.GetString(6), r.Instant(7), r.GetString(8), [],
                r.NullableString(9), r.NullableString(10) is { } bounce ? JsonSerializer.Deserialize<BounceInfo>(bounce) : null), ct, ("id", id));
        if (rows.Count == 0)
        {
            return null;
        }
        var attachments = await c.QueryAsync(t, """
            SELECT id, file_name, content_type, size, sha256 FROM mail_attachments WHERE inbox_id = @id AND status = 'kept' ORDER BY id
            """, r => new StoredAttachment(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4)), ct, ("id", id));
        return rows[0] with { Attachments = attachments };
    }
}

/// <summary>An attachment's record and its bytes.</summary>
public sealed record AttachmentContent(StoredAttachment Attachment, byte[] Content);

/// <summary>An attachment that arrived but was not kept, with the reason.</summary>
public sealed record RejectedAttachment(string FileName, string ContentType, long Size, string Sha256, string Reason);
