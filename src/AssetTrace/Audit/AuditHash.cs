using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AssetTrace.Audit;

/// <summary>
/// The hash that links an audit entry to the one before it: SHA-256 over a JSON array of the
/// previous hash and every field of the entry, so that changing, inserting or deleting any
/// earlier entry breaks every link after it.
/// </summary>
public static class AuditHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(string previousHash, long seq, DateTimeOffset at, string actor, string action, string entity, string? before, string? after, string? reason)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            previousHash, seq, Canonical(at), actor, action, entity, before, after, reason,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Both stores keep microseconds (PostgreSQL can keep no more), so entries are stamped
    /// and hashed at that precision.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>The form an instant is hashed and signed in: UTC, microseconds.</summary>
    public static string Canonical(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
