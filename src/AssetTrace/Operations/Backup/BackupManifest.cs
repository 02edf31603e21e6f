using System.Data.Common;
using System.Text.Json;
using AssetTrace.Storage;

namespace AssetTrace.Operations.Backup;

/// <summary>
/// What a backup holds, written after its tables and covered by its checksum: the row count of every
/// table, the schema version, and the audit log's last entry and signed head, so that a restore can be
/// compared with it and <c>audit verify</c> checked against the same head (#19).
/// </summary>
public sealed record BackupManifest(
    string CreatedAt,
    string SourceStore,
    string Source,
    int SchemaVersion,
    IReadOnlyDictionary<string, long> Tables,
    BackupAuditHead Audit)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static BackupManifest From(JsonElement element) =>
        element.Deserialize<BackupManifest>(Json) ?? throw new FormatException("the manifest is empty");
}

/// <param name="Entries">How many entries the audit log held.</param>
/// <param name="LastSeq">The last entry's number and hash: the head <c>audit verify</c> must reach after a restore.</param>
/// <param name="SignedSeq">The signed head's number (it covers the last entry), signed by the key with <paramref name="KeyFingerprint"/>.</param>
public sealed record BackupAuditHead(long Entries, long? LastSeq, string? LastHash, long? SignedSeq, string? SignedHash, string? KeyFingerprint, long Checkpoints)
{
    /// <summary>Read from the same snapshot as the tables.</summary>
    public static async Task<BackupAuditHead> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var entries = await connection.ScalarAsync<long>(transaction, "SELECT COUNT(*) FROM audit_log", ct);
        var last = (await connection.QueryAsync(transaction, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            r => (Seq: r.GetInt64(0), Hash: r.GetString(1)), ct)).FirstOrDefault();
        var head = (await connection.QueryAsync(transaction, "SELECT seq, hash, key_fingerprint FROM audit_head WHERE id = 1",
            r => (Seq: r.GetInt64(0), Hash: r.GetString(1), Key: r.GetString(2)), ct)).FirstOrDefault();
        var checkpoints = await connection.ScalarAsync<long>(transaction, "SELECT COUNT(*) FROM audit_checkpoints", ct);
        return new BackupAuditHead(entries, entries > 0 ? last.Seq : null, last.Hash, head.Hash is null ? null : head.Seq, head.Hash, head.Key, checkpoints);
    }
}
