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
    /// Simple chains from <paramref name="from"/> to <paramref name="to"/> following the flow's
    /// expansion (owners upstream, holdings downstream), largest contribution first.
    /// </summary>
    public static List<OwnershipPath> Between(SnapshotNode from, SnapshotNode to, FlowDirection direction, DateOnly? asOf,
        bool accountsAsHoldings, int maxPaths, int maxDepth = 16)
    {
        var found = new List<OwnershipPath>();
        var nodes = new List<SnapshotNode> { from };
        var edges = new List<SnapshotEdge>();
        // Upstream chains are found from the target towards the owner, then reversed to read owner → target.
        Walk(from);
        return [.. found.OrderByDescending(p => p.HighPercent ?? -1).ThenBy(p => p.Hops).Take(maxPaths)];

        void Walk(SnapshotNode at)
        {
            if (found.Count >= maxPaths * 4)
            {
                return;
            }
            if (at == to)
            {
                found.Add(Make(nodes, edges, direction));
                return;
            }
            if (edges.Count >= maxDepth)
            {
                return;
            }
            foreach (var (next, edge) in ShareFlow.Expand(at, direction, asOf, accountsAsHoldings))
            {
                if (nodes.Contains(next))
                {
                    continue;
                }
                nodes.Add(next);
                edges.Add(edge);
                Walk(next);
                nodes.RemoveAt(nodes.Count - 1);
                edges.RemoveAt(edges.Count - 1);
            }
        }
    }

    private static OwnershipPath Make(List<SnapshotNode> nodes, List<SnapshotEdge> edges, FlowDirection direction)
    {
        double? low = 1, high = 1;
        foreach (var edge in edges)
        {
            var (l, h) = ShareFlow.Share(edge);
            low = l is null || low is null ? null : low * l;
            high = h is null || high is null ? null : high * h;
        }
        var nodeIds = nodes.Select(n => n.Id).ToList();
        var edgeIds = edges.Select(e => e.Id).ToList();
        if (direction == FlowDirection.Upstream)
        {
            nodeIds.Reverse();
            edgeIds.Reverse();
        }
        return new OwnershipPath(nodeIds, edgeIds, low * 100, high * 100);
    }
}
