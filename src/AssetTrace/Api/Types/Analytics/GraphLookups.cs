using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using GraphQL;

namespace AssetTrace.Api.Types.Analytics;

/// <summary>
/// Analytics answer in ids (they are cached, and computed on the snapshot); the nodes and edges
/// themselves, with their provenance, are read from the store when a query asks for them.
/// </summary>
public static class GraphLookups
{
    public static async Task<IEnumerable<Node>> NodesAsync(this IResolveFieldContext context, IEnumerable<string> ids)
    {
        var list = ids.ToList();
        var found = await context.Service<GraphQueries>().GetNodesAsync(await context.ViewerAsync(), list, context.CancellationToken);
        return list.Where(found.ContainsKey).Select(id => found[id]);
    }

    public static async Task<IEnumerable<Edge>> EdgesAsync(this IResolveFieldContext context, IEnumerable<string> ids)
    {
        var list = ids.ToList();
        var found = await context.Service<GraphQueries>().GetEdgesAsync(await context.ViewerAsync(), list, context.CancellationToken);
        return list.Where(found.ContainsKey).Select(id => found[id]);
    }

    public static async Task<Node?> NodeAsync(this IResolveFieldContext context, string id) =>
        await context.Service<GraphQueries>().GetNodeAsync(await context.ViewerAsync(), id, context.CancellationToken);
}
