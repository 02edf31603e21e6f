using AssetTrace.Analytics.Engine;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Paths;
using AssetTrace.Graph.Store;
using AssetTrace.Visibility;

namespace AssetTrace.Analytics;

/// <summary>
/// All shortest paths between two nodes up to a number of hops. The search runs on the
/// in-memory snapshot (bidirectional breadth-first search); the nodes and edges of the paths
/// found are then read from the store whole, with their provenance. Both steps see only what the
/// viewer may: a path through a hidden node is not there at all, not even as an anonymous hop.
/// </summary>
public sealed class ShortestPathFinder(SnapshotProvider snapshots, GraphQueries queries)
{
    public async Task<IReadOnlyList<GraphPath>> FindAsync(Viewer viewer,
        string fromId, string toId, int maxHops, IReadOnlyCollection<EdgeKind>? kinds, Direction direction, DateOnly? asOf, int maxPaths, CancellationToken ct)
    {
        var found = await snapshots.ReadAsync(viewer, g => SnapshotPaths.Shortest(g, fromId, toId, maxHops, kinds, direction, asOf, maxPaths), ct);
        var nodes = await queries.GetNodesAsync(viewer, found.SelectMany(p => p.NodeIds), ct);
        var edges = await queries.GetEdgesAsync(viewer, found.SelectMany(p => p.EdgeIds), ct);
        return [.. found
            .Where(p => p.NodeIds.All(nodes.ContainsKey) && p.EdgeIds.All(edges.ContainsKey))
            .Select(p => new GraphPath([.. p.NodeIds.Select(id => nodes[id])], [.. p.EdgeIds.Select(id => edges[id])]))];
    }
}
