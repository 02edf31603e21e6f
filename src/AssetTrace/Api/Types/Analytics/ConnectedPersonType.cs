using AssetTrace.Analytics.Connections;
using AssetTrace.Api.Batching;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class ConnectedPersonType : ObjectGraphType<ConnectedPerson>
{
    public ConnectedPersonType()
    {
        Name = "ConnectedPerson";
        Field<NodeType>("person").ResolveAsync(async c => await c.NodeAsync(c.Source.PersonId));
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("hops").Resolve(c => c.Source.Hops);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConnectionStepType>>>>("chain").Resolve(c => c.Source.Chain);
    }
}
