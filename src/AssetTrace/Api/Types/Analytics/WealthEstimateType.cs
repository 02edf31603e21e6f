using AssetTrace.Analytics.Wealth;
using AssetTrace.Api.Batching;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class WealthEstimateType : ObjectGraphType<WealthEstimate>
{
    public WealthEstimateType()
    {
        Name = "WealthEstimate";
        Description = "Assets × effective share, in USD at dated rates; alone and with family, associates and nominees.";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<DecimalGraphType>>("thresholdUsd").Resolve(c => c.Source.ThresholdUsd);
        Field<NonNullGraphType<WealthTotalType>>("own").Resolve(c => c.Source.Own);
        Field<NonNullGraphType<WealthTotalType>>("withConnected").Resolve(c => c.Source.WithConnected);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeType>>>>("connectedPersons").ResolveAsync(async c => await c.NodesAsync(c.Source.ConnectedPersonIds));
        Field<NonNullGraphType<BooleanGraphType>>("crossesThreshold").Description("The upper bound with connected persons reaches the threshold.").Resolve(c => c.Source.CrossesThreshold);
        Field<NonNullGraphType<BooleanGraphType>>("certainlyCrossesThreshold").Description("Even the lower bound reaches it.").Resolve(c => c.Source.CertainlyCrossesThreshold);
    }
}
