using AssetTrace.Api.Enums;
using AssetTrace.Api.Scalars;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class NodeType : ObjectGraphType<Node>
{
    public NodeType()
    {
        Name = "Node";
        Description = "A person, company, address or asset.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<NodeKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<JsonGraphType>>("properties").Resolve(c => c.Source.Properties);
        Field<DateOnlyGraphType>("validFrom").Resolve(c => c.Source.ValidFrom);
        Field<DateOnlyGraphType>("validTo").Resolve(c => c.Source.ValidTo);
        Field<NonNullGraphType<ProvenanceType>>("provenance").Resolve(c => c.Source.Provenance);
        Field<NonNullGraphType<StampType>>("stamp").Description("Version and who created and last changed it.").Resolve(c => c.Source.Stamp);
        Field<NonNullGraphType<NeighbourPageType>>("neighbours")
            .Description("Edges of this node and the nodes at their other ends, a page at a time.")
            .Argument<ListGraphType<NonNullGraphType<EdgeKindEnum>>>("kinds", "Only these edge kinds; all when omitted.")
            .Argument<DirectionEnum>("direction", a => a.DefaultValue = Direction.Both)
            .Argument<DateOnlyGraphType>("asOf", "Only edges valid on this date.")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => await c.Service<GraphQueries>().NeighboursAsync(await c.ViewerAsync(),
                c.Source.Id, c.GetArgument<List<EdgeKind>?>("kinds"), c.GetArgument("direction", Direction.Both),
                c.GetArgument<DateOnly?>("asOf"), c.PageSize(), c.GetArgument<string?>("after"), c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeChangeType>>>>("history")
            .Description("Every version of this node, oldest first, with who changed it, when and why.")
            .ResolveAsync(async c => await c.Service<GraphQueries>().NodeHistoryAsync(await c.ViewerAsync(), c.Source.Id, c.CancellationToken));
    }
}
