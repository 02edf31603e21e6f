using AssetTrace.Accounts;
using AssetTrace.Api.Types.Requests;
using AssetTrace.Recovery.Steps;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class AssetRecoveryType : ObjectGraphType<AssetRecovery>
{
    public AssetRecoveryType()
    {
        Name = "AssetRecovery";
        Description = "An asset of a case on its road through the steps of recovery.";
        Field<NonNullGraphType<IdGraphType>>("caseId").Resolve(c => c.Source.CaseId);
        Field<NonNullGraphType<IdGraphType>>("nodeId").Resolve(c => c.Source.NodeId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<RecoveryStepEnum>("step").Description("Where it stands; null when every move was corrected.").Resolve(c => c.Source.Step);
        Field<StringGraphType>("country").Description("Where the asset lies (ISO 3166-1).").Resolve(c => c.Source.Country);
        Field<NonNullGraphType<DiscoveryChannelEnum>>("channel").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Name it as expectedVersion when recording the next move.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecoveryStepEnum>>>>("nextSteps").Description("The steps it may move to (the table in StepTransitions).")
            .Resolve(c => StepTransitions.Next(c.Source.Step));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssetMoveType>>>>("moves").Description("Every move and correction, in order.").Resolve(c => c.Source.Moves);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RequestType>>>>("requests")
            .Description("The case's requests about this asset, with each state's answer status (officers and supervisors; empty for other roles).")
            .ResolveAsync(async c =>
            {
                var viewer = await c.ViewerAsync();
                return viewer.Has(Role.Officer) || viewer.Has(Role.Supervisor)
                    ? await c.Service<RecoveryLedger>().RequestsAboutAsync(viewer, c.Source.CaseId, c.Source.NodeId, c.CancellationToken)
                    : [];
            });
    }
}
