using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Engine;

/// <summary>A path as ids: EdgeIds[i] joins NodeIds[i] and NodeIds[i+1].</summary>
public sealed record PathIds(IReadOnlyList<string> NodeIds, IReadOnlyList<string> EdgeIds);

/// <summary>
/// All shortest paths between two nodes, by bidirectional breadth-first search on the snapshot:
/// each step expands the smaller of the two frontiers by one level, so a search between two
/// ordinary nodes stays small even next to hubs with thousands of links.
/// </summary>
public static class SnapshotPaths
{
    public static List<PathIds> Shortest(GraphSnapshot graph, string fromId, string toId, int maxHops,
        IReadOnlyCollection<EdgeKind>? kinds, Direction direction, DateOnly? asOf, int maxPaths)
    {
        var from = graph.Find(fromId) ?? throw new Common.UserInputException("from", $"no node with id '{fromId}' exists.");
        var to = graph.Find(toId) ?? throw new Common.UserInputException("to", $"no node with id '{toId}' exists.");
        if (from == to)
        {
            return [new PathIds([from.Id], [])];
        }
        var kindSet = kinds is { Count: > 0 } ? kinds.ToHashSet() : null;
        var forward = new Side(from);
        var backward = new Side(to);
        var meeting = new List<SnapshotNode>();
        while (meeting.Count == 0 && forward.Depth + backward.Depth < maxHops && forward.Frontier.Count > 0 && backward.Frontier.Count > 0)
        {
            var (side, other, reverse) = forward.Frontier.Count <= backward.Frontier.Count ? (forward, backward, false) : (backward, forward, true);
            side.Expand(node => Steps(node, kindSet, direction, asOf, reverse));
            var met = side.Frontier.Where(other.DepthOf.ContainsKey).ToList();
            if (met.Count > 0)
            {
                // Only the meetings that close the shortest total; the other side may hold them at different depths.
                var best = met.Min(m => other.DepthOf[m]);
                meeting.AddRange(met.Where(m => other.DepthOf[m] == best));
            }
        }
        if (meeting.Count == 0)
        {
            return [];
        }

        var paths = new List<PathIds>();
        foreach (var middle in meeting.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            foreach (var head in forward.PathsTo(middle, maxPaths))
            {
                foreach (var tail in backward.PathsTo(middle, maxPaths))
                {
                    if (paths.Count == maxPaths)
                    {
                        return paths;
                    }
                    var nodes = head.Nodes.Concat(Enumerable.Reverse(tail.Nodes).Skip(1)).Select(n => n.Id).ToList();
                    if (nodes.Distinct().Count() == nodes.Count)
                    {
                        paths.Add(new PathIds(nodes, [.. head.Edges.Concat(Enumerable.Reverse(tail.Edges)).Select(e => e.Id)]));
                    }
                }
            }
        }
        return paths;
    }

    private static IEnumerable<(SnapshotNode Next, SnapshotEdge Edge)> Steps(SnapshotNode node, HashSet<EdgeKind>? kinds, Direction direction, DateOnly? asOf, bool reverse)
    {
        var followOut = direction == Direction.Both || (direction == Direction.Outgoing) != reverse;
        var followIn = direction == Direction.Both || (direction == Direction.Incoming) != reverse;
        if (followOut)
        {
            foreach (var edge in node.Out)
            {
                if ((kinds is null || kinds.Contains(edge.Kind)) && edge.IsValidOn(asOf) && edge.Target.IsValidOn(asOf))
                {
                    yield return (edge.Target, edge);
                }
            }
        }
        if (followIn)
        {
            foreach (var edge in node.In)
            {
                if ((kinds is null || kinds.Contains(edge.Kind)) && edge.IsValidOn(asOf) && edge.Source.IsValidOn(asOf))
                {
                    yield return (edge.Source, edge);
                }
            }
        }
    }

    /// <summary>One end of the search: the nodes reached, by which edges at their shortest depth.</summary>
    private sealed class Side
    {
        public Side(SnapshotNode start)
        {
            Parents[start] = [];
            DepthOf[start] = 0;
            Frontier = [start];
        }

        public Dictionary<SnapshotNode, int> DepthOf { get; } = [];

        public Dictionary<SnapshotNode, List<(SnapshotNode From, SnapshotEdge Edge)>> Parents { get; } = [];

        public List<SnapshotNode> Frontier { get; private set; }

        public int Depth { get; private set; }

        public void Expand(Func<SnapshotNode, IEnumerable<(SnapshotNode Next, SnapshotEdge Edge)>> steps)
        {
            var next = new Dictionary<SnapshotNode, List<(SnapshotNode, SnapshotEdge)>>();
            foreach (var node in Frontier)
            {
                foreach (var (neighbour, edge) in steps(node))
                {
                    if (Parents.ContainsKey(neighbour))
                    {
                        continue;
                    }
                    (next.TryGetValue(neighbour, out var list) ? list : next[neighbour] = []).Add((node, edge));
                }
            }
            Depth++;
            foreach (var (node, parents) in next)
            {
                Parents[node] = parents;
                DepthOf[node] = Depth;
            }
            Frontier = [.. next.Keys];
        }

        /// <summary>Paths from this side's start to the node, as nodes and edges in walking order.</summary>
        public IEnumerable<(List<SnapshotNode> Nodes, List<SnapshotEdge> Edges)> PathsTo(SnapshotNode node, int limit)
        {
            var produced = 0;
            foreach (var path in Unwind(node))
            {
                if (produced++ == limit)
                {
                    yield break;
                }
                yield return path;
            }
        }

        private IEnumerable<(List<SnapshotNode> Nodes, List<SnapshotEdge> Edges)> Unwind(SnapshotNode node)
        {
            var parents = Parents[node];
            if (parents.Count == 0)
            {
                yield return ([node], []);
                yield break;
            }
            foreach (var (from, edge) in parents)
            {
                foreach (var (nodes, edges) in Unwind(from))
                {
                    yield return ([.. nodes, node], [.. edges, edge]);
                }
            }
        }
    }
}
