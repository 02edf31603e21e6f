namespace AssetTrace.Mail.Receiving;

/// <summary>
/// Decides whether a received attachment is kept: not larger than the limit, of an accepted type,
/// and with content that is what its type claims (a "PDF" must start like a PDF; executables never pass).
/// </summary>
public sealed class AttachmentPolicy(InboundOptions options)
{
    /// <summary>Null when the attachment is kept, otherwise why not.</summary>
    public string? Check(string contentType, ReadOnlySpan<byte> content)
    {
        var type = contentType.ToLowerInvariant();
        if (content.Length > options.MaxAttachmentBytes)
        {
            return $"larger than the limit of {options.MaxAttachmentBytes} bytes ({content.Length} bytes)";
        }
        if (!options.EffectiveAllowedContentTypes.Any(allowed => Matches(allowed.ToLowerInvariant(), type)))
        {
            return $"the type {type} is not accepted (Mail:Inbound:AllowedContentTypes)";
        }
        if (content.StartsWith("MZ"u8) || content.StartsWith("\u007fELF"u8))
        {
            return $"declared as {type} but the content is an executable program";
        }
        if (ExpectedSignature(type) is { } signature && !StartsWithAny(content, signature.Magic))
        {
            return $"declared as {type} but the content is not {signature.Name}";
        }
        return null;
    }

    private static bool StartsWithAny(ReadOnlySpan<byte> content, byte[][] magics)
    {
        foreach (var magic in magics)
        {
            if (content.StartsWith(magic))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Matches(string allowed, string type) =>
        allowed.EndsWith("/*", StringComparison.Ordinal)
            ? type.StartsWith(allowed[..^1], StringComparison.Ordinal)
            : allowed == type;

    private static (string Name, byte[][] Magic)? ExpectedSignature(string type) => type switch
    {
        "application/pdf" => ("a PDF", ["%PDF-"u8.ToArray()]),
        "image/png" => ("a PNG image", [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        "image/jpeg" => ("a JPEG image", [[0xFF, 0xD8, 0xFF]]),
        "image/gif" => ("a GIF image", ["GIF87a"u8.ToArray(), "GIF89a"u8.ToArray()]),
        "image/tiff" => ("a TIFF image", [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A]]),
        "application/zip" or "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            or "application/vnd.oasis.opendocument.text" or "application/vnd.oasis.opendocument.spreadsheet"
            => ("a ZIP-based file", [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06]]),
        "application/msword" or "application/vnd.ms-excel" => ("an OLE compound file", [[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]]),
        _ => null,
    };
}
