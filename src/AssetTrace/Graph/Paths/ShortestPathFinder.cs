using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;

namespace AssetTrace.Graph.Paths;

/// <summary>
/// All shortest paths between two nodes up to a number of hops, by breadth-first search that
/// reads one whole level from the store per step. Edges are followed in the direction asked
/// (both by default: "how are these two connected" does not care who owns whom).
/// </summary>
public sealed class ShortestPathFinder(GraphQueries queries)
{
    /// <summary>Stops a search that would read a large part of a national graph from one request.</summary>
    public const int MaxVisited = 200_000;

    public async Task<IReadOnlyList<GraphPath>> FindAsync(
        string fromId, string toId, int maxHops, IReadOnlyCollection<EdgeKind>? kinds, Direction direction, DateOnly? asOf, int maxPaths, CancellationToken ct)
    {
        var ends = await queries.GetNodesAsync([fromId, toId], ct);
        if (!ends.ContainsKey(fromId))
        {
            throw new UserInputException("from", $"no node with id '{fromId}' exists.");
        }
        if (!ends.ContainsKey(toId))
        {
            throw new UserInputException("to", $"no node with id '{toId}' exists.");
        }
        if (fromId == toId)
        {
            return [new GraphPath([ends[fromId]], [])];
        }

        // For every node reached, the edges by which it was first reached at its shortest distance.
        var parents = new Dictionary<string, List<Edge>> { [fromId] = [] };
        var frontier = new HashSet<string> { fromId };
        for (var hop = 1; hop <= maxHops && frontier.Count > 0 && !parents.ContainsKey(toId); hop++)
        {
            var next = new Dictionary<string, List<Edge>>();
            foreach (var edge in await queries.EdgesOfAsync(frontier, kinds, direction, asOf, ct))
            {
                foreach (var (from, to) in Steps(edge, direction))
                {
                    if (!parents.ContainsKey(to) && frontier.Contains(from))
                    {
                        (next.TryGetValue(to, out var list) ? list : next[to] = []).Add(edge);
                    }
                }
            }
            foreach (var (node, edges) in next)
            {
                parents[node] = edges;
            }
            if (parents.Count > MaxVisited)
            {
                throw new UserInputException("maxHops", $"the search reached more than {MaxVisited:N0} nodes; lower maxHops or restrict edge kinds.");
            }
            frontier = [.. next.Keys];
        }
        if (!parents.ContainsKey(toId))
        {
            return [];
        }

        var paths = new List<(List<string> Nodes, List<Edge> Edges)>();
        Unwind(toId, [toId], [], parents, fromId, paths, maxPaths);
        var nodes = await queries.GetNodesAsync(paths.SelectMany(p => p.Nodes), ct);
        return paths.Select(p => new GraphPath(p.Nodes.Select(id => nodes[id]).ToList(), p.Edges)).ToList();
    }

    private static IEnumerable<(string From, string To)> Steps(Edge edge, Direction direction)
    {
        if (direction != Direction.Incoming)
        {
            yield return (edge.SourceId, edge.TargetId);
        }
        if (direction != Direction.Outgoing)
        {
            yield return (edge.TargetId, edge.SourceId);
        }
    }

    private static void Unwind(string at, List<string> nodes, List<Edge> edges, Dictionary<string, List<Edge>> parents, string start,
        List<(List<string>, List<Edge>)> paths, int maxPaths)
    {
        if (paths.Count >= maxPaths)
        {
            return;
        }
        if (at == start)
        {
            paths.Add(([.. Enumerable.Reverse(nodes)], [.. Enumerable.Reverse(edges)]));
            return;
        }
        foreach (var edge in parents[at])
        {
            var previous = edge.OtherEnd(at);
            if (nodes.Contains(previous))
            {
                continue;
            }
            nodes.Add(previous);
            edges.Add(edge);
            Unwind(previous, nodes, edges, parents, start, paths, maxPaths);
            nodes.RemoveAt(nodes.Count - 1);
            edges.RemoveAt(edges.Count - 1);
        }
    }
}
