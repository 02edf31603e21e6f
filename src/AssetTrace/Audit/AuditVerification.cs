namespace AssetTrace.Audit;

/// <summary>The result of checking the audit log's hash chain from the first entry to the last.</summary>
/// <param name="FirstBrokenSeq">The first entry whose link does not hold; null when the chain is intact.</param>
/// <param name="HeadHash">The hash of the last entry: note it down to detect a later truncation of the log.</param>
public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenSeq, string? Problem, string HeadHash);
