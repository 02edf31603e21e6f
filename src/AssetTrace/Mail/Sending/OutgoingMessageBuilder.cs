using AssetTrace.Common;
using MimeKit;
using MimeKit.Cryptography;

namespace AssetTrace.Mail.Sending;

/// <summary>
/// Turns an <see cref="OutgoingMail"/> into the MIME text that is stored in the outbox and sent
/// as it is on every attempt: Message-ID, Date and the S/MIME signature are fixed once, here.
/// </summary>
internal sealed class OutgoingMessageBuilder(MailOptions options)
{
    public static void Validate(OutgoingMail mail)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(mail.RequestId))
        {
            errors.Add(new FieldError("mail.requestId", "say which request the mail belongs to."));
        }
        if (mail.To.Count == 0)
        {
            errors.Add(new FieldError("mail.to", "give at least one recipient."));
        }
        foreach (var (field, address) in mail.To.Select(a => ("mail.to", a)).Concat(mail.Cc.Select(a => ("mail.cc", a))))
        {
            if (!MailboxAddress.TryParse(address, out var parsed) || !parsed.Address.Contains('@', StringComparison.Ordinal))
            {
                errors.Add(new FieldError(field, $"'{address}' is not an e-mail address; write it as name@example.org."));
            }
        }
        if (string.IsNullOrWhiteSpace(mail.Subject))
        {
            errors.Add(new FieldError("mail.subject", "give the mail a subject."));
        }
        foreach (var attachment in mail.Attachments)
        {
            if (string.IsNullOrWhiteSpace(attachment.FileName) || !ContentType.TryParse(attachment.ContentType, out _))
            {
                errors.Add(new FieldError("mail.attachments", $"the attachment '{attachment.FileName}' needs a file name and a content type such as application/pdf."));
            }
        }
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
    }

    public async Task<MimeMessage> BuildAsync(OutgoingMail mail, string messageId, string replyToken, DateTimeOffset date, CancellationToken ct)
    {
        var smtp = options.Smtp;
        var message = new MimeMessage
        {
            MessageId = MessageIds.Unbracket(messageId),
            Date = date,
            Subject = mail.Subject,
        };
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.ReplyTo.Add(MailboxAddress.Parse(ReplyToken.Address(DeskAddress(options), replyToken)));
        message.To.AddRange(mail.To.Select(MailboxAddress.Parse));
        message.Cc.AddRange(mail.Cc.Select(MailboxAddress.Parse));
        if (MessageIds.Bracket(mail.InReplyTo) is { } inReplyTo)
        {
            message.InReplyTo = MessageIds.Unbracket(inReplyTo);
            message.References.Add(MessageIds.Unbracket(inReplyTo));
        }
        message.Headers.Add(ReplyToken.Header, replyToken);

        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        // Note: 7-bit clean before it is stored, so no server without 8BITMIME makes MailKit re-encode
        // it on a later attempt: every attempt sends the same bytes, and a signature stays valid.
        message.Prepare(EncodingConstraint.SevenBit);

        if (!string.IsNullOrWhiteSpace(options.Smime.CertificateFile))
        {
            // Note: the temporary context keeps nothing on disk; the signer carries its own certificate chain.
            using var context = new TemporarySecureMimeContext();
            var signer = new CmsSigner(options.Smime.CertificateFile, options.Smime.CertificatePassword ?? "")
            {
                DigestAlgorithm = DigestAlgorithm.Sha256,
            };
            message.Body = await MultipartSigned.CreateAsync(context, signer, message.Body, ct);
        }
        return message;
    }

    public static string DeskAddress(MailOptions options) =>
        MailboxAddress.Parse(string.IsNullOrWhiteSpace(options.Smtp.ReplyToAddress) ? options.Smtp.From : options.Smtp.ReplyToAddress).Address;
}
