using AssetTrace.Benchmarks.Generation;
using AssetTrace.Graph.Model;

namespace AssetTrace.Benchmarks.ConsolePages;

/// <summary>
/// The generated graph with one more node the console's targets need: a mass-registration address
/// with <see cref="HubLinks"/> companies registered at it (the generator's busiest address has a few
/// hundred), so that expanding it exercises the network view's "show more" cap.
/// </summary>
public static class ConsoleGraph
{
    public const int HubLinks = 5_000;

    public const string HubName = "Bench hub address, 1 Registration Street";

    public static (GeneratedGraph Graph, int Hub) Generate(int nodes, int seed)
    {
        var graph = GraphGenerator.Generate(nodes, seed);
        var allNodes = new List<GeneratedNode>(graph.Nodes.Count + 1);
        allNodes.AddRange(graph.Nodes);
        var hub = allNodes.Count;
        allNodes.Add(new GeneratedNode(NodeKind.Address, HubName, null, "KZ", null));

        var companies = Enumerable.Range(0, graph.Nodes.Count).Where(i => graph.Nodes[i].Kind == NodeKind.Company).ToList();
        if (companies.Count < HubLinks)
        {
            throw new ArgumentException($"{nodes:N0} nodes make {companies.Count:N0} companies, fewer than the hub's {HubLinks:N0} links: generate at least 15,000 nodes.");
        }
        var allEdges = new List<GeneratedEdge>(graph.Edges.Count + HubLinks);
        allEdges.AddRange(graph.Edges);
        // Spread over the whole company range, so the hub's companies are as varied as the graph's.
        var step = companies.Count / HubLinks;
        for (var i = 0; i < HubLinks; i++)
        {
            allEdges.Add(new GeneratedEdge(EdgeKind.RegisteredAt, companies[i * step], hub, null, null, null, null));
        }
        return (new GeneratedGraph(seed, allNodes, allEdges), hub);
    }
}
