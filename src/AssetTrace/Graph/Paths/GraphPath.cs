using AssetTrace.Graph.Model;

namespace AssetTrace.Graph.Paths;

/// <summary>A path through the graph: nodes in order and the edges between them (Edges[i] joins Nodes[i] and Nodes[i+1]).</summary>
public sealed record GraphPath(IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges)
{
    public int Hops => Edges.Count;
}
