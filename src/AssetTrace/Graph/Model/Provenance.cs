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
/// <param name="CaseId">The case the fact is restricted to (need-to-know); null when every signed-in user may see it.</param>
/// <param name="Original">The channel the fact was first received through, when its source or restriction was changed since.</param>
public sealed record Provenance(
    SourceKind Source,
    string? Reference,
    DateTimeOffset ObtainedAt,
    string RecordedBy,
    UsageRestriction Restriction,
    string? CaseId = null,
    Channel? Original = null)
{
    /// <summary>The channel the fact was received through, whatever it is labelled now.</summary>
    public Channel Received => Original ?? new Channel(Source, Restriction);
}

/// <summary>A source and the restriction it came with.</summary>
public readonly record struct Channel(SourceKind Source, UsageRestriction Restriction)
{
    /// <summary>
    /// Received informally (a network or an FIU) or with a restriction: intelligence that reaches a
    /// court document only with the provider's consent on the ledger.
    /// </summary>
    public bool IsIntelligence => Source == SourceKind.NetworkAnswer || Restriction != UsageRestriction.Evidence;
}
