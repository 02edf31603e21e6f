using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// Graph ids of imported records, derived from format and record id: readable when the record id
/// fits the id rules (<c>bods:per-5faa4103dee78621</c>), a hash of it otherwise.
/// </summary>
public static partial class InterchangeIds
{
    public static string For(string format, string recordId)
    {
        var readable = $"{format}:{recordId.Replace('/', '.')}";
        if (readable.Length <= 128 && Allowed().IsMatch(readable))
        {
            return readable;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recordId)))[..32];
        return $"{format}:h.{hash}";
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex Allowed();
}
