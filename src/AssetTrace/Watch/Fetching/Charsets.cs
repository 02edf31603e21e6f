using System.Text;
using System.Text.RegularExpressions;

namespace AssetTrace.Watch.Fetching;

/// <summary>
/// Turns a page's bytes into text: the charset of its Content-Type, else a byte-order mark, else the
/// page's own &lt;meta charset&gt; or XML declaration, else UTF-8 when the bytes are valid UTF-8, else
/// windows-1251 (older registries of the region). windows-1251 and KOI8-R need the code-page provider.
/// </summary>
public static partial class Charsets
{
    static Charsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Text, string Charset) Decode(ReadOnlySpan<byte> body, string? contentTypeCharset)
    {
        var encoding = Named(contentTypeCharset) ?? FromBom(body, out var bom) ?? FromDeclaration(body) ?? (IsUtf8(body) ? Encoding.UTF8 : Named("windows-1251")!);
        var skip = FromBom(body, out bom) is not null ? bom : 0;
        return (encoding.GetString(body[skip..]), encoding.WebName);
    }

    private static Encoding? Named(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? FromBom(ReadOnlySpan<byte> body, out int length)
    {
        (length, var encoding) = body switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (3, Encoding.UTF8),
            [0xFF, 0xFE, ..] => (2, Encoding.Unicode),
            [0xFE, 0xFF, ..] => (2, Encoding.BigEndianUnicode),
            _ => (0, (Encoding?)null),
        };
        return encoding;
    }

    private static Encoding? FromDeclaration(ReadOnlySpan<byte> body)
    {
        // The declaration is ASCII in every charset this reads, so the first kilobytes read as Latin-1 find it.
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 4096)]);
        var match = DeclarationPattern().Match(head);
        return match.Success ? Named(match.Groups["cs"].Value) : null;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> body) => System.Text.Unicode.Utf8.IsValid(body);

    [GeneratedRegex("""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])(?<cs>[A-Za-z0-9_\-:]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex DeclarationPattern();
}
