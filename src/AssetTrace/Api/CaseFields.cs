using AssetTrace.Accounts;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Inputs;
using AssetTrace.Api.Types;
using AssetTrace.Cases;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>The cases' fields: the cases one works on, opening and changing them, their subjects.</summary>
public static class CaseFields
{
    private static readonly Role[] CaseEditors = [Role.Analyst, Role.Supervisor];

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CaseType>>>>("cases").Description("The cases you work on (all of them, for admins).")
            .Argument<CaseStatusEnum>("status")
            .ResolveAsync(async c => await c.Service<CaseStore>().ListAsync(await c.ViewerAsync(), c.GetArgument<CaseStatus?>("status"), c.CancellationToken));

        query.Field<CaseType>("case").Description("A case you work on; null when there is none you may see.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<CaseStore>().GetAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), c.CancellationToken));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CaseType>>("createCase")
            .Argument<NonNullGraphType<CreateCaseInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Opening a case", CaseEditors);
                var input = c.Input();
                var draft = new CaseDraft(input.Get<string>("number")!, input.Get<string>("title")!, input.Get<string>("crimeType")!,
                    input.GetList<string>("team") ?? [actor.Name], input.Get<DateOnly?>("openedOn"), Supervisors: input.GetList<string>("supervisors"));
                return await c.Service<CaseStore>().CreateAsync(draft, actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<CaseType>>("updateCase")
            .Argument<NonNullGraphType<UpdateCaseInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Changing a case", CaseEditors);
                var input = c.Input();
                var patch = new CasePatch(input.Get<string>("id")!, input.Get<string>("reason") ?? "", input.Get<string>("title"),
                    input.Get<string>("crimeType"), input.Get<CaseStatus?>("status"), input.GetList<string>("team"),
                    input.Get<int?>("expectedVersion"), input.GetList<string>("supervisors"));
                return await c.Service<CaseStore>().UpdateAsync(patch, actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<CaseType>>("addCaseSubject")
            .Argument<NonNullGraphType<IdGraphType>>("caseId")
            .Argument<NonNullGraphType<IdGraphType>>("nodeId")
            .Argument<NonNullGraphType<StringGraphType>>("role", "suspect, relative, nominee, asset, …")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Adding a case subject", CaseEditors);
                return await c.Service<CaseStore>().AddSubjectAsync(c.GetArgument<string>("caseId"), c.GetArgument<string>("nodeId"), c.GetArgument<string>("role"), actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<CaseType>>("removeCaseSubject")
            .Argument<NonNullGraphType<IdGraphType>>("caseId")
            .Argument<NonNullGraphType<IdGraphType>>("nodeId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Removing a case subject", CaseEditors);
                return await c.Service<CaseStore>().RemoveSubjectAsync(c.GetArgument<string>("caseId"), c.GetArgument<string>("nodeId"), c.GetArgument<string>("reason"), actor, c.CancellationToken);
            });
    }
}
