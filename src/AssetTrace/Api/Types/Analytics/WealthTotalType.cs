using AssetTrace.Analytics.Wealth;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class WealthTotalType : ObjectGraphType<WealthTotal>
{
    public WealthTotalType()
    {
        Name = "WealthTotal";
        Field<NonNullGraphType<DecimalGraphType>>("lowUsd").Resolve(c => c.Source.LowUsd);
        Field<NonNullGraphType<DecimalGraphType>>("highUsd").Resolve(c => c.Source.HighUsd);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WealthItemType>>>>("items").Resolve(c => c.Source.Items);
    }
}
