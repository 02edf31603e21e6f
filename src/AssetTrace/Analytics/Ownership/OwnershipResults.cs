using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Ownership;

/// <summary>An owner of a company or asset with its effective share in percent.</summary>
/// <param name="Circular">The owner sits in an ownership cycle; its figure counts what circulates and is capped at 100%.</param>
public sealed record OwnerShare(
    string NodeId, NodeKind Kind, string Name, double LowPercent, double HighPercent,
    bool UnknownInChain, bool Circular, IReadOnlyList<OwnershipPath> Paths);

/// <summary>A natural person who ultimately owns or controls a company or asset, and why.</summary>
/// <param name="CertainByOwnership">Even the lower bound of the share reaches the threshold.</param>
/// <param name="DeclaredPercent">Set when a register or declaration names the person (BENEFICIAL_OWNER_OF); the share is null when not declared.</param>
public sealed record BeneficialOwner(
    string PersonId, string Name, double LowPercent, double HighPercent, bool UnknownInChain,
    bool ByOwnership, bool CertainByOwnership, bool ByControl, bool Declared, double? DeclaredPercent,
    IReadOnlyList<ControlStep> Control, IReadOnlyList<OwnershipPath> Paths);

/// <summary>Something a person (or group) owns or controls, with the effective share of each member.</summary>
public sealed record Holding(
    string NodeId, NodeKind Kind, string Name, double LowPercent, double HighPercent, bool UnknownInChain,
    bool Controlled, IReadOnlyList<MemberShare> Members, IReadOnlyList<OwnershipPath> Paths);

/// <summary>One member's part of a holding.</summary>
public sealed record MemberShare(string PersonId, double LowPercent, double HighPercent);
