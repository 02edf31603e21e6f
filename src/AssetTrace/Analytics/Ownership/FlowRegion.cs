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
        // The treasury share of each node numbered so far, kept only once a node of the region holds some (rare).
        List<(double Low, double High)>? treasury = null;
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var own = node.TreasuryShare(asOf);
            if (own != default || treasury is not null)
            {
                treasury ??= [.. Enumerable.Repeat<(double, double)>(default, i)];
                treasury.Add(own);
            }
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
            // The owned end: the node expanded upstream, the one reached downstream.
            var owned = direction == FlowDirection.Upstream ? to : from;
            (low[k], high[k]) = treasury is null || owned >= treasury.Count ? (l, h) : OfSharesHeldByOthers(l, h, treasury[owned]);
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

    /// <summary>
    /// A holding in a company that holds some of its own shares (treasury shares, #12), as a share of the shares the
    /// company does not hold itself: share / (1 − self share). A company with 2 % of itself and an owner of 49 % gives that
    /// owner 0.49 / 0.98 = 50 %: the company's own shares carry no owner of their own, so the others divide the whole among them.
    /// The low figure divides by the self share's low bound, the high figure by its high bound; neither passes 100 %.
    /// </summary>
    private static (double Low, double High) OfSharesHeldByOthers(double low, double high, (double Low, double High) self)
    {
        if (double.IsNaN(low) || self == default)
        {
            return (low, high);
        }
        return (Divided(low, self.Low), Divided(high, self.High));

        static double Divided(double share, double self) => self >= 1 ? (share > 0 ? 1 : 0) : Math.Min(1, share / (1 - self));
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
