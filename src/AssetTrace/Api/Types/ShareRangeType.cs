using AssetTrace.Graph.Model;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class ShareRangeType : ObjectGraphType<ShareRange>
{
    public ShareRangeType()
    {
        Name = "ShareRange";
        Description = "A share in percent: exact when low = high, otherwise only a range is known.";
        Field<NonNullGraphType<DecimalGraphType>>("low").Resolve(c => c.Source.Low);
        Field<NonNullGraphType<DecimalGraphType>>("high").Resolve(c => c.Source.High);
        Field<NonNullGraphType<BooleanGraphType>>("exact").Resolve(c => c.Source.IsExact);
    }
}
