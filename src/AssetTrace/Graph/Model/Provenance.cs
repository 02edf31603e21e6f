namespace AssetTrace.Graph.Model;

/// <summary>
/// Where a node or edge came from, when, who recorded it, and what it may be used for.
/// Information received informally is intelligence, not evidence, until obtained again by MLA.
/// </summary>
/// <param name="Source">The kind of source.</param>
/// <param name="Reference">What identifies the source: a registry URL, a request number, a file and record.</param>
/// <param name="ObtainedAt">When the source was obtained (not when it was typed in).</param>
/// <param name="RecordedBy">The user who recorded the fact.</param>
/// <param name="Restriction">What the fact may be used for.</param>
public sealed record Provenance(
    SourceKind Source,
    string? Reference,
    DateTimeOffset ObtainedAt,
    string RecordedBy,
    UsageRestriction Restriction);
