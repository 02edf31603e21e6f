using System.Data.Common;
using AssetTrace.Storage;

namespace AssetTrace.Audit;

/// <summary>One pass over the hash chain in seq order, stopping at the first link that does not hold.</summary>
public sealed class AuditChainWalk
{
    private AuditChainWalk()
    {
    }

    public long EntriesChecked { get; private set; }

    /// <summary>The seq of the last entry whose link holds; 0 for an empty log.</summary>
    public long LastSeq { get; private set; }

    public string LastHash { get; private set; } = AuditHash.Genesis;

    public AuditProblem? Break { get; private set; }

    /// <param name="visit">Called with each entry's seq and hash once its link is known to hold.</param>
    public static async Task<AuditChainWalk> RunAsync(DbConnection connection, DbTransaction? transaction, Action<long, string> visit, CancellationToken ct)
    {
        var walk = new AuditChainWalk();
        await using var command = Database.Command(connection, transaction, "SELECT seq, at, actor, action, entity, before_state, after_state, reason, prev_hash, hash FROM audit_log ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var entry = new AuditEntry(reader.GetInt64(0), reader.Instant(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.NullableString(5), reader.NullableString(6), reader.NullableString(7), reader.GetString(8), reader.GetString(9));
            var expected = walk.LastSeq + 1;
            walk.Break = entry.Seq != expected
                ? new(AuditProblemKind.MissingEntry, expected, $"entry {expected} is missing: the log jumps from {expected - 1} to {entry.Seq}.")
                : entry.PreviousHash != walk.LastHash
                    ? new(AuditProblemKind.BrokenLink, entry.Seq, $"entry {entry.Seq} does not point to the hash of entry {entry.Seq - 1}: an earlier entry was changed or removed.")
                    : AuditHash.Compute(entry.PreviousHash, entry.Seq, entry.At, entry.Actor, entry.Action, entry.Entity, entry.Before, entry.After, entry.Reason) != entry.Hash
                        ? new(AuditProblemKind.AlteredEntry, entry.Seq, $"entry {entry.Seq} ({entry.Action} on {entry.Entity} by {entry.Actor}) does not match its hash: its content was altered.")
                        : null;
            if (walk.Break is not null)
            {
                return walk;
            }
            visit(entry.Seq, entry.Hash);
            walk.LastSeq = entry.Seq;
            walk.LastHash = entry.Hash;
            walk.EntriesChecked++;
        }
        return walk;
    }
}
