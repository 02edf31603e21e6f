namespace AssetTrace.Interchange.Merges;

/// <summary>Where a merge suggestion stands; stored as its code (open, accepted, rejected, superseded).</summary>
public enum MergeStatus
{
    Open,
    Accepted,
    Rejected,

    /// <summary>One of its two nodes was merged into another by a decision on another suggestion.</summary>
    Superseded,
}
