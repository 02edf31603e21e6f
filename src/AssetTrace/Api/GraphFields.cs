using AssetTrace.Accounts;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Inputs;
using AssetTrace.Analytics;
using AssetTrace.Api.Types;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Paths;
using AssetTrace.Graph.Store;
using AssetTrace.Matching;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>The graph's fields: nodes and edges by id, search, paths, neighbourhoods, history, and their changes.</summary>
public static class GraphFields
{
    // Officers record what network answers establish, so they edit the graph too.
    private static readonly Role[] GraphEditors = [Role.Analyst, Role.Officer];

    // Supervisors change facts too: relabelling a fact received as intelligence, or lifting its
    // case restriction, is their decision (#11); the store checks which changes need the role.
    private static readonly Role[] FactCorrectors = [Role.Analyst, Role.Officer, Role.Supervisor];

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NodeType>("node").Description("A node by id; null when there is none or it was deleted (its history stays readable).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<GraphQueries>().GetNodeAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), c.CancellationToken));

        query.Field<GraphEdgeType>("edge").Description("An edge by id; null when there is none or it was deleted.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<GraphQueries>().GetEdgeAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), c.CancellationToken));

        query.Field<NonNullGraphType<NodePageType>>("search")
            .Description("Nodes whose names match the query, best first, with a score and an explanation: in any script and romanisation ('Achmetow', 'Akhmetov' and 'Ахметов' find each other), in any word order, with initials, a typo per word or a word the query leaves out.")
            .Argument<NonNullGraphType<StringGraphType>>("query")
            .Argument<ListGraphType<NonNullGraphType<NodeKindEnum>>>("kinds", "Only these kinds; all when omitted.")
            .Argument<DateOnlyGraphType>("asOf", "Only nodes valid on this date.")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => await c.Service<NameSearch>().SearchAsync(await c.ViewerAsync(),
                c.GetArgument<string>("query"), c.GetArgument<List<NodeKind>?>("kinds"), c.GetArgument<DateOnly?>("asOf"),
                c.PageSize(), c.GetArgument<string?>("after"), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathType>>>>("shortestPaths")
            .Description("All shortest paths between two nodes, up to maxHops (empty when none is that short).")
            .Argument<NonNullGraphType<IdGraphType>>("from")
            .Argument<NonNullGraphType<IdGraphType>>("to")
            .Argument<IntGraphType>("maxHops", a => a.DefaultValue = 6)
            .Argument<ListGraphType<NonNullGraphType<EdgeKindEnum>>>("kinds")
            .Argument<DirectionEnum>("direction", a => a.DefaultValue = Direction.Both)
            .Argument<DateOnlyGraphType>("asOf")
            .Argument<IntGraphType>("maxPaths", a => a.DefaultValue = 10)
            .ResolveAsync(async c =>
            {
                var limits = c.Service<ApiLimits>();
                var hops = c.GetArgument("maxHops", 6);
                if (hops < 1 || hops > limits.MaxPathHops)
                {
                    throw new UserInputException("maxHops", $"must be between 1 and {limits.MaxPathHops}, got {hops}.");
                }
                var maxPaths = c.GetArgument("maxPaths", 10);
                if (maxPaths < 1 || maxPaths > limits.MaxPageSize)
                {
                    throw new UserInputException("maxPaths", $"must be between 1 and {limits.MaxPageSize}, got {maxPaths}.");
                }
                return await c.Service<ShortestPathFinder>().FindAsync(await c.ViewerAsync(), c.GetArgument<string>("from"), c.GetArgument<string>("to"), hops,
                    c.GetArgument<List<EdgeKind>?>("kinds"), c.GetArgument("direction", Direction.Both), c.GetArgument<DateOnly?>("asOf"), maxPaths, c.CancellationToken);
            });

        query.Field<NonNullGraphType<SubgraphType>>("neighbourhood")
            .Description("The graph within some hops of a node, as it stood on a date: what was valid then.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IntGraphType>("hops", a => a.DefaultValue = 1)
            .Argument<ListGraphType<NonNullGraphType<EdgeKindEnum>>>("kinds")
            .Argument<DateOnlyGraphType>("asOf")
            .ResolveAsync(async c =>
            {
                var max = c.Service<ApiLimits>().MaxNeighbourhoodHops;
                var hops = c.GetArgument("hops", 1);
                if (hops < 1 || hops > max)
                {
                    throw new UserInputException("hops", $"must be between 1 and {max}, got {hops}.");
                }
                return await c.Service<NeighbourhoodReader>().ReadAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), hops,
                    c.GetArgument<List<EdgeKind>?>("kinds"), c.GetArgument<DateOnly?>("asOf"), c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeChangeType>>>>("nodeHistory")
            .Description("Every version of a node, also of one since deleted.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<GraphQueries>().NodeHistoryAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeChangeType>>>>("edgeHistory")
            .Description("Every version of an edge, also of one since deleted.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<GraphQueries>().EdgeHistoryAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), c.CancellationToken));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<NodeType>>("createNode")
            .Argument<NonNullGraphType<CreateNodeInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Creating a node", GraphEditors);
                var input = c.Input();
                var draft = new NodeDraft(input.Get<NodeKind>("kind"), InputReader.Json(input, "properties"),
                    InputReader.Provenance(input.Get<IDictionary<string, object?>>("provenance")!),
                    input.Get<DateOnly?>("validFrom"), input.Get<DateOnly?>("validTo"), input.Get<string>("id"));
                return await c.Service<GraphStore>().CreateNodeAsync(draft, actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<NodeType>>("updateNode")
            .Argument<NonNullGraphType<UpdateInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Changing a node", FactCorrectors);
                return await c.Service<GraphStore>().UpdateNodeAsync(InputReader.Patch(c.Input()), actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<NodeType>>("deleteNode").Description("Returns the node as it was; its history stays readable.")
            .Argument<NonNullGraphType<DeleteInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Deleting a node", GraphEditors);
                var input = c.Input();
                return await c.Service<GraphStore>().DeleteNodeAsync(input.Get<string>("id")!, input.Get<string>("reason") ?? "", input.Get<int?>("expectedVersion"), actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<GraphEdgeType>>("createEdge")
            .Argument<NonNullGraphType<CreateEdgeInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Creating an edge", GraphEditors);
                var input = c.Input();
                var draft = new EdgeDraft(input.Get<EdgeKind>("kind"), input.Get<string>("sourceId")!, input.Get<string>("targetId")!,
                    InputReader.Json(input, "properties"), InputReader.Provenance(input.Get<IDictionary<string, object?>>("provenance")!),
                    input.Get<DateOnly?>("validFrom"), input.Get<DateOnly?>("validTo"), input.Get<string>("id"));
                return await c.Service<GraphStore>().CreateEdgeAsync(draft, actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<GraphEdgeType>>("updateEdge")
            .Argument<NonNullGraphType<UpdateInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Changing an edge", FactCorrectors);
                return await c.Service<GraphStore>().UpdateEdgeAsync(InputReader.Patch(c.Input()), actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<GraphEdgeType>>("deleteEdge")
            .Argument<NonNullGraphType<DeleteInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Deleting an edge", GraphEditors);
                var input = c.Input();
                return await c.Service<GraphStore>().DeleteEdgeAsync(input.Get<string>("id")!, input.Get<string>("reason") ?? "", input.Get<int?>("expectedVersion"), actor, c.CancellationToken);
            });
    }
}
