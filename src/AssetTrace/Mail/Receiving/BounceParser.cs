using MimeKit;

namespace AssetTrace.Mail.Receiving;

/// <summary>
/// Reads a delivery status notification (RFC 3464: multipart/report; report-type=delivery-status):
/// the worst per-recipient status, the server's reason, and the Message-ID of the message it returns.
/// </summary>
public static class BounceParser
{
    public static BounceInfo? TryParse(MimeMessage message)
    {
        var report = message.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (report is null)
        {
            return null;
        }
        // Group 0 is about the message; each later group is about one recipient.
        var recipients = report.StatusGroups.Skip(1).ToList();
        var worst = recipients
            .OrderByDescending(g => Severity(g["Action"], g["Status"]))
            .FirstOrDefault();
        var status = worst?["Status"]?.Trim() is { Length: > 0 } s ? s.Split(' ', 2)[0] : "5.0.0";
        var recipient = StripType(worst?["Final-Recipient"] ?? worst?["Original-Recipient"]);
        var diagnostic = StripType(worst?["Diagnostic-Code"]);
        var action = worst?["Action"]?.Trim() ?? "failed";
        var reason = string.Join(": ", new[] { recipient, diagnostic ?? action }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return new BounceInfo(OriginalMessageId(message, report), status, Unfold(reason));
    }

    private static int Severity(string? action, string? status) =>
        (action?.Trim().ToLowerInvariant() == "failed" ? 10 : 0) + (status?.Trim().StartsWith('5') == true ? 5 : status?.Trim().StartsWith('4') == true ? 4 : 0);

    /// <summary>"rfc822; nobody@example.org" → "nobody@example.org"; "smtp; 550 5.1.1 …" → "550 5.1.1 …".</summary>
    private static string? StripType(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }
        var semicolon = field.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? field[(semicolon + 1)..] : field).Trim();
    }

    /// <summary>Folded header lines ("User doesn't\r\n    exist") read as one line with single spaces.</summary>
    private static string Unfold(string text) => string.Join(' ', text.Split([' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string? OriginalMessageId(MimeMessage message, MessageDeliveryStatus report)
    {
        foreach (var part in message.BodyParts)
        {
            // text/rfc822-headers (RFC 6522) carries only the headers; message/rfc822 the whole message.
            if (part is MessagePart { Message.MessageId: { Length: > 0 } embedded })
            {
                return MessageIds.Bracket(embedded);
            }
            if (part is MimePart { Content: not null } mime && mime.ContentType.IsMimeType("text", "rfc822-headers"))
            {
                using var stream = new MemoryStream();
                mime.Content!.DecodeTo(stream);
                stream.Position = 0;
                var headers = HeaderList.Load(stream);
                if (headers[HeaderId.MessageId] is { Length: > 0 } id)
                {
                    return MessageIds.Bracket(id.Trim());
                }
            }
        }
        // Postfix and others echo the envelope id we could have set with DSN; a last resort.
        return report.StatusGroups.FirstOrDefault()?["Original-Envelope-Id"] is { Length: > 0 } envelope && envelope.Contains('@', StringComparison.Ordinal)
            ? MessageIds.Bracket(envelope)
            : null;
    }
}
