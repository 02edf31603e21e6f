namespace AssetTrace.Mail;

/// <summary>
/// A message to send for a request. <see cref="MailOutbox"/> gives it its Message-ID, stable from
/// the moment it is queued. <paramref name="InReplyTo"/> threads it under an earlier message.
/// </summary>
public sealed record OutgoingMail(string RequestId, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject,
    string TextBody, string? HtmlBody, IReadOnlyList<MailAttachment> Attachments, string? InReplyTo = null);

/// <summary>A file sent with an <see cref="OutgoingMail"/>.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
