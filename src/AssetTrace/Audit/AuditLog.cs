using System.Data.Common;
using AssetTrace.Storage;

namespace AssetTrace.Audit;

/// <summary>
/// The append-only, hash-chained record of every change. Entries are appended inside the
/// transaction of the change they record, so a change and its entry land together or not at all.
/// </summary>
public sealed class AuditLog(Database database, TimeProvider clock)
{
    public async Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction transaction, AuditRecord record, CancellationToken ct)
    {
        // The write lock is held (see Database.WriteAsync), so the head cannot move under us.
        var head = await connection.QueryAsync(transaction,
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            r => (Seq: r.GetInt64(0), Hash: r.GetString(1)), ct);
        var seq = head.Count == 0 ? 1 : head[0].Seq + 1;
        var previous = head.Count == 0 ? AuditHash.Genesis : head[0].Hash;
        var at = AuditHash.Truncate(clock.GetUtcNow());
        var hash = AuditHash.Compute(previous, seq, at, record.Actor, record.Action, record.Entity, record.Before, record.After, record.Reason);
        await connection.ExecuteAsync(transaction, """
            INSERT INTO audit_log (seq, at, actor, action, entity, before_state, after_state, reason, prev_hash, hash)
            VALUES (@seq, @at, @actor, @action, @entity, @before, @after, @reason, @prev, @hash)
            """, ct,
            ("seq", seq), ("at", at), ("actor", record.Actor), ("action", record.Action), ("entity", record.Entity),
            ("before", record.Before), ("after", record.After), ("reason", record.Reason), ("prev", previous), ("hash", hash));
        return new AuditEntry(seq, at, record.Actor, record.Action, record.Entity, record.Before, record.After, record.Reason, previous, hash);
    }

    /// <summary>Entries newest first, optionally only those about one entity.</summary>
    public Task<List<AuditEntry>> ListAsync(string? entity, long? beforeSeq, int limit, CancellationToken ct) =>
        database.ReadAsync(connection => connection.QueryAsync(null, $"""
            SELECT {Columns} FROM audit_log
            WHERE {(entity is null ? "1 = 1" : "entity = @entity")} AND {(beforeSeq is null ? "1 = 1" : "seq < @before")}
            ORDER BY seq DESC LIMIT @limit
            """, Read, ct, ("entity", entity ?? ""), ("before", beforeSeq ?? 0), ("limit", limit)), ct);

    /// <summary>Walks the whole chain and reports the first entry whose link does not hold.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Database.Command(connection, null, $"SELECT {Columns} FROM audit_log ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var previous = AuditHash.Genesis;
        long expectedSeq = 1, checkedCount = 0;
        while (await reader.ReadAsync(ct))
        {
            var entry = Read(reader);
            string? problem = null;
            if (entry.Seq != expectedSeq)
            {
                problem = $"entry {expectedSeq} is missing: the log jumps from {expectedSeq - 1} to {entry.Seq}.";
            }
            else if (entry.PreviousHash != previous)
            {
                problem = $"entry {entry.Seq} does not point to the hash of entry {entry.Seq - 1}: an earlier entry was changed or removed.";
            }
            else if (AuditHash.Compute(entry.PreviousHash, entry.Seq, entry.At, entry.Actor, entry.Action, entry.Entity, entry.Before, entry.After, entry.Reason) != entry.Hash)
            {
                problem = $"entry {entry.Seq} ({entry.Action} on {entry.Entity} by {entry.Actor}) does not match its hash: its content was altered.";
            }
            if (problem is not null)
            {
                return new AuditVerification(false, checkedCount, expectedSeq, problem, previous);
            }
            previous = entry.Hash;
            expectedSeq++;
            checkedCount++;
        }
        return new AuditVerification(true, checkedCount, null, null, previous);
    }

    private const string Columns = "seq, at, actor, action, entity, before_state, after_state, reason, prev_hash, hash";

    private static AuditEntry Read(DbDataReader r) => new(
        r.GetInt64(0), r.Instant(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.NullableString(5), r.NullableString(6), r.NullableString(7), r.GetString(8), r.GetString(9));
}
