using AssetTrace.Analytics.RedFlags;
using AssetTrace.Api.Batching;
using AssetTrace.Api.Enums;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class RedFlagType : ObjectGraphType<RedFlag>
{
    public RedFlagType()
    {
        Name = "RedFlag";
        Field<NonNullGraphType<RedFlagKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeType>>>>("nodes").ResolveAsync(async c => await c.NodesAsync(c.Source.NodeIds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges").ResolveAsync(async c => await c.EdgesAsync(c.Source.EdgeIds));
    }
}
