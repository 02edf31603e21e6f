using AssetTrace.Analytics;
using AssetTrace.Api.Types.Analytics;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>The ownership analytics fields of the Query type.</summary>
public static class AnalyticsQueryFields
{
    public static void Add(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OwnerShareType>>>>("owners")
            .Description("Every direct and indirect owner of a company or asset, with effective shares and the chains behind them. Effective shares multiply along each chain and add up over chains; a company that holds some of its own shares (treasury shares: an OWNS edge to itself) counts each other holding as a share of the shares it does not hold itself, share / (1 − self share): 49 % of a company holding 2 % of itself is 50 %.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<DateOnlyGraphType>("asOf")
            .Argument<IntGraphType>("maxPaths", a => a.DefaultValue = 5)
            .ResolveAsync(async c => await c.Service<OwnershipAnalytics>().OwnersAsync(await c.ViewerAsync(),
                c.GetArgument<string>("id"), c.GetArgument<DateOnly?>("asOf"), c.GetArgument("maxPaths", 5), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BeneficialOwnerType>>>>("beneficialOwners")
            .Description("Natural persons who own at least the threshold (effective share), control, or are declared to own a company or asset. Effective shares multiply along each chain and add up over chains; a company that holds some of its own shares (treasury shares: an OWNS edge to itself) counts each other holding as a share of the shares it does not hold itself, share / (1 − self share): 49 % of a company holding 2 % of itself is 50 %.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<FloatGraphType>("thresholdPercent", "25 by default (Analytics:DefaultBeneficialOwnerThresholdPercent).")
            .Argument<DateOnlyGraphType>("asOf")
            .Argument<IntGraphType>("maxPaths", a => a.DefaultValue = 5)
            .ResolveAsync(async c => await c.Service<OwnershipAnalytics>().BeneficialOwnersAsync(await c.ViewerAsync(),
                c.GetArgument<string>("id"), c.GetArgument<double?>("thresholdPercent"), c.GetArgument<DateOnly?>("asOf"),
                c.GetArgument("maxPaths", 5), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<HoldingType>>>>("holdings")
            .Description("Everything a person or company owns or controls, directly or indirectly; with withConnected, together with family, associates and nominees. Effective shares multiply along each chain and add up over chains; a company that holds some of its own shares (treasury shares: an OWNS edge to itself) counts each other holding as a share of the shares it does not hold itself, share / (1 − self share): 49 % of a company holding 2 % of itself is 50 %.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<BooleanGraphType>("withConnected", a => a.DefaultValue = false)
            .Argument<DateOnlyGraphType>("asOf")
            .Argument<IntGraphType>("maxPaths", a => a.DefaultValue = 3)
            .ResolveAsync(async c => await c.Service<OwnershipAnalytics>().HoldingsAsync(await c.ViewerAsync(),
                c.GetArgument<string>("id"), c.GetArgument("withConnected", false), c.GetArgument<DateOnly?>("asOf"),
                c.GetArgument("maxPaths", 3), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConnectedPersonType>>>>("connectedPersons")
            .Description("Persons within some hops through family, associates, nominees, shared directorships and shared addresses.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IntGraphType>("hops", a => a.DefaultValue = 2)
            .Argument<DateOnlyGraphType>("asOf")
            .ResolveAsync(async c => await c.Service<OwnershipAnalytics>().ConnectedPersonsAsync(await c.ViewerAsync(),
                c.GetArgument<string>("id"), c.GetArgument("hops", 2), c.GetArgument<DateOnly?>("asOf"), c.CancellationToken));

        query.Field<NonNullGraphType<WealthEstimateType>>("wealth")
            .Description("Estimated wealth in USD, alone and with connected persons, against the roster threshold.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<DateOnlyGraphType>("asOf")
            .ResolveAsync(async c => await c.Service<OwnershipAnalytics>().WealthAsync(await c.ViewerAsync(),
                c.GetArgument<string>("id"), c.GetArgument<DateOnly?>("asOf"), c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RedFlagType>>>>("redFlags")
            .Description("Secrecy jurisdictions, circular ownership, nominees, mass-registration addresses, long chains and, given a case, transfers shortly before it was opened.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<DateOnlyGraphType>("asOf")
            .Argument<IdGraphType>("caseId")
            .ResolveAsync(async c => await c.Service<OwnershipAnalytics>().RedFlagsAsync(await c.ViewerAsync(),
                c.GetArgument<string>("id"), c.GetArgument<DateOnly?>("asOf"), c.GetArgument<string?>("caseId"), c.CancellationToken));
    }
}
