using System.Globalization;
using System.Text;

namespace AssetTrace.Audit.Checkpoints;

/// <summary>
/// A signed statement "at <see cref="SignedAt"/> the audit log ended at entry <see cref="Seq"/>,
/// whose hash was <see cref="Hash"/>". Whoever holds only the database cannot make one, so a
/// log that was cut after it, or rewritten up to it, no longer agrees with it.
/// </summary>
/// <param name="KeyFingerprint">SHA-256 (hex) of the public key that signed it.</param>
/// <param name="PublicKey">That public key, base64 SubjectPublicKeyInfo: lets a report name the key.</param>
/// <param name="Signature">ECDSA P-256 / SHA-256 over <see cref="SignedMessage"/>, base64 (r‖s).</param>
public sealed record AuditCheckpoint(long Seq, string Hash, DateTimeOffset SignedAt, string KeyFingerprint, string PublicKey, string Signature)
{
    public static AuditCheckpoint Sign(AuditSigningKey key, long seq, string hash, DateTimeOffset at)
    {
        at = AuditHash.Truncate(at);
        return new AuditCheckpoint(seq, hash, at, key.Fingerprint, key.PublicKey, key.Sign(SignedMessage(seq, hash, at, key.Fingerprint)));
    }

    /// <summary>The bytes signed: a fixed label, so no other signature by the key can pass for a checkpoint, then every field.</summary>
    public static byte[] SignedMessage(long seq, string hash, DateTimeOffset signedAt, string keyFingerprint) =>
        Encoding.UTF8.GetBytes(string.Join('\n',
            "assettrace-audit-checkpoint/1", seq.ToString(CultureInfo.InvariantCulture), hash, AuditHash.Canonical(signedAt), keyFingerprint));

    /// <summary>Whether the configured key signed exactly this checkpoint.</summary>
    public bool IsSignedBy(AuditSigningKey key) =>
        KeyFingerprint == key.Fingerprint && key.Verifies(SignedMessage(Seq, Hash, SignedAt, KeyFingerprint), Signature);

    /// <summary>"checkpoint of 2026-11-28 09:00:00Z": how reports name it.</summary>
    public string Describe() =>
        $"checkpoint of {SignedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
}
