using AssetTrace.Analytics.Engine;

namespace AssetTrace.Analytics.Ownership;

/// <summary>The effective shares of every node reached from the seed, and the cycles met on the way.</summary>
public sealed class FlowResult
{
    // By the region's numbering: true for the nodes on a cycle.
    private readonly bool[] _circular;

    internal FlowResult(FlowRegion region, FlowDirection direction, DateOnly? asOf, bool accountsAsHoldings,
        Dictionary<SnapshotNode, FlowShare> shares, List<SnapshotNode> solvedOrder, List<IReadOnlyList<SnapshotNode>> cycles, bool[] circular, bool converged)
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
        _circular = circular;
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

    public bool InCycle(SnapshotNode node) => Region.Local.TryGetValue(node.Index, out var x) && _circular[x];

    /// <summary>Whether the node is the seed or one the flow reached.</summary>
    public bool Reaches(SnapshotNode node) => node == Seed || Shares.ContainsKey(node);
}
