using AssetTrace.Audit.Checkpoints;

namespace AssetTrace.Audit;

/// <summary>The result of checking the audit log's hash chain and its signed checkpoints.</summary>
/// <param name="EntriesChecked">Entries from the first whose links hold.</param>
/// <param name="HeadHash">The hash of the last entry whose link holds.</param>
/// <param name="Problems">Everything found, most telling first; empty when the log is intact.</param>
/// <param name="Checkpoint">The newest checkpoint the log was checked against whose signature holds (the signed head, or the exported file when newer).</param>
/// <param name="CheckpointsChecked">Signed head, kept checkpoints and the exported file, if any.</param>
/// <param name="KeyFingerprint">The fingerprint of the key checkpoints must be signed with.</param>
public sealed record AuditVerification(
    long EntriesChecked,
    string HeadHash,
    IReadOnlyList<AuditProblem> Problems,
    AuditCheckpoint? Checkpoint,
    int CheckpointsChecked,
    string KeyFingerprint)
{
    public bool Intact => Problems.Count == 0;

    /// <summary>Where the first problem shows: the entry that breaks, the first one missing, or the checkpoint that no longer agrees.</summary>
    public long? FirstBrokenSeq => Problems.Count == 0 ? null : Problems[0].Seq;

    public string? Problem => Problems.Count == 0 ? null : Problems[0].Message;
}

/// <summary>One thing wrong with the audit log.</summary>
/// <param name="Seq">The entry it concerns, when there is one.</param>
public sealed record AuditProblem(AuditProblemKind Kind, long? Seq, string Message);

public enum AuditProblemKind
{
    /// <summary>A seq number is skipped: an entry was deleted from the middle.</summary>
    MissingEntry,

    /// <summary>An entry does not point to the hash of the one before it.</summary>
    BrokenLink,

    /// <summary>An entry's content does not match its own hash.</summary>
    AlteredEntry,

    /// <summary>The log ends before the seq a signed checkpoint covers.</summary>
    Truncated,

    /// <summary>A signed checkpoint's hash differs from the entry at its seq: the chain was rewritten without the key.</summary>
    Rewritten,

    /// <summary>A checkpoint is signed by another key, or its signature does not verify.</summary>
    ForgedCheckpoint,

    /// <summary>Entries after the signed head: appended without the key.</summary>
    UnsignedEntries,

    /// <summary>The log has entries but no signed head.</summary>
    MissingHead,
}
