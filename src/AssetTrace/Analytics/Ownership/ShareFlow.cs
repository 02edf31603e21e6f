using AssetTrace.Analytics.Engine;
using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Ownership;

/// <summary>Which way shares flow from the node a calculation starts at.</summary>
public enum FlowDirection
{
    /// <summary>Towards the owners of a company or asset: who owns it, and how much.</summary>
    Upstream,

    /// <summary>Towards what a person or company owns: its holdings, and how much of each.</summary>
    Downstream,
}

/// <summary>The effective shares of every node reached from the seed, and the cycles met on the way.</summary>
public sealed record FlowResult(
    SnapshotNode Seed,
    FlowDirection Direction,
    bool AccountsAsHoldings,
    IReadOnlyDictionary<SnapshotNode, FlowShare> Shares,
    IReadOnlyList<IReadOnlyList<SnapshotNode>> Cycles,
    bool Converged)
{
    public bool InCycle(SnapshotNode node) => Cycles.Any(c => c.Contains(node));
}

/// <summary>
/// Effective ownership: shares multiplied along each chain and summed over all chains.
/// </summary>
/// <remarks>
/// Formulation: for the target T, e(T) = 1 and for every other node x reached,
/// e(x) = Σ share(x→y)·e(y) over x's ownership links into the region — the linear system
/// x = d + A·x. The region's strongly connected components are found with Tarjan's algorithm
/// and solved in topological order: a component without a cycle in one exact step, a cycle by
/// Gauss–Seidel iteration to a change below 1e-12. This counts every walk, so a cross-holding
/// adds what circulates through it; for ultimate owners (persons, and anyone with no owner of
/// their own) the result is the share of T that ends with them and cannot pass 100% while no
/// company declares more than 100% of owners. Intermediate companies inside a cycle are shown
/// capped at 100% and marked as circular. Why this and not (I − A)⁻¹ per component: the same
/// numbers, without building and inverting a matrix for the common case of small components.
/// </remarks>
public static class ShareFlow
{
    private const double Tolerance = 1e-12;
    private const int MaxIterations = 10_000;

    public static FlowResult Compute(SnapshotNode seed, FlowDirection direction, DateOnly? asOf, bool accountsAsHoldings = false)
    {
        var region = Region(seed, direction, asOf, accountsAsHoldings);
        var low = new Dictionary<SnapshotNode, double>(region.Count) { [seed] = 1 };
        var high = new Dictionary<SnapshotNode, double>(region.Count) { [seed] = 1 };
        var unknown = new Dictionary<SnapshotNode, bool>(region.Count) { [seed] = false };
        var cycles = new List<IReadOnlyList<SnapshotNode>>();
        var converged = true;
        if (SeedCycle(seed, region, direction, asOf, accountsAsHoldings) is { } seedCycle)
        {
            cycles.Add(seedCycle);
        }

        foreach (var component in Components(seed, region, direction, asOf, accountsAsHoldings))
        {
            var cyclic = component.Count > 1 || Links(component[0], direction, asOf, accountsAsHoldings).Any(l => l.Other == component[0]);
            if (cyclic)
            {
                cycles.Add(component);
            }
            for (var iteration = 0; iteration < (cyclic ? MaxIterations : 1); iteration++)
            {
                var change = 0.0;
                foreach (var node in component)
                {
                    double l = 0, h = 0;
                    var u = false;
                    foreach (var (other, edge) in Links(node, direction, asOf, accountsAsHoldings))
                    {
                        if (!region.Contains(other))
                        {
                            continue;
                        }
                        var (ol, oh, ou) = (low.GetValueOrDefault(other), high.GetValueOrDefault(other), unknown.GetValueOrDefault(other));
                        var (sl, sh) = Share(edge);
                        if (sl is null || sh is null)
                        {
                            u |= oh > 0 || ou;
                            continue;
                        }
                        l += sl.Value * ol;
                        h += sh.Value * oh;
                        u |= ou && sh.Value > 0;
                    }
                    change = Math.Max(change, Math.Max(Math.Abs(l - low.GetValueOrDefault(node)), Math.Abs(h - high.GetValueOrDefault(node))));
                    low[node] = l;
                    high[node] = h;
                    unknown[node] = u || unknown.GetValueOrDefault(node);
                }
                if (change < Tolerance)
                {
                    break;
                }
                if (iteration == MaxIterations - 1)
                {
                    converged = false;
                }
            }
        }

        var shares = new Dictionary<SnapshotNode, FlowShare>(region.Count);
        foreach (var node in region)
        {
            if (node == seed)
            {
                continue;
            }
            var inCycle = cycles.Any(c => c.Contains(node));
            shares[node] = new FlowShare(
                inCycle ? Math.Min(1, low[node]) : low[node],
                inCycle ? Math.Min(1, high[node]) : high[node],
                unknown[node]);
        }
        return new FlowResult(seed, direction, accountsAsHoldings, shares, cycles, converged);
    }

    /// <summary>The share of an ownership link as fractions; nulls when unknown.</summary>
    public static (double? Low, double? High) Share(SnapshotEdge edge) => edge.Kind switch
    {
        EdgeKind.Owns => (edge.ShareLow, edge.ShareHigh),
        // An account's holder has the whole balance; signatories and attorneys do not own it.
        EdgeKind.HoldsAccount => IsHolder(edge) ? (1, 1) : (0, 0),
        _ => (null, null),
    };

