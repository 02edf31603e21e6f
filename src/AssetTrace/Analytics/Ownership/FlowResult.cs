using AssetTrace.Analytics.Engine;

namespace AssetTrace.Analytics.Ownership;

/// <summary>The effective shares of every node reached from the seed, and the cycles met on the way.</summary>
public sealed class FlowResult
{
    private readonly HashSet<SnapshotNode>? _circular;

    internal FlowResult(FlowRegion region, FlowDirection direction, DateOnly? asOf, bool accountsAsHoldings,
        Dictionary<SnapshotNode, FlowShare> shares, List<SnapshotNode> solvedOrder, List<IReadOnlyList<SnapshotNode>> cycles, bool converged)
    {
        Region = region;
        Seed = region.Nodes[0];
        Direction = direction;
        AsOf = asOf;
        AccountsAsHoldings = accountsAsHoldings;
        Shares = shares;
        SolvedOrder = solvedOrder;
        Cycles = cycles;
        Converged = converged;
        _circular = cycles.Count == 0 ? null : [.. cycles.SelectMany(c => c)];
    }

    public SnapshotNode Seed { get; }

    /// <summary>The region the shares were solved on, for the chains that explain them.</summary>
    internal FlowRegion Region { get; }

    public FlowDirection Direction { get; }

    /// <summary>The date the links were taken as valid on; null for all of them.</summary>
    public DateOnly? AsOf { get; }

    public bool AccountsAsHoldings { get; }

    /// <summary>Every node reached from the seed, the seed left out, in the order they were reached.</summary>
    public IReadOnlyDictionary<SnapshotNode, FlowShare> Shares { get; }

    /// <summary>
    /// The nodes of <see cref="Shares"/> in the order they were solved: each after every node it
    /// takes its share through, outside cycles. Upstream, read backwards, owners come before what they own.
    /// </summary>
    public IReadOnlyList<SnapshotNode> SolvedOrder { get; }

    public IReadOnlyList<IReadOnlyList<SnapshotNode>> Cycles { get; }

    public bool Converged { get; }

    public bool InCycle(SnapshotNode node) => _circular?.Contains(node) == true;

    /// <summary>Whether the node is the seed or one the flow reached.</summary>
    public bool Reaches(SnapshotNode node) => node == Seed || Shares.ContainsKey(node);
}
