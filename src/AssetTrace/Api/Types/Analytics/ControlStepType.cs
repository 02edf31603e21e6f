using AssetTrace.Analytics.Ownership;
using AssetTrace.Api.Batching;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class ControlStepType : ObjectGraphType<ControlStep>
{
    public ControlStepType()
    {
        Name = "ControlStep";
        Description = "Why an entity is controlled, and the edges that show it.";
        Field<NodeType>("node").Description("The controlled entity.").ResolveAsync(async c => await c.NodeAsync(c.Source.NodeId));
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeType>>>>("controllers").ResolveAsync(async c => await c.NodesAsync(c.Source.ControllerIds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges").ResolveAsync(async c => await c.EdgesAsync(c.Source.EdgeIds));
    }
}
