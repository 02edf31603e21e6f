using AssetTrace.Analytics.Ownership;
using AssetTrace.Api.Batching;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class MemberShareType : ObjectGraphType<MemberShare>
{
    public MemberShareType()
    {
        Name = "MemberShare";
        Field<NodeType>("person").ResolveAsync(async c => await c.NodeAsync(c.Source.PersonId));
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<FloatGraphType>>("lowPercent").Resolve(c => c.Source.LowPercent);
        Field<NonNullGraphType<FloatGraphType>>("highPercent").Resolve(c => c.Source.HighPercent);
    }
}
