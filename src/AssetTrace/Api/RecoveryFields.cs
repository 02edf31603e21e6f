using AssetTrace.Accounts;
using AssetTrace.Api.Inputs;
using AssetTrace.Api.Types.Recovery;
using AssetTrace.Recovery.Assistant;
using AssetTrace.Recovery.Figures;
using AssetTrace.Recovery.Steps;
using AssetTrace.Recovery.Tasks;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>
/// Recovery (#17): a case's assets through the steps, the office's figures, the assistant. Reading
/// needs only to see the case (its team, named supervisors, admins); recording moves is for analysts,
/// officers and supervisors, as are dismissing recommendations and completing tasks; accepting a recommendation that
/// drafts a request is for officers.
/// </summary>
public static class RecoveryFields
{
    private static readonly Role[] StepRecorders = [Role.Analyst, Role.Officer, Role.Supervisor];

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssetRecoveryType>>>>("caseAssets")
            .Description("The assets of a case you work on, each with its step and moves.")
            .Argument<NonNullGraphType<IdGraphType>>("caseId")
            .ResolveAsync(async c => await c.Service<RecoveryLedger>().ForCaseAsync(await c.ViewerAsync(), c.GetArgument<string>("caseId"), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecoveryTaskType>>>>("recoveryTasks")
            .Description("The tasks of a case you work on (accepted recommendations that draft no request), open ones first.")
            .Argument<NonNullGraphType<IdGraphType>>("caseId")
            .ResolveAsync(async c => await c.Service<RecoveryTasks>().ForCaseAsync(await c.ViewerAsync(), c.GetArgument<string>("caseId"), c.CancellationToken));
        query.Field<NonNullGraphType<RecoveryFiguresType>>("recoveryFigures")
            .Description("Assets at each step by year, country, crime type and channel, in USD, over the cases you see.")
            .ResolveAsync(async c => await c.Service<RecoveryFigureReader>().ReadAsync(await c.ViewerAsync(), c.CancellationToken));
        query.Field<NonNullGraphType<AssistantAnswerType>>("recommendations")
            .Description("The assistant's next actions for a case you work on, from its crime type's playbook.")
            .Argument<NonNullGraphType<IdGraphType>>("caseId")
            .ResolveAsync(async c => await c.Service<RecoveryAssistant>().RecommendAsync(await c.ViewerAsync(), c.GetArgument<string>("caseId"), c.CancellationToken));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AssetRecoveryType>>("recordAssetMove").Argument<NonNullGraphType<RecordMoveInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Recording a step of recovery", StepRecorders);
                var input = c.Input();
                var justifications = (input.GetList<IDictionary<string, object?>>("justifications") ?? [])
                    .Select(j => new Justification(j.Get<JustificationKind>("kind"), j.Get<string>("reference") ?? "")).ToList();
                return await c.Service<RecoveryLedger>().RecordAsync(new MoveInput(input.Get<string>("caseId")!, input.Get<string>("nodeId")!,
                    input.Get<RecoveryStep>("step"), input.Get<DateOnly>("onDate"), input.Get<decimal?>("value"), input.Get<string>("currency"),
                    justifications, input.Get<DiscoveryChannel?>("channel"), input.Get<string>("unrestrainedReason"), input.Get<string>("note"),
                    input.Get<int?>("expectedVersion")), actor, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<AssetRecoveryType>>("correctAssetMove")
            .Description("Reverses the latest standing move of an asset by a recorded correction (nothing is deleted).")
            .Argument<NonNullGraphType<IdGraphType>>("caseId").Argument<NonNullGraphType<IdGraphType>>("nodeId")
            .Argument<NonNullGraphType<IdGraphType>>("moveId").Argument<NonNullGraphType<StringGraphType>>("reason").Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c => await c.Service<RecoveryLedger>().CorrectAsync(c.GetArgument<string>("caseId"), c.GetArgument<string>("nodeId"),
                c.GetArgument<string>("moveId"), c.GetArgument<string>("reason"), c.GetArgument<int?>("expectedVersion"),
                await c.ViewerWithRoleAsync("Correcting a step of recovery", StepRecorders), c.CancellationToken));
        mutation.Field<NonNullGraphType<RecommendationType>>("acceptRecommendation")
            .Description("Accepts a recommendation: its request is drafted through the request desk (officers), a task is recorded.")
            .Argument<NonNullGraphType<IdGraphType>>("caseId").Argument<NonNullGraphType<StringGraphType>>("key")
            .ResolveAsync(async c => await c.Service<RecoveryAssistant>().AcceptAsync(await c.ViewerWithRoleAsync("Accepting a recommendation", StepRecorders),
                c.GetArgument<string>("caseId"), c.GetArgument<string>("key"), c.CancellationToken));
        mutation.Field<NonNullGraphType<RecoveryTaskType>>("completeRecoveryTask").Description("Marks a task of the case done, saying what was done.")
            .Argument<NonNullGraphType<IdGraphType>>("caseId").Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<StringGraphType>>("note")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c => await c.Service<RecoveryTasks>().CompleteAsync(await c.ViewerWithRoleAsync("Completing a task", StepRecorders),
                c.GetArgument<string>("caseId"), c.GetArgument<string>("id"), c.GetArgument<string>("note"), c.GetArgument<int?>("expectedVersion"), c.CancellationToken));
        mutation.Field<NonNullGraphType<RecommendationType>>("dismissRecommendation")
            .Argument<NonNullGraphType<IdGraphType>>("caseId").Argument<NonNullGraphType<StringGraphType>>("key").Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c => await c.Service<RecoveryAssistant>().DismissAsync(await c.ViewerWithRoleAsync("Dismissing a recommendation", StepRecorders),
                c.GetArgument<string>("caseId"), c.GetArgument<string>("key"), c.GetArgument<string>("reason"), c.CancellationToken));
    }
}
