using System.Security.Cryptography;

namespace AssetTrace.Mail;

/// <summary>
/// Message-IDs are kept and handed out with their angle brackets, as they appear in headers
/// (&lt;id@domain&gt;), so that an In-Reply-To can be compared with a sent Message-ID as it is.
/// </summary>
public static class MessageIds
{
    public static string New(string domain) => $"<{Guid.CreateVersion7():N}@{domain}>";

    /// <summary>Adds the brackets MimeKit strips; null or blank stays null.</summary>
    public static string? Bracket(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        var trimmed = id.Trim();
        return trimmed.StartsWith('<') ? trimmed : $"<{trimmed}>";
    }

    /// <summary>MimeKit's form, without brackets.</summary>
    public static string Unbracket(string id) => id.Trim().TrimStart('<').TrimEnd('>');
}

/// <summary>
/// The token that lets a reply find its request when the partner's mail client drops the thread
/// headers: it rides in the Reply-To address as desk+&lt;token&gt;@… and in X-AssetTrace-Reply-Token.
/// </summary>
public static class ReplyToken
{
    public const string Header = "X-AssetTrace-Reply-Token";

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>16 characters from a 32-letter alphabet (80 bits): not guessable, and safe in a local part.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, 16);

    /// <summary>desk@example.org + token → desk+token@example.org.</summary>
    public static string Address(string deskAddress, string token)
    {
        var at = deskAddress.LastIndexOf('@');
        return at < 0 ? $"{deskAddress}+{token}" : $"{deskAddress[..at]}+{token}{deskAddress[at..]}";
    }

    /// <summary>The token in a plus-address of the desk's address, or null when the address is not one.</summary>
    public static string? Parse(string address, string deskAddress)
    {
        var at = address.LastIndexOf('@');
        var deskAt = deskAddress.LastIndexOf('@');
        if (at < 0 || deskAt < 0 || !address[at..].Equals(deskAddress[deskAt..], StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var prefix = deskAddress[..deskAt] + "+";
        var local = address[..at];
        if (!local.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || local.Length == prefix.Length)
        {
            return null;
        }
        // Note: some servers lower-case local parts on the way; the alphabet is lower-case already.
        return local[prefix.Length..].ToLowerInvariant();
    }
}
