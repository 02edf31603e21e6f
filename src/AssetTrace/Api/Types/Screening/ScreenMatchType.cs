using AssetTrace.Api.Enums;
using AssetTrace.Api.Types.Analytics;
using AssetTrace.Api.Types.Matching;
using AssetTrace.Matching.Screening;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Screening;

public sealed class ScreenMatchType : ObjectGraphType<ScreenMatch>
{
    public ScreenMatchType()
    {
        Name = "ScreenMatch";
        Description = "A node a row matched, how well and why, and what stands behind it: what it holds and whom it is linked to.";
        Field<NonNullGraphType<IdGraphType>>("nodeId").Resolve(c => c.Source.NodeId);
        Field<NonNullGraphType<NodeKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("From 0 to 1; at or above the office's threshold (AssetTrace:Matching:Threshold).").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<StringGraphType>>("matchedName").Description("The name or alternate name that matched best.").Resolve(c => c.Source.MatchedName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatchReasonType>>>>("explanation").Resolve(c => c.Source.Explanation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HoldingType>>>>("holdings")
            .Description($"What it owns or controls, directly or through companies, largest first: the first {Screener.Shown} (as the holdings query answers, without paths).")
            .Resolve(c => c.Source.Holdings);
        Field<NonNullGraphType<IntGraphType>>("holdingCount").Resolve(c => c.Source.HoldingCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConnectedPersonType>>>>("connectedPersons")
            .Description($"Persons one hop away (family, associates, nominees, shared directorships and addresses): the first {Screener.Shown}.")
            .Resolve(c => c.Source.Connected);
        Field<NonNullGraphType<IntGraphType>>("connectedCount").Resolve(c => c.Source.ConnectedCount);
    }
}
