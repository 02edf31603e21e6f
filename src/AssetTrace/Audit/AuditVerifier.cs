using System.Data.Common;
using AssetTrace.Audit.Checkpoints;
using AssetTrace.Storage;

namespace AssetTrace.Audit;

/// <summary>
/// Walks the whole chain from the first entry and holds it against the signed checkpoints: the
/// signed head, those kept for good, and optionally one exported earlier and kept elsewhere.
/// Links show an entry changed, inserted or removed in the middle; checkpoints show what links
/// cannot: a cut tail, or a chain whose every later hash was recomputed (#11).
/// </summary>
public sealed class AuditVerifier(Database database, AuditCheckpointStore checkpoints, AuditSigningKey key)
{
    // One snapshot: read apart, an append between reading the head and walking the log would look
    // like entries added without the key.
    public Task<AuditVerification> VerifyAsync(AuditCheckpoint? exported, CancellationToken ct) =>
        database.ReadSnapshotAsync((connection, transaction) => VerifyAsync(connection, transaction, exported, ct), ct);

    private async Task<AuditVerification> VerifyAsync(DbConnection connection, DbTransaction transaction, AuditCheckpoint? exported, CancellationToken ct)
    {
        var head = await checkpoints.ReadHeadAsync(connection, transaction, ct);
        var kept = await checkpoints.ListKeptAsync(connection, transaction, ct);
        var problems = new List<AuditProblem>();

        var signed = new List<(AuditCheckpoint Checkpoint, string Name)>();
        foreach (var (checkpoint, name) in Named(head, kept, exported))
        {
            if (checkpoint.KeyFingerprint != key.Fingerprint)
            {
                problems.Add(new(AuditProblemKind.ForgedCheckpoint, checkpoint.Seq,
                    $"{name} is signed by key {checkpoint.KeyFingerprint}, not by this server's key {key.Fingerprint} ({key.Path}): it was forged, or the key was replaced."));
            }
            else if (!checkpoint.IsSignedBy(key))
            {
                problems.Add(new(AuditProblemKind.ForgedCheckpoint, checkpoint.Seq,
                    $"the signature of {name} does not verify under this server's key {key.Fingerprint}: the checkpoint was altered or forged without the key."));
            }
            else
            {
                signed.Add((checkpoint, name));
            }
        }
        var bySeq = signed.ToLookup(s => s.Checkpoint.Seq);

        var walk = await AuditChainWalk.RunAsync(connection, transaction, (seq, hash) =>
        {
            foreach (var (checkpoint, name) in bySeq[seq].Where(s => s.Checkpoint.Hash != hash))
            {
                problems.Add(new(AuditProblemKind.Rewritten, seq,
                    $"entry {seq} has hash {hash}, but {name} signed {checkpoint.Hash}: the chain was rewritten up to entry {seq} " +
                    "(an entry changed and every later hash recomputed) by someone without the signing key."));
            }
        }, ct);
        if (walk.Break is { } broken)
        {
            // Beyond a broken link nothing can be said of the tail: the break is what to look at.
            problems.Insert(problems.Count(p => p.Kind == AuditProblemKind.ForgedCheckpoint), broken);
            return Result(walk, problems, signed);
        }

        foreach (var (checkpoint, name) in signed.Where(s => s.Checkpoint.Seq > walk.LastSeq).OrderBy(s => s.Checkpoint.Seq))
        {
            problems.Add(new(AuditProblemKind.Truncated, walk.LastSeq + 1,
                $"the log ends at seq {walk.LastSeq} but {name} covers seq {checkpoint.Seq}: entries {walk.LastSeq + 1} to {checkpoint.Seq} were removed."));
        }
        if (head is null && walk.LastSeq > 0)
        {
            problems.Add(new(AuditProblemKind.MissingHead, walk.LastSeq, checkpoints.KeyUnused
                ? $"the log has {walk.LastSeq} entries and was never sealed: the signing key {key.Path} is new and nothing has sealed the log with it yet."
                : $"the log has {walk.LastSeq} entries but its signed head is gone: the checkpoint rows were removed."));
        }
        else if (head is not null && signed.Any(s => s.Checkpoint == head) && head.Seq < walk.LastSeq)
        {
            problems.Add(new(AuditProblemKind.UnsignedEntries, head.Seq + 1,
                $"entries {head.Seq + 1} to {walk.LastSeq} come after the signed head (seq {head.Seq}): they were added without the signing key."));
        }
        return Result(walk, problems, signed);
    }

    private AuditVerification Result(AuditChainWalk walk, List<AuditProblem> problems, List<(AuditCheckpoint Checkpoint, string Name)> signed) =>
        new(walk.EntriesChecked, walk.LastHash, problems,
            signed.Select(s => s.Checkpoint).OrderByDescending(c => c.Seq).ThenByDescending(c => c.SignedAt).FirstOrDefault(),
            signed.Count + problems.Count(p => p.Kind == AuditProblemKind.ForgedCheckpoint), key.Fingerprint);

    private static IEnumerable<(AuditCheckpoint, string)> Named(AuditCheckpoint? head, List<AuditCheckpoint> kept, AuditCheckpoint? exported)
    {
        if (exported is not null)
        {
            yield return (exported, $"the exported {exported.Describe()}");
        }
        if (head is not null)
        {
            yield return (head, $"the signed head ({head.Describe()})");
        }
        foreach (var checkpoint in kept)
        {
            yield return (checkpoint, $"the kept {checkpoint.Describe()}");
        }
    }
}
