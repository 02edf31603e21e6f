namespace AssetTrace.Mail;

/// <summary>
/// A received message as stored (<see cref="Id"/> is its row in mail_inbox; <see cref="MailInbox"/>
/// reads its raw MIME and attachment bytes). <see cref="ReplyToken"/> comes from a plus-address
/// such as desk+&lt;token&gt;@… in To or Cc; <see cref="Bounce"/> is set for a delivery status notification.
/// </summary>
public sealed record InboundMail(long Id, string MessageId, string? InReplyTo, IReadOnlyList<string> References, string From, IReadOnlyList<string> To,
    string Subject, DateTimeOffset Date, string TextBody, IReadOnlyList<StoredAttachment> Attachments,
    string? ReplyToken,
    BounceInfo? Bounce);

/// <summary>An attachment kept whole; <see cref="Sha256"/> is the lowercase hex digest of its bytes.</summary>
public sealed record StoredAttachment(long Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// What a delivery status notification (RFC 3464) says: the Message-ID of the message it is about,
/// the worst status code (5.x.x failed for good, 4.x.x delayed) and the reason the server gave.
/// </summary>
public sealed record BounceInfo(string? OriginalMessageId, string Status, string Reason)
{
    /// <summary>True for a permanent failure (status class 5).</summary>
    public bool IsPermanent => Status.StartsWith('5');
}
