using AssetTrace.Analytics.Engine;
using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Ownership;

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
        var region = FlowRegion.Build(seed, direction, asOf, accountsAsHoldings);
        var count = region.Count;
        var low = new double[count];
        var high = new double[count];
        var unknown = new bool[count];
        low[0] = high[0] = 1;
        var cycles = new List<IReadOnlyList<SnapshotNode>>();
        var solved = new List<SnapshotNode>(count);
        var converged = true;
        if (region.Forward)
        {
            // No cycle: each node once, in the region's order, after every node it takes its share through.
            for (var x = 1; x < count; x++)
            {
                solved.Add(region.Nodes[x]);
                Solve(region, x, low, high, unknown);
            }
        }
        else
        {
            converged = SolveByComponents(region, low, high, unknown, cycles, solved);
        }

        var circular = new bool[count];
        foreach (var cycle in cycles)
        {
            foreach (var node in cycle)
            {
                circular[region.Local[node.Index]] = true;
            }
        }
        var shares = new Dictionary<SnapshotNode, FlowShare>(count);
        for (var x = 1; x < count; x++)
        {
            shares[region.Nodes[x]] = new FlowShare(
                circular[x] ? Math.Min(1, low[x]) : low[x],
                circular[x] ? Math.Min(1, high[x]) : high[x],
                unknown[x]);
        }
        return new FlowResult(region, direction, asOf, accountsAsHoldings, shares, solved, cycles, circular, converged);
    }

    /// <summary>Solves the region's strongly connected components in order, iterating those with a cycle; false when one did not converge.</summary>
    private static bool SolveByComponents(FlowRegion region, double[] low, double[] high, bool[] unknown,
        List<IReadOnlyList<SnapshotNode>> cycles, List<SnapshotNode> solved)
    {
        var converged = true;
        if (SeedCycle(region) is { } seedCycle)
        {
            cycles.Add(seedCycle);
        }
        var (members, bounds) = Components(region);
        for (var c = 0; c + 1 < bounds.Count; c++)
        {
            var component = members.AsSpan(bounds[c], bounds[c + 1] - bounds[c]);
            foreach (var x in component)
            {
                solved.Add(region.Nodes[x]);
            }
            var cyclic = component.Length > 1 || region.LinksTo(component[0], component[0]);
            if (cyclic)
            {
                cycles.Add([.. component.ToArray().Select(x => region.Nodes[x])]);
            }
            for (var iteration = 0; iteration < (cyclic ? MaxIterations : 1); iteration++)
            {
                var change = 0.0;
                foreach (var x in component)
                {
                    change = Math.Max(change, Solve(region, x, low, high, unknown));
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
        return converged;
    }

    /// <summary>One step for node x: its shares from those of the nodes it takes them through. Returns how much they moved.</summary>
    private static double Solve(FlowRegion region, int x, double[] low, double[] high, bool[] unknown)
    {
        double l = 0, h = 0;
        var u = false;
        for (var k = region.Start[x]; k < region.Start[x + 1]; k++)
        {
            var o = region.Other[k];
            if (double.IsNaN(region.Low[k]))
            {
                u |= high[o] > 0 || unknown[o];
                continue;
            }
            l += region.Low[k] * low[o];
            h += region.High[k] * high[o];
            u |= unknown[o] && region.High[k] > 0;
        }
        var change = Math.Max(Math.Abs(l - low[x]), Math.Abs(h - high[x]));
        low[x] = l;
        high[x] = h;
        unknown[x] |= u;
        return change;
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

    /// <summary>Links away from the seed: the next owners (upstream) or the next holdings (downstream).</summary>
    public static List<(SnapshotNode Other, SnapshotEdge Edge)> Expand(SnapshotNode node, FlowDirection direction, DateOnly? asOf, bool accountsAsHoldings)
    {
        var links = new List<(SnapshotNode, SnapshotEdge)>();
        AppendExpansion(node, direction, asOf, accountsAsHoldings, links);
        return links;
    }

    /// <summary><see cref="Expand"/> into a list the caller reuses.</summary>
    private static void AppendExpansion(SnapshotNode node, FlowDirection direction, DateOnly? asOf, bool accountsAsHoldings, List<(SnapshotNode, SnapshotEdge)> into)
    {
        foreach (ref readonly var link in Ownership(node, direction))
        {
            if (link.IsValidOn(asOf))
            {
                into.Add((link.Other, link.Edge));
            }
        }
        foreach (var edge in Accounts(node, direction, asOf, accountsAsHoldings))
        {
            into.Add((edge.Target, edge));
        }
    }

    /// <summary>A node's OWNS links away from the seed: to its owners upstream, to its holdings downstream.</summary>
    internal static ReadOnlySpan<Link> Ownership(SnapshotNode node, FlowDirection direction) =>
        direction == FlowDirection.Upstream ? node.OwnsInLinks.Span : node.OwnsOutLinks.Span;

    /// <summary>The accounts a node holds, valid on the date: holdings too, when a flow downstream counts them; none otherwise.</summary>
    internal static IEnumerable<SnapshotEdge> Accounts(SnapshotNode node, FlowDirection direction, DateOnly? asOf, bool accountsAsHoldings) =>
        direction == FlowDirection.Downstream && accountsAsHoldings ? GraphSnapshot.Outgoing(node, EdgeKind.HoldsAccount, asOf) : [];

    /// <summary>
    /// The nodes on cycles through the seed itself (it owns, indirectly, one of its owners).
    /// The seed's value stays fixed, so such a cycle takes no iteration, but it is reported.
    /// </summary>
    private static List<SnapshotNode>? SeedCycle(FlowRegion region)
    {
        // Every region node leads back to the seed; those the seed also leads to lie on a cycle with it.
        var back = new bool[region.Count];
        var queue = new Queue<int>();
        queue.Enqueue(0);
        back[0] = true;
        var found = 1;
        while (queue.TryDequeue(out var x))
        {
            for (var k = region.Start[x]; k < region.Start[x + 1]; k++)
            {
                var o = region.Other[k];
                if (!back[o])
                {
                    back[o] = true;
                    found++;
                    queue.Enqueue(o);
                }
            }
        }
        if (found == 1)
        {
            return null;
        }
        var cycle = new List<SnapshotNode>(found);
        for (var x = 0; x < region.Count; x++)
        {
            if (back[x])
            {
                cycle.Add(region.Nodes[x]);
            }
        }
        cycle.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return cycle;
    }

    /// <summary>
    /// Strongly connected components of the dependency graph (a node depends on the nodes its
    /// links lead to), dependencies first. Iterative Tarjan, so deep chains cannot overflow the stack.
    /// The seed's value is fixed, so it depends on nothing and is left out. Component c is
    /// <c>Members[Bounds[c]]</c> to <c>Members[Bounds[c + 1] - 1]</c>: one array for all of them.
    /// </summary>
    private static (int[] Members, List<int> Bounds) Components(FlowRegion region)
    {
        var count = region.Count;
        var index = new int[count];
        var lowLink = new int[count];
        var onStack = new bool[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var work = new Stack<(int Node, int Link)>();
        var members = new int[count];
        var bounds = new List<int> { 0 };
        var placed = 0;
        var counter = 0;

        for (var root = 1; root < count; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }
            Visit(root);
            while (work.Count > 0)
            {
                var (node, link) = work.Pop();
                if (link < region.Start[node + 1])
                {
                    work.Push((node, link + 1));
                    var w = region.Other[link];
                    if (w == 0)
                    {
                        continue;
                    }
                    if (index[w] < 0)
                    {
                        Visit(w);
                    }
                    else if (onStack[w])
                    {
                        lowLink[node] = Math.Min(lowLink[node], index[w]);
                    }
                    continue;
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    lowLink[parent] = Math.Min(lowLink[parent], lowLink[node]);
                }
                if (lowLink[node] == index[node])
                {
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        members[placed++] = member;
                    }
                    while (member != node);
                    bounds.Add(placed);
                }
            }
        }
        return (members, bounds);

        void Visit(int v)
        {
            index[v] = lowLink[v] = counter++;
            stack.Push(v);
            onStack[v] = true;
            work.Push((v, region.Start[v]));
        }
    }
}
