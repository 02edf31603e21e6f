using System.Data.Common;
using AssetTrace.Audit.Checkpoints;
using AssetTrace.Storage;

namespace AssetTrace.Audit;

/// <summary>
/// The append-only, hash-chained record of every change. Entries are appended inside the
/// transaction of the change they record, together with the signed head that covers them,
/// so a change, its entry and its checkpoint land together or not at all.
/// </summary>
public sealed class AuditLog(Database database, AuditCheckpointStore checkpoints, AuditVerifier verifier, TimeProvider clock)
{
    public async Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction transaction, AuditRecord record, CancellationToken ct)
    {
        // The write lock is held (see Database.WriteAsync), so the head cannot move under us.
        var (lastSeq, previous) = await LastAsync(connection, transaction, ct);
        // Signing on top of a log that was cut or rewritten would vouch for it: refuse instead.
        await checkpoints.CheckHeadAsync(connection, transaction, lastSeq, previous, ct);
        var seq = lastSeq + 1;
        var at = AuditHash.Truncate(clock.GetUtcNow());
        var hash = AuditHash.Compute(previous, seq, at, record.Actor, record.Action, record.Entity, record.Before, record.After, record.Reason);
        await connection.ExecuteAsync(transaction, """
            INSERT INTO audit_log (seq, at, actor, action, entity, before_state, after_state, reason, prev_hash, hash)
            VALUES (@seq, @at, @actor, @action, @entity, @before, @after, @reason, @prev, @hash)
            """, ct,
            ("seq", seq), ("at", at), ("actor", record.Actor), ("action", record.Action), ("entity", record.Entity),
            ("before", record.Before), ("after", record.After), ("reason", record.Reason), ("prev", previous), ("hash", hash));
        await checkpoints.SignHeadAsync(connection, transaction, seq, hash, ct);
        return new AuditEntry(seq, at, record.Actor, record.Action, record.Entity, record.Before, record.After, record.Reason, previous, hash);
    }

    /// <summary>Entries newest first, optionally only those about one entity.</summary>
    public Task<List<AuditEntry>> ListAsync(string? entity, long? beforeSeq, int limit, CancellationToken ct) =>
        database.ReadAsync(connection => connection.QueryAsync(null, $"""
            SELECT {Columns} FROM audit_log
            WHERE {(entity is null ? "1 = 1" : "entity = @entity")} AND {(beforeSeq is null ? "1 = 1" : "seq < @before")}
            ORDER BY seq DESC LIMIT @limit
            """, Read, ct, ("entity", entity ?? ""), ("before", beforeSeq ?? 0), ("limit", limit)), ct);

    /// <summary>Checks every link and every signed checkpoint, and <paramref name="exported"/> when given; see <see cref="AuditVerifier"/>.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken ct, AuditCheckpoint? exported = null) =>
        verifier.VerifyAsync(exported, ct);

    /// <summary>
    /// Keeps the signed head as a checkpoint for good (the scheduled checkpoint), and seals a log
    /// older than its key. Returns the checkpoint kept, or null when the head was kept already.
    /// </summary>
    public Task<AuditCheckpoint?> KeepCheckpointAsync(CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var (lastSeq, lastHash) = await LastAsync(connection, transaction, ct);
            return await checkpoints.KeepHeadAsync(connection, transaction, lastSeq, lastHash, ct);
        }, ct);

    /// <summary>The signed head as it is stored now; null before the first entry.</summary>
    public Task<AuditCheckpoint?> SignedHeadAsync(CancellationToken ct) =>
        database.ReadAsync(connection => checkpoints.ReadHeadAsync(connection, null, ct), ct);

    private static async Task<(long Seq, string Hash)> LastAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var last = await connection.QueryAsync(transaction, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            r => (Seq: r.GetInt64(0), Hash: r.GetString(1)), ct);
        return last.Count == 0 ? (0, AuditHash.Genesis) : last[0];
    }

    private const string Columns = "seq, at, actor, action, entity, before_state, after_state, reason, prev_hash, hash";

    private static AuditEntry Read(DbDataReader r) => new(
        r.GetInt64(0), r.Instant(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.NullableString(5), r.NullableString(6), r.NullableString(7), r.GetString(8), r.GetString(9));
}
