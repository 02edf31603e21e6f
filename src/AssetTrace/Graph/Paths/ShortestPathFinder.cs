using AssetTrace.Analytics.Engine;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;

namespace AssetTrace.Graph.Paths;

/// <summary>
/// All shortest paths between two nodes up to a number of hops. The search runs on the
/// in-memory snapshot (bidirectional breadth-first search); the nodes and edges of the paths
/// found are then read from the store whole, with their provenance.
/// </summary>
public sealed class ShortestPathFinder(SnapshotProvider snapshots, GraphQueries queries)
{
    public async Task<IReadOnlyList<GraphPath>> FindAsync(
        string fromId, string toId, int maxHops, IReadOnlyCollection<EdgeKind>? kinds, Direction direction, DateOnly? asOf, int maxPaths, CancellationToken ct)
    {
        var found = await snapshots.ReadAsync(g => SnapshotPaths.Shortest(g, fromId, toId, maxHops, kinds, direction, asOf, maxPaths), ct);
        var nodes = await queries.GetNodesAsync(found.SelectMany(p => p.NodeIds), ct);
        var edges = await queries.GetEdgesAsync(found.SelectMany(p => p.EdgeIds), ct);
        return [.. found
            .Where(p => p.NodeIds.All(nodes.ContainsKey) && p.EdgeIds.All(edges.ContainsKey))
            .Select(p => new GraphPath([.. p.NodeIds.Select(id => nodes[id])], [.. p.EdgeIds.Select(id => edges[id])]))];
    }
}
