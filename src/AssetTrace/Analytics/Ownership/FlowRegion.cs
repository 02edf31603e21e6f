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
    private FlowRegion(List<SnapshotNode> nodes, Dictionary<int, int> local, int[] start, int[] other, SnapshotEdge[] edges, double[] low, double[] high)
    {
        Nodes = nodes;
        Local = local;
        Start = start;
        Other = other;
        Edges = edges;
        Low = low;
        High = high;
    }

    public List<SnapshotNode> Nodes { get; }

    /// <summary>A node's number in the region, by its snapshot index.</summary>
    public Dictionary<int, int> Local { get; }

    public int Count => Nodes.Count;

    public int[] Start { get; }

    public int[] Other { get; }

    public SnapshotEdge[] Edges { get; }

    /// <summary>The link's share as a fraction; NaN when unknown.</summary>
    public double[] Low { get; }

    public double[] High { get; }

    public static FlowRegion Build(SnapshotNode seed, FlowDirection direction, DateOnly? asOf, bool accountsAsHoldings)
    {
        var nodes = new List<SnapshotNode> { seed };
        var local = new Dictionary<int, int> { [seed.Index] = 0 };
        var links = new List<(SnapshotNode Other, SnapshotEdge Edge)>();
        for (var i = 0; i < nodes.Count; i++)
        {
            links.Clear();
            ShareFlow.AppendExpansion(nodes[i], direction, asOf, accountsAsHoldings, links);
            foreach (var (next, _) in links)
            {
                if (local.TryAdd(next.Index, nodes.Count))
                {
                    nodes.Add(next);
                }
            }
        }

        var start = new int[nodes.Count + 1];
        var other = new List<int>(nodes.Count * 2);
        var edges = new List<SnapshotEdge>(nodes.Count * 2);
        var low = new List<double>(nodes.Count * 2);
        var high = new List<double>(nodes.Count * 2);
        for (var x = 0; x < nodes.Count; x++)
        {
            start[x] = other.Count;
            links.Clear();
            ShareFlow.AppendLinks(nodes[x], direction, asOf, accountsAsHoldings, links);
            foreach (var (next, edge) in links)
            {
                if (local.TryGetValue(next.Index, out var o))
                {
                    var (l, h) = ShareFlow.Share(edge);
                    var known = l is not null && h is not null;
                    other.Add(o);
                    edges.Add(edge);
                    low.Add(known ? l!.Value : double.NaN);
                    high.Add(known ? h!.Value : double.NaN);
                }
            }
        }
        start[nodes.Count] = other.Count;
        return new FlowRegion(nodes, local, start, [.. other], [.. edges], [.. low], [.. high]);
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
