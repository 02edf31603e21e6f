using AssetTrace.Graph.Model;

namespace AssetTrace.Graph.Paths;

/// <summary>A set of nodes and the edges among them.</summary>
public sealed record Subgraph(IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges);
