using AssetTrace.Analytics.Engine;

namespace AssetTrace.Analytics.Ownership;

/// <summary>
/// The nodes a flow reaches from its seed, numbered in the order they are reached (the seed is 0),
/// and for each node the links it takes its share through, as compressed rows: the links of node
/// <c>x</c> are <c>Start[x]</c> to <c>Start[x + 1] - 1</c>, each with the node at its other end
/// and its share. Plain arrays of numbers, so that solving the flow allocates little and follows
/// no pointers but the ones it must.
/// </summary>
internal sealed class FlowRegion
{
    private FlowRegion(List<SnapshotNode> nodes, Dictionary<int, int> local, int[] start, int[] other, SnapshotEdge[] edges, string[] edgeIds, double[] low, double[] high, bool forward)
    {
        EdgeIds = edgeIds;
        Forward = forward;
        Nodes = nodes;
        Local = local;
        Start = start;
        Other = other;
        Edges = edges;
        Low = low;
        High = high;
    }

    // The links found while walking, before they are laid out in rows: kept per thread, as a region is built for every query.
    [ThreadStatic]
    private static List<(int From, int To, SnapshotEdge Edge, string EdgeId, double Low, double High)>? t_found;

    public List<SnapshotNode> Nodes { get; }

    /// <summary>A node's number in the region, by its snapshot index.</summary>
    public Dictionary<int, int> Local { get; }

    public int Count => Nodes.Count;

    /// <summary>
    /// Whether every link leads to a node numbered before the one it leaves: then the numbering is
    /// already an order to solve the flow in, and there is no cycle. Most regions are so, because
    /// they are numbered in the order a walk away from the seed reaches them.
    /// </summary>
    public bool Forward { get; }

    public int[] Start { get; }

    public int[] Other { get; }

    public SnapshotEdge[] Edges { get; }

    /// <summary>The ids of <see cref="Edges"/>, taken from the links: a chain names its edges without reading them.</summary>
    public string[] EdgeIds { get; }

    /// <summary>The link's share as a fraction; NaN when unknown.</summary>
    public double[] Low { get; }

    public double[] High { get; }

    public static FlowRegion Build(SnapshotNode seed, FlowDirection direction, DateOnly? asOf, bool accountsAsHoldings)
    {
        var nodes = new List<SnapshotNode> { seed };
        var local = new Dictionary<int, int> { [seed.Index] = 0 };
        // Every link between two nodes of the region is met once, while expanding the node it leads to:
        // one pass, and the links to nodes outside the region are never read.
        var found = t_found ??= [];
        found.Clear();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            foreach (ref readonly var link in ShareFlow.Ownership(node, direction))
            {
                if (link.IsValidOn(asOf))
                {
                    found.Add((Number(link.OtherIndex, link.Other), i, link.Edge, link.EdgeId, link.Low, link.High));
                }
            }
            foreach (var edge in ShareFlow.Accounts(node, direction, asOf, accountsAsHoldings))
            {
                var (l, h) = ShareFlow.Share(edge);
                found.Add((Number(edge.Target.Index, edge.Target), i, edge, edge.Id, l!.Value, h!.Value));
            }
        }

        var start = new int[nodes.Count + 1];
        foreach (var link in found)
        {
            start[link.From + 1]++;
        }
        for (var x = 0; x < nodes.Count; x++)
        {
            start[x + 1] += start[x];
        }
        var other = new int[found.Count];
        var edges = new SnapshotEdge[found.Count];
        var edgeIds = new string[found.Count];
        var low = new double[found.Count];
        var high = new double[found.Count];
        var fill = start[..^1];
        var forward = true;
        foreach (var (from, to, edge, edgeId, l, h) in found)
        {
            forward &= to < from;
            var k = fill[from]++;
            other[k] = to;
            edges[k] = edge;
            edgeIds[k] = edgeId;
            low[k] = l;
            high[k] = h;
        }
        // The edges stay referenced by the region's own array; the scratch list lets go of them,
        // and of its room too after an unusually large region.
        found.Clear();
        if (found.Capacity > 1 << 16)
        {
            t_found = null;
        }
        return new FlowRegion(nodes, local, start, other, edges, edgeIds, low, high, forward);

        // By index, so that a node met again is recognised without reading it.
        int Number(int index, SnapshotNode node)
        {
            if (!local.TryGetValue(index, out var n))
            {
                n = nodes.Count;
                local.Add(index, n);
                nodes.Add(node);
            }
            return n;
        }
    }

    public bool LinksTo(int node, int other)
    {
        for (var k = Start[node]; k < Start[node + 1]; k++)
        {
            if (Other[k] == other)
            {
                return true;
            }
        }
        return false;
    }
}
