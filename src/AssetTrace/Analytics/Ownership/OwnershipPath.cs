using AssetTrace.Analytics.Engine;

namespace AssetTrace.Analytics.Ownership;

/// <summary>
/// One chain of links, as node and edge ids in order (EdgeIds[i] joins NodeIds[i] and
/// NodeIds[i+1]), with the share it contributes in percent; null when a link's share is unknown.
/// </summary>
public sealed record OwnershipPath(IReadOnlyList<string> NodeIds, IReadOnlyList<string> EdgeIds, double? LowPercent, double? HighPercent)
{
    public int Hops => EdgeIds.Count;

    /// <summary>
    /// Simple chains between the flow's seed and <paramref name="to"/> along the links the flow
    /// solved (owners upstream, holdings downstream), largest contribution first.
    /// </summary>
    /// <remarks>
    /// The search starts at <paramref name="to"/> and follows each node's links back towards the
    /// seed: every node of the flow leads back to it, so nearly every step ends in a chain and the
    /// cost follows the chains found, not everything else the seed leads to.
    /// </remarks>
    public static List<OwnershipPath> Between(FlowResult flow, SnapshotNode to, int maxPaths, int maxDepth = 16)
    {
        var found = new List<OwnershipPath>();
        var region = flow.Region;
        if (!region.Local.TryGetValue(to.Index, out var start) || start == 0 || maxPaths <= 0)
        {
            return found;
        }
        var onPath = new bool[region.Count];
        var nodes = new List<int> { start };
        var links = new List<int>();
        onPath[start] = true;
        Walk(start);
        if (found.Count <= 1)
        {
            return found;
        }
        // Largest contribution first, then fewest hops, then the order found: the first maxPaths of a stable sort.
        var order = new int[found.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) =>
            (found[b].HighPercent ?? -1).CompareTo(found[a].HighPercent ?? -1) is var byShare and not 0 ? byShare
            : found[a].Hops.CompareTo(found[b].Hops) is var byHops and not 0 ? byHops
            : a.CompareTo(b));
        var take = Math.Min(maxPaths, order.Length);
        var best = new List<OwnershipPath>(take);
        for (var i = 0; i < take; i++)
        {
            best.Add(found[order[i]]);
        }
        return best;

        void Walk(int at)
        {
            if (found.Count >= maxPaths * 4)
            {
                return;
            }
            if (at == 0)
            {
                found.Add(Make(region, nodes, links, flow.Direction));
                return;
            }
            if (links.Count >= maxDepth)
            {
                return;
            }
            for (var k = region.Start[at]; k < region.Start[at + 1]; k++)
            {
                var next = region.Other[k];
                if (onPath[next])
                {
                    continue;
                }
                onPath[next] = true;
                nodes.Add(next);
                links.Add(k);
                Walk(next);
                nodes.RemoveAt(nodes.Count - 1);
                links.RemoveAt(links.Count - 1);
                onPath[next] = false;
            }
        }
    }

    /// <summary>A link's share as the region holds it; from the edge only when a bound is unknown, which the region does not tell apart.</summary>
    private static (double? Low, double? High) Share(FlowRegion region, int k) =>
        double.IsNaN(region.Low[k]) ? ShareFlow.Share(region.Edges[k]) : (region.Low[k], region.High[k]);

    /// <summary>A chain found from the far end back to the seed, read owner → owned.</summary>
    private static OwnershipPath Make(FlowRegion region, List<int> nodes, List<int> links, FlowDirection direction)
    {
        double? low = 1, high = 1;
        var nodeIds = new List<string>(nodes.Count);
        var edgeIds = new List<string>(links.Count);
        // Multiplied from the seed's end, as the shares flow.
        for (var i = links.Count - 1; i >= 0; i--)
        {
            var (l, h) = Share(region, links[i]);
            low = l is null || low is null ? null : low * l;
            high = h is null || high is null ? null : high * h;
        }
        foreach (var k in links)
        {
            edgeIds.Add(region.EdgeIds[k]);
        }
        foreach (var x in nodes)
        {
            nodeIds.Add(region.Nodes[x].Id);
        }
        // Upstream the far end is the owner, so the chain already reads owner → owned; downstream it is the holding.
        if (direction == FlowDirection.Downstream)
        {
            nodeIds.Reverse();
            edgeIds.Reverse();
        }
        return new OwnershipPath(nodeIds, edgeIds, low * 100, high * 100);
    }
}
