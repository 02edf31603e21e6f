using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MimeKit;

namespace AssetTrace.Mail.Receiving;

/// <summary>A received message taken apart for storing; attachments carry the policy's verdict.</summary>
public sealed record ParsedInbound(string MessageKey, string MessageId, string? InReplyTo, IReadOnlyList<string> References, string From,
    IReadOnlyList<string> To, string Subject, DateTimeOffset Date, string TextBody, string? ReplyToken, BounceInfo? Bounce,
    IReadOnlyList<ParsedAttachment> Attachments, string RawSha256);

/// <summary>An attachment's bytes and digest; <see cref="RejectedBecause"/> is null when it is kept.</summary>
public sealed record ParsedAttachment(string FileName, string ContentType, byte[] Content, string Sha256, string? RejectedBecause);

/// <summary>Parses raw MIME into what the inbox stores and the request desk reads.</summary>
public static partial class InboundParser
{
    public static ParsedInbound Parse(byte[] raw, string deskAddress, AttachmentPolicy policy, DateTimeOffset receivedAt)
    {
        using var stream = new MemoryStream(raw, writable: false);
        var message = MimeMessage.Load(stream);
        var rawSha = Sha256(raw);
        // Note: a message without a Message-ID is still de-duplicated, by the digest of its bytes.
        var messageId = MessageIds.Bracket(message.MessageId);
        var key = messageId ?? $"sha256:{rawSha}";
        var to = message.To.Mailboxes.Select(m => m.Address).ToList();
        var token = to.Concat(message.Cc.Mailboxes.Select(m => m.Address))
            .Select(address => ReplyToken.Parse(address, deskAddress))
            .FirstOrDefault(t => t is not null);
        var bounce = BounceParser.TryParse(message);
        return new ParsedInbound(
            key,
            messageId ?? $"<{rawSha}@no-message-id.invalid>",
            MessageIds.Bracket(message.InReplyTo),
            message.References.Select(r => MessageIds.Bracket(r)!).ToList(),
            message.From.Mailboxes.FirstOrDefault()?.Address ?? message.Sender?.Address ?? "",
            to,
            message.Subject ?? "",
            message.Date == DateTimeOffset.MinValue ? receivedAt : message.Date.ToUniversalTime(),
            message.TextBody ?? HtmlToText(message.HtmlBody) ?? "",
            token,
            bounce,
            Attachments(message, policy),
            rawSha);
    }

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static List<ParsedAttachment> Attachments(MimeMessage message, AttachmentPolicy policy)
    {
        var result = new List<ParsedAttachment>();
        var number = 0;
        foreach (var entity in message.Attachments)
        {
            number++;
            using var content = new MemoryStream();
            string fileName;
            switch (entity)
            {
                case MessagePart { Message: not null } forwarded:
                    forwarded.Message.WriteTo(content);
                    fileName = entity.ContentDisposition?.FileName ?? $"message-{number}.eml";
                    break;
                case MimePart { Content: not null } part:
                    // Decoded: the attachment as the sender's file was, byte for byte.
                    part.Content.DecodeTo(content);
                    fileName = part.FileName ?? $"attachment-{number}";
                    break;
                default:
                    continue;
            }
            var bytes = content.ToArray();
            var type = entity.ContentType.MimeType.ToLowerInvariant();
            result.Add(new ParsedAttachment(SafeFileName(fileName, number), type, bytes, Sha256(bytes), policy.Check(type, bytes)));
        }
        return result;
    }

    /// <summary>No directories, no control characters: the name is shown and may be used to save the file.</summary>
    private static string SafeFileName(string name, int number)
    {
        var last = name.Replace('\\', '/').Split('/').Last();
        var clean = new string(last.Where(ch => !char.IsControl(ch)).ToArray()).Trim();
        return clean.Length == 0 || clean is "." or ".." ? $"attachment-{number}" : clean;
    }

    private static string? HtmlToText(string? html) =>
        html is null ? null : System.Net.WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(html, " "), " ")).Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Whitespace();
}
