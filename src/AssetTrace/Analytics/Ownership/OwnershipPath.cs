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
        return [.. found.OrderByDescending(p => p.HighPercent ?? -1).ThenBy(p => p.Hops).Take(maxPaths)];

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

    /// <summary>A chain found from the far end back to the seed, read owner → owned.</summary>
    private static OwnershipPath Make(FlowRegion region, List<int> nodes, List<int> links, FlowDirection direction)
    {
        double? low = 1, high = 1;
        var nodeIds = new List<string>(nodes.Count);
        var edgeIds = new List<string>(links.Count);
        // Multiplied from the seed's end, as the shares flow.
        for (var i = links.Count - 1; i >= 0; i--)
        {
            var (l, h) = ShareFlow.Share(region.Edges[links[i]]);
            low = l is null || low is null ? null : low * l;
            high = h is null || high is null ? null : high * h;
        }
        foreach (var k in links)
        {
            edgeIds.Add(region.Edges[k].Id);
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
