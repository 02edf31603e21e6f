using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Visibility;

namespace AssetTrace.Graph.Paths;

/// <summary>The part of the graph within k hops of a node, as it stood on a date.</summary>
public sealed class NeighbourhoodReader(GraphQueries queries)
{
    public const int MaxNodes = 5_000;

    public async Task<Subgraph> ReadAsync(Viewer viewer, string centreId, int hops, IReadOnlyCollection<EdgeKind>? kinds, DateOnly? asOf, CancellationToken ct)
    {
        var centre = await queries.GetNodeAsync(viewer, centreId, ct) ?? throw new NotFoundException("node", centreId);
        var seen = new HashSet<string> { centreId };
        var edges = new Dictionary<string, Edge>();
        var frontier = new List<string> { centreId };
        for (var hop = 0; hop < hops && frontier.Count > 0; hop++)
        {
            var next = new List<string>();
            foreach (var edge in await queries.EdgesOfAsync(viewer, frontier, kinds, Direction.Both, asOf, ct))
            {
                edges.TryAdd(edge.Id, edge);
                foreach (var end in new[] { edge.SourceId, edge.TargetId })
                {
                    if (seen.Add(end))
                    {
                        next.Add(end);
                    }
                }
            }
            if (seen.Count > MaxNodes)
            {
                throw new UserInputException("hops", $"the neighbourhood holds more than {MaxNodes:N0} nodes; ask for fewer hops or fewer edge kinds.");
            }
            frontier = next;
        }
        var nodes = await queries.GetNodesAsync(viewer, seen, ct);
        var validNodes = nodes.Values.Where(n => asOf is null || ((n.ValidFrom is null || n.ValidFrom <= asOf) && (n.ValidTo is null || n.ValidTo >= asOf)))
            .ToDictionary(n => n.Id);
        validNodes.TryAdd(centre.Id, centre);
        return new Subgraph(
            validNodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList(),
            edges.Values.Where(e => validNodes.ContainsKey(e.SourceId) && validNodes.ContainsKey(e.TargetId)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList());
    }
}
