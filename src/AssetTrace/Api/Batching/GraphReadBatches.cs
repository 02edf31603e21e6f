using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Visibility;

namespace AssetTrace.Api.Batching;

/// <summary>
/// The node and edge batches of one GraphQL request (#18), one pair per viewer: a request has one viewer, and
/// keeping them apart by viewer means a batch is always read with the visibility of everyone waiting on it.
/// </summary>
public sealed class GraphReadBatches(GraphQueries queries)
{
    private readonly Dictionary<Viewer, (IdBatch<Node> Nodes, IdBatch<Edge> Edges)> _byViewer = new(ReferenceEqualityComparer.Instance);

    public IdBatch<Node> Nodes(Viewer viewer) => For(viewer).Nodes;

    public IdBatch<Edge> Edges(Viewer viewer) => For(viewer).Edges;

    private (IdBatch<Node> Nodes, IdBatch<Edge> Edges) For(Viewer viewer)
    {
        // Sibling fields resolve in parallel.
        lock (_byViewer)
        {
            if (!_byViewer.TryGetValue(viewer, out var batches))
            {
                batches = (new IdBatch<Node>((ids, ct) => queries.GetNodesAsync(viewer, ids, ct)),
                           new IdBatch<Edge>((ids, ct) => queries.GetEdgesAsync(viewer, ids, ct)));
                _byViewer[viewer] = batches;
            }
            return batches;
        }
    }
}
