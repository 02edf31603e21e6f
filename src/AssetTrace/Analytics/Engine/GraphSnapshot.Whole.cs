using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Engine;

public sealed partial class GraphSnapshot
{
    // Which of a node's link lists an edge goes in (see Attach); one byte per edge while a whole graph is added.
    private const byte NoLinks = 0, OwnsLinks = 1, ControlLinks = 2, TreasuryLink = 3;

    /// <summary>
    /// Fills an empty snapshot with a whole graph at once: what a snapshot file holds, or every live row of the
    /// store (#18). Row by row (<see cref="Upsert"/>, <see cref="UpsertEdge"/>), every edge would grow four lists and
    /// a closure, and a nominee's board seats be moved as its edges arrive; here the kinds of every node's edges are
    /// known first, so each list is made once at its final size and nothing is allocated that is not kept.
    /// The lists hold the edges in the order given, as row by row.
    /// </summary>
    /// <param name="nodes">Every node, each at its <see cref="SnapshotNode.Index"/>, none deleted.</param>
    /// <param name="edges">Every edge between those nodes, none deleted, with its restriction numbered by this snapshot.</param>
    internal void AddWhole(IReadOnlyList<SnapshotNode> nodes, IReadOnlyList<SnapshotEdge> edges)
    {
        AddWholeNodes(nodes);
        AddWholeEdges(edges);
    }

    /// <summary>The first half of <see cref="AddWhole"/>: after it, <see cref="Stored"/> finds the nodes for the edges to name.</summary>
    internal void AddWholeNodes(IReadOnlyList<SnapshotNode> nodes)
    {
        if (_nodes.Count != 0 || _edges.Count != 0)
        {
            throw new InvalidOperationException("A whole graph is only added to an empty snapshot.");
        }
        _nodes.EnsureCapacity(nodes.Count);
        _nodeOrder.Capacity = nodes.Count;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Index != i)
            {
                throw new ArgumentException($"node {nodes[i].Id} is at position {i} but has index {nodes[i].Index}", nameof(nodes));
            }
            _nodes.Add(nodes[i].Id, nodes[i]);
            _nodeOrder.Add(nodes[i]);
        }
    }

    /// <summary>The second half of <see cref="AddWhole"/>, once every node is in.</summary>
    internal void AddWholeEdges(IReadOnlyList<SnapshotEdge> edges)
    {
        if (_edges.Count != 0)
        {
            throw new InvalidOperationException("A whole graph is only added to an empty snapshot.");
        }
        _edges.EnsureCapacity(edges.Count);
        _edgeOrder.Capacity = edges.Count;
        foreach (var edge in edges)
        {
            _edges.Add(edge.Id, edge);
            _edgeOrder.Add(edge);
            edge.Source.OutKinds |= 1 << (int)edge.Kind;
            edge.Target.InKinds |= 1 << (int)edge.Kind;
        }
        // Only now are the kinds final, and with them which board seats give control (GivesControl).
        var places = new byte[edges.Count];
        var counts = new LinkCounts(_nodes.Count);
        for (var i = 0; i < edges.Count; i++)
        {
            places[i] = PlaceOf(edges[i]);
            counts.Count(edges[i], places[i]);
        }
        counts.Reserve(_nodes.Values);
        for (var i = 0; i < edges.Count; i++)
        {
            AttachKnown(edges[i], places[i]);
        }
    }

    /// <summary>A node kept, restricted ones too, for a whole load to name an edge's ends; null when there is none.</summary>
    internal SnapshotNode? Stored(string id) => _nodes.GetValueOrDefault(id);

    private static byte PlaceOf(SnapshotEdge edge) =>
        edge.Kind == EdgeKind.Owns ? (edge.Source == edge.Target ? TreasuryLink : OwnsLinks) : GivesControl(edge) ? ControlLinks : NoLinks;

    /// <summary>What <see cref="Attach"/> does for one edge, with the node's kinds already final.</summary>
    private static void AttachKnown(SnapshotEdge edge, byte place)
    {
        MarkRestricted(edge);
        var (source, target) = (edge.Source, edge.Target);
        source.OutEdges.Add(edge);
        target.InEdges.Add(edge);
        switch (place)
        {
            case TreasuryLink:
                source.TreasuryLinks.Add(new Link(edge, source));
                break;
            case OwnsLinks:
                source.OwnsOutLinks.Add(new Link(edge, target));
                target.OwnsInLinks.Add(new Link(edge, source));
                break;
            case ControlLinks:
                source.ControlOutLinks.Add(new Link(edge, target));
                target.ControlInLinks.Add(new Link(edge, source));
                break;
        }
    }

    /// <summary>How many edges each node's lists will hold, so each is made once at its size.</summary>
    private sealed class LinkCounts(int nodes)
    {
        private readonly int[] _out = new int[nodes], _in = new int[nodes], _ownsOut = new int[nodes], _ownsIn = new int[nodes],
            _controlOut = new int[nodes], _controlIn = new int[nodes], _treasury = new int[nodes];

        public void Count(SnapshotEdge edge, byte place)
        {
            var (source, target) = (edge.Source.Index, edge.Target.Index);
            _out[source]++;
            _in[target]++;
            switch (place)
            {
                case TreasuryLink:
                    _treasury[source]++;
                    break;
                case OwnsLinks:
                    _ownsOut[source]++;
                    _ownsIn[target]++;
                    break;
                case ControlLinks:
                    _controlOut[source]++;
                    _controlIn[target]++;
                    break;
            }
        }

        public void Reserve(IEnumerable<SnapshotNode> nodes)
        {
            foreach (var node in nodes)
            {
                var i = node.Index;
                node.OutEdges.Reserve(_out[i]);
                node.InEdges.Reserve(_in[i]);
                node.OwnsOutLinks.Reserve(_ownsOut[i]);
                node.OwnsInLinks.Reserve(_ownsIn[i]);
                node.ControlOutLinks.Reserve(_controlOut[i]);
                node.ControlInLinks.Reserve(_controlIn[i]);
                node.TreasuryLinks.Reserve(_treasury[i]);
            }
        }
    }
}
