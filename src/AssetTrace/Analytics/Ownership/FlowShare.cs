namespace AssetTrace.Analytics.Ownership;

/// <summary>
/// An effective (indirect) share as fractions 0–1: <see cref="Low"/> with every range at its
/// minimum, <see cref="High"/> at its maximum. Links whose share is unknown add nothing to
/// either figure and set <see cref="UnknownInChain"/>: never guessed, always flagged.
/// </summary>
public readonly record struct FlowShare(double Low, double High, bool UnknownInChain);
