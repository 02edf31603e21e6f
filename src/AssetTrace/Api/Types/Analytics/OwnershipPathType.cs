using AssetTrace.Analytics.Ownership;
using AssetTrace.Api.Batching;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class OwnershipPathType : ObjectGraphType<OwnershipPath>
{
    public OwnershipPathType()
    {
        Name = "OwnershipPath";
        Description = "One chain of ownership, read from owner to owned; each edge carries its share and its provenance.";
        Field<NonNullGraphType<IntGraphType>>("hops").Resolve(c => c.Source.Hops);
        Field<FloatGraphType>("lowPercent").Description("The chain's share with ranges at their minimum; null when a link's share is unknown.").Resolve(c => c.Source.LowPercent);
        Field<FloatGraphType>("highPercent").Resolve(c => c.Source.HighPercent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeType>>>>("nodes").ResolveAsync(async c => await c.NodesAsync(c.Source.NodeIds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges").ResolveAsync(async c => await c.EdgesAsync(c.Source.EdgeIds));
    }
}
