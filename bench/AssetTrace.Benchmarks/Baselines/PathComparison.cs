using AssetTrace.Analytics.Engine;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Graph.Model;

namespace AssetTrace.Benchmarks.Baselines;

/// <summary>The engine's shortest paths on the same pairs as igraph: timed, and their lengths compared.</summary>
public sealed record PathComparisonResult(Latencies Engine, int Compared, IReadOnlyList<string> Disagreements);

public static class PathComparison
{
    /// <summary>One path per pair, any kind, both directions, no date: what igraph's undirected search answers too.</summary>
    public static PathComparisonResult Run(GraphSnapshot graph, IReadOnlyList<(int From, int To)> pairs, IgraphResult igraph)
    {
        var (times, found) = Latencies.Measure(pairs, pair =>
            SnapshotPaths.Shortest(graph, GeneratedGraph.NodeId(pair.From), GeneratedGraph.NodeId(pair.To), Samples.MaxHops, null, Direction.Both, null, 1));
        var disagreements = new List<string>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var hops = found[i].Count == 0 ? -1 : found[i][0].EdgeIds.Count;
            if (hops != igraph.Hops[i])
            {
                disagreements.Add($"{GeneratedGraph.NodeId(pairs[i].From)} → {GeneratedGraph.NodeId(pairs[i].To)}: {hops} hops by the engine, {igraph.Hops[i]} by igraph");
            }
        }
        return new PathComparisonResult(times, pairs.Count, disagreements);
    }
}
