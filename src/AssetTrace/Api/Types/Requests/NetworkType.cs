using AssetTrace.Api.Enums;
using AssetTrace.Requests.Directory;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class NetworkType : ObjectGraphType<NetworkInfo>
{
    public NetworkType()
    {
        Name = "Network";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("kind").Description("informal, fiu or formal.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<BooleanGraphType>>("consentRequired").Resolve(c => c.Source.ConsentRequired);
        Field<NonNullGraphType<UsageRestrictionEnum>>("restriction").Description("What its answers may be used for.").Resolve(c => c.Source.Restriction);
        Field<NonNullGraphType<IntGraphType>>("urgentHours").Resolve(c => c.Source.UrgentHours);
        Field<NonNullGraphType<IntGraphType>>("normalDays").Resolve(c => c.Source.NormalDays);
        Field<NonNullGraphType<IntGraphType>>("lowDays").Resolve(c => c.Source.LowDays);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContactPointType>>>>("contactPoints")
            .ResolveAsync(async c => await c.Service<NetworkDirectory>().ContactPointsAsync(c.Source.Code, null, c.CancellationToken));
    }
}
