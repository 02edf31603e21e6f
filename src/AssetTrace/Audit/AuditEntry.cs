namespace AssetTrace.Audit;

/// <summary>One entry of the append-only audit log.</summary>
/// <param name="Entity">What was changed, as <c>kind/id</c>, e.g. <c>node/demo-flat-london</c>.</param>
/// <param name="Before">JSON of the state before the change; null for a creation.</param>
/// <param name="After">JSON of the state after the change; null for a deletion.</param>
public sealed record AuditEntry(
    long Seq,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Entity,
    string? Before,
    string? After,
    string? Reason,
    string PreviousHash,
    string Hash);

/// <summary>What a change contributes to the audit log; the log adds sequence, time and hashes.</summary>
public sealed record AuditRecord(string Actor, string Action, string Entity, string? Before, string? After, string? Reason);
