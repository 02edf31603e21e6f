using System.Data.Common;
using AssetTrace.Common;
using AssetTrace.Storage;
using Microsoft.Extensions.Options;

namespace AssetTrace.Audit.Checkpoints;

/// <summary>
/// Keeps the signed head of the audit log in step with every append, and the checkpoints kept
/// for good. Before it signs a new head it checks that the log still ends where the last signed
/// head said: otherwise the next change would sign over a cut or a rewrite and hide it, so the
/// change is refused instead (#11).
/// </summary>
public sealed class AuditCheckpointStore(AuditSigningKey key, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditCheckpointStore> logger)
{
    private const string Columns = "seq, hash, signed_at, key_fingerprint, public_key, signature";

    // The head this process last signed or verified: when the stored head is exactly it, the
    // signature need not be checked again (signatures are randomised, so a copy cannot pass for
    // one of different content).
    private AuditCheckpoint? _knownHead;

    // Whether a log without a signed head may be sealed as it stands: only while the key is new
    // and this process has signed or seen no head. Once one existed, its absence is a cut.
    private volatile bool _keyUnused = key.Created;

    /// <summary>True while the signing key was made by this process and nothing has been signed with it yet.</summary>
    public bool KeyUnused => _keyUnused;

    /// <summary>
    /// Refuses (with <see cref="ConflictException"/>) when the log does not end at the signed head:
    /// <paramref name="lastSeq"/> and <paramref name="lastHash"/> are the newest entry's, 0 and the genesis hash for an empty log.
    /// </summary>
    public async Task CheckHeadAsync(DbConnection connection, DbTransaction transaction, long lastSeq, string lastHash, CancellationToken ct)
    {
        var head = await ReadHeadAsync(connection, transaction, ct);
        if (head is null)
        {
            // A log older than its key (the key was made by this process) is sealed as it is by
            // the first head signed; a log whose head vanished while the key already existed was cut.
            if (lastSeq == 0 || _keyUnused)
            {
                return;
            }
            throw Refuse($"the log has {lastSeq} entries but its signed head is gone");
        }
        _keyUnused = false;
        if (head != _knownHead && !head.IsSignedBy(key))
        {
            throw Refuse($"its signed head (seq {head.Seq}) is not signed by this server's key {key.Fingerprint}");
        }
        if (head.Seq != lastSeq || head.Hash != lastHash)
        {
            throw Refuse(head.Seq > lastSeq
                ? $"the log ends at seq {lastSeq} but the {head.Describe()} covers seq {head.Seq}"
                : head.Seq < lastSeq
                    ? $"entries {head.Seq + 1} to {lastSeq} were added without the signing key"
                    : $"entry {head.Seq} no longer has the hash the {head.Describe()} signed");
        }
        _knownHead = head;
    }

    /// <summary>Signs the new head in the append's transaction; every <c>CheckpointEvery</c> entries it is also kept for good.</summary>
    public async Task SignHeadAsync(DbConnection connection, DbTransaction transaction, long seq, string hash, CancellationToken ct)
    {
        var head = AuditCheckpoint.Sign(key, seq, hash, clock.GetUtcNow());
        await connection.ExecuteAsync(transaction, $"""
            INSERT INTO audit_head (id, {Columns}) VALUES (1, @seq, @hash, @at, @fingerprint, @key, @signature)
            ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, signed_at = excluded.signed_at,
                key_fingerprint = excluded.key_fingerprint, public_key = excluded.public_key, signature = excluded.signature
            """, ct, Parameters(head));
        if (seq % Math.Max(1, options.Value.CheckpointEvery) == 0)
        {
            await KeepAsync(connection, transaction, head, ct);
        }
        _knownHead = head;
        _keyUnused = false;
    }

    /// <summary>
    /// Keeps the current signed head for good unless it already is (the scheduled checkpoint).
    /// Returns the checkpoint kept, or null when there was nothing new to keep.
    /// </summary>
    public async Task<AuditCheckpoint?> KeepHeadAsync(DbConnection connection, DbTransaction transaction, long lastSeq, string lastHash, CancellationToken ct)
    {
        await CheckHeadAsync(connection, transaction, lastSeq, lastHash, ct);
        var head = await ReadHeadAsync(connection, transaction, ct);
        if (head is null)
        {
            if (lastSeq == 0)
            {
                return null;
            }
            // The key is new and the log is not: seal the log as it stands.
            head = AuditCheckpoint.Sign(key, lastSeq, lastHash, clock.GetUtcNow());
            await connection.ExecuteAsync(transaction, $"INSERT INTO audit_head (id, {Columns}) VALUES (1, @seq, @hash, @at, @fingerprint, @key, @signature)", ct, Parameters(head));
            _knownHead = head;
            _keyUnused = false;
            logger.LogWarning("Sealed the existing audit log of {Count} entries with the new signing key {Fingerprint} ({Path})", lastSeq, key.Fingerprint, key.Path);
        }
        var kept = await connection.ScalarAsync<long?>(transaction, "SELECT COUNT(*) FROM audit_checkpoints WHERE seq = @seq", ct, ("seq", head.Seq));
        if (kept > 0)
        {
            return null;
        }
        await KeepAsync(connection, transaction, head, ct);
        return head;
    }

    public async Task<AuditCheckpoint?> ReadHeadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
        (await connection.QueryAsync(transaction, $"SELECT {Columns} FROM audit_head WHERE id = 1", Read, ct)).SingleOrDefault();

    /// <summary>The checkpoints kept for good, oldest first.</summary>
    public Task<List<AuditCheckpoint>> ListKeptAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
        connection.QueryAsync(transaction, $"SELECT {Columns} FROM audit_checkpoints ORDER BY seq", Read, ct);

    private static Task<int> KeepAsync(DbConnection connection, DbTransaction transaction, AuditCheckpoint checkpoint, CancellationToken ct) =>
        connection.ExecuteAsync(transaction, $"""
            INSERT INTO audit_checkpoints ({Columns}) VALUES (@seq, @hash, @at, @fingerprint, @key, @signature)
            ON CONFLICT (seq) DO NOTHING
            """, ct, Parameters(checkpoint));

    private static ConflictException Refuse(string what) => new(
        $"The audit log no longer agrees with its signed head: {what}. No change can be recorded until an administrator " +
        "has run 'assettrace audit verify' and restored the log from a backup.");

    private static (string, object?)[] Parameters(AuditCheckpoint c) =>
        [("seq", c.Seq), ("hash", c.Hash), ("at", c.SignedAt), ("fingerprint", c.KeyFingerprint), ("key", c.PublicKey), ("signature", c.Signature)];

    private static AuditCheckpoint Read(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.Instant(2), r.GetString(3), r.GetString(4), r.GetString(5));
}
