using AssetTrace.Analytics.Wealth;
using AssetTrace.Api.Batching;
using AssetTrace.Api.Enums;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class WealthItemType : ObjectGraphType<WealthItem>
{
    public WealthItemType()
    {
        Name = "WealthItem";
        Field<NodeType>("node").ResolveAsync(async c => await c.NodeAsync(c.Source.NodeId));
        Field<NonNullGraphType<NodeKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<DecimalGraphType>("value").Resolve(c => c.Source.Value);
        Field<StringGraphType>("currency").Resolve(c => c.Source.Currency);
        Field<DateOnlyGraphType>("valueDate").Resolve(c => c.Source.ValueDate);
        Field<NonNullGraphType<FloatGraphType>>("lowPercent").Resolve(c => c.Source.LowPercent);
        Field<NonNullGraphType<FloatGraphType>>("highPercent").Resolve(c => c.Source.HighPercent);
        Field<DecimalGraphType>("usdPerUnit").Resolve(c => c.Source.UsdPerUnit);
        Field<DateOnlyGraphType>("rateDate").Resolve(c => c.Source.RateDate);
        Field<NonNullGraphType<DecimalGraphType>>("lowUsd").Resolve(c => c.Source.LowUsd);
        Field<NonNullGraphType<DecimalGraphType>>("highUsd").Resolve(c => c.Source.HighUsd);
        Field<StringGraphType>("problem").Description("Why the asset adds nothing: no valuation, or no rate.").Resolve(c => c.Source.Problem);
    }
}
