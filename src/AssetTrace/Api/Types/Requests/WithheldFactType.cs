using AssetTrace.Requests.Consent;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class WithheldFactType : ObjectGraphType<WithheldFact>
{
    public WithheldFactType()
    {
        Name = "WithheldFact";
        Field<NonNullGraphType<StringGraphType>>("entity").Resolve(c => c.Source.Entity);
        Field<NonNullGraphType<IdGraphType>>("entityId").Resolve(c => c.Source.EntityId);
        Field<IdGraphType>("requestId").Resolve(c => c.Source.RequestId);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
    }
}