    private static bool IsHolder(SnapshotEdge edge) => edge.Role is null or "holder" or "owner" or "joint holder";

    /// <summary>Links that carry a share towards the seed: (the node at the other end, the edge).</summary>
    public static IEnumerable<(SnapshotNode Other, SnapshotEdge Edge)> Links(SnapshotNode node, FlowDirection direction, DateOnly? asOf, bool accountsAsHoldings)
    {
        if (direction == FlowDirection.Upstream)
        {
            foreach (var edge in GraphSnapshot.Outgoing(node, EdgeKind.Owns, asOf))
            {
                yield return (edge.Target, edge);
            }
            yield break;
        }
        foreach (var edge in GraphSnapshot.Incoming(node, EdgeKind.Owns, asOf))
        {
            yield return (edge.Source, edge);
        }
        if (accountsAsHoldings)
        {
            foreach (var edge in GraphSnapshot.Incoming(node, EdgeKind.HoldsAccount, asOf))
            {
                yield return (edge.Source, edge);
            }
        }
    }

    /// <summary>Links away from the seed: the next owners (upstream) or the next holdings (downstream).</summary>
    public static IEnumerable<(SnapshotNode Other, SnapshotEdge Edge)> Expand(SnapshotNode node, FlowDirection direction, DateOnly? asOf, bool accountsAsHoldings)
    {
        if (direction == FlowDirection.Upstream)
        {
            foreach (var edge in GraphSnapshot.Incoming(node, EdgeKind.Owns, asOf))
            {
                yield return (edge.Source, edge);
            }
            yield break;
        }
        foreach (var edge in GraphSnapshot.Outgoing(node, EdgeKind.Owns, asOf))
        {
            yield return (edge.Target, edge);
        }
        if (accountsAsHoldings)
        {
            foreach (var edge in GraphSnapshot.Outgoing(node, EdgeKind.HoldsAccount, asOf))
            {
                yield return (edge.Target, edge);
            }
        }
    }

    /// <summary>
    /// The nodes on cycles through the seed itself (it owns, indirectly, one of its owners).
    /// The seed's value stays fixed, so such a cycle takes no iteration, but it is reported.
    /// </summary>
    private static List<SnapshotNode>? SeedCycle(SnapshotNode seed, HashSet<SnapshotNode> region, FlowDirection direction, DateOnly? asOf, bool accounts)
    {
        var back = new HashSet<SnapshotNode> { seed };
        var queue = new Queue<SnapshotNode>([seed]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var (next, _) in Links(node, direction, asOf, accounts))
            {
                if (region.Contains(next) && back.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }
        // Every region node leads back to the seed; those the seed also leads to lie on a cycle with it.
        return back.Count > 1 ? [.. back.OrderBy(n => n.Id, StringComparer.Ordinal)] : null;
    }

    private static HashSet<SnapshotNode> Region(SnapshotNode seed, FlowDirection direction, DateOnly? asOf, bool accounts)
    {
        var region = new HashSet<SnapshotNode> { seed };
        var queue = new Queue<SnapshotNode>();
        queue.Enqueue(seed);
        while (queue.TryDequeue(out var node))
        {
            foreach (var (next, _) in Expand(node, direction, asOf, accounts))
            {
                if (region.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return region;
    }

    /// <summary>
    /// Strongly connected components of the dependency graph (a node depends on the nodes its
    /// links lead to), dependencies first. Iterative Tarjan, so deep chains cannot overflow the stack.
    /// The seed's value is fixed, so it depends on nothing and is left out.
    /// </summary>
    private static List<List<SnapshotNode>> Components(SnapshotNode seed, HashSet<SnapshotNode> region, FlowDirection direction, DateOnly? asOf, bool accounts)
    {
        var index = new Dictionary<SnapshotNode, int>(region.Count);
        var lowLink = new Dictionary<SnapshotNode, int>(region.Count);
        var onStack = new HashSet<SnapshotNode>();
        var stack = new Stack<SnapshotNode>();
        var result = new List<List<SnapshotNode>>();
        var counter = 0;

        foreach (var root in region)
        {
            if (root == seed || index.ContainsKey(root))
            {
                continue;
            }
            var work = new Stack<(SnapshotNode Node, IEnumerator<SnapshotNode> Next)>();
            Visit(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Peek();
                if (next.MoveNext())
                {
                    var w = next.Current;
                    if (!index.TryGetValue(w, out var wIndex))
                    {
                        Visit(w);
                    }
                    else if (onStack.Contains(w))
                    {
                        lowLink[node] = Math.Min(lowLink[node], wIndex);
                    }
                    continue;
                }
                work.Pop();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    lowLink[parent] = Math.Min(lowLink[parent], lowLink[node]);
                }
                if (lowLink[node] == index[node])
                {
                    var component = new List<SnapshotNode>();
                    SnapshotNode member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    result.Add(component);
                }
            }

            void Visit(SnapshotNode v)
            {
                index[v] = lowLink[v] = counter++;
                stack.Push(v);
                onStack.Add(v);
                var dependencies = Links(v, direction, asOf, accounts)
                    .Select(l => l.Other)
                    .Where(o => o != seed && region.Contains(o))
                    .Distinct()
                    .ToList();
                work.Push((v, dependencies.GetEnumerator()));
            }
        }
        return result;
    }
}
