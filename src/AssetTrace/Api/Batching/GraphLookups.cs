using AssetTrace.Graph.Model;
using GraphQL;
using GraphQL.DataLoader;

namespace AssetTrace.Api.Batching;

/// <summary>
/// The nodes and edges an answer shows, by id. Analytics answer in ids (they are cached, and computed on the
/// snapshot); the nodes and edges themselves, with their provenance, are read from the store when a query asks
/// for them, in batches: one read per execution step for all the paths, owners and edge ends of an answer,
/// not one per item (#18). A hidden id is left out of a list and null as a single node, as the store reads it.
/// </summary>
public static class GraphLookups
{
    public static async Task<IDataLoaderResult<IReadOnlyList<Node>>> NodesAsync(this IResolveFieldContext context, IEnumerable<string> ids)
    {
        var list = ids.ToList();
        var batch = context.Service<GraphReadBatches>().Nodes(await context.ViewerAsync());
        return batch.Add<IReadOnlyList<Node>>(list, found => list.Where(found.ContainsKey).Select(id => found[id]).ToList());
    }

    public static async Task<IDataLoaderResult<IReadOnlyList<Edge>>> EdgesAsync(this IResolveFieldContext context, IEnumerable<string> ids)
    {
        var list = ids.ToList();
        var batch = context.Service<GraphReadBatches>().Edges(await context.ViewerAsync());
        return batch.Add<IReadOnlyList<Edge>>(list, found => list.Where(found.ContainsKey).Select(id => found[id]).ToList());
    }

    public static async Task<IDataLoaderResult<Node?>> NodeAsync(this IResolveFieldContext context, string id)
    {
        var batch = context.Service<GraphReadBatches>().Nodes(await context.ViewerAsync());
        return batch.Add([id], found => found.GetValueOrDefault(id));
    }
}
