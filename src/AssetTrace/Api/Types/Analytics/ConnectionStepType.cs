using AssetTrace.Analytics.Connections;
using AssetTrace.Api.Batching;
using AssetTrace.Api.Enums;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class ConnectionStepType : ObjectGraphType<ConnectionStep>
{
    public ConnectionStepType()
    {
        Name = "ConnectionStep";
        Field<NonNullGraphType<IdGraphType>>("fromId").Resolve(c => c.Source.FromId);
        Field<NonNullGraphType<IdGraphType>>("toId").Resolve(c => c.Source.ToId);
        Field<NonNullGraphType<ConnectionKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NodeType>("through").Description("The company or address two persons share.")
            .ResolveAsync(async c => c.Source.ThroughId is null ? null : await c.NodeAsync(c.Source.ThroughId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges").ResolveAsync(async c => await c.EdgesAsync(c.Source.EdgeIds));
    }
}
