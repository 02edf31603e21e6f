using AssetTrace.Graph.Model;

namespace AssetTrace.Graph.Store;

/// <summary>A node next to another, and the edge that joins them.</summary>
/// <param name="Direction">Outgoing when the edge leaves the node asked about.</param>
public sealed record Neighbour(Edge Edge, Node Node, Direction Direction);
