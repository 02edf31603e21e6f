using AssetTrace.Accounts;
using AssetTrace.Api.Inputs;
using AssetTrace.Api.Types;
using AssetTrace.Cases;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

public sealed class AssetTraceMutation : ObjectGraphType
{
    // Officers record what network answers establish, so they edit the graph too.
    private static readonly Role[] GraphEditors = [Role.Analyst, Role.Officer];
    private static readonly Role[] CaseEditors = [Role.Analyst, Role.Supervisor];

    // Supervisors change facts too: relabelling a fact received as intelligence, or lifting its
    // case restriction, is their decision (#11); the store checks which changes need the role.
    private static readonly Role[] FactCorrectors = [Role.Analyst, Role.Officer, Role.Supervisor];

    public AssetTraceMutation()
    {
        Name = "Mutation";

        Field<NonNullGraphType<NodeType>>("createNode")
            .Argument<NonNullGraphType<CreateNodeInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Creating a node", GraphEditors);
                var input = c.Input();
                var draft = new NodeDraft(input.Get<NodeKind>("kind"), InputReader.Json(input, "properties"),
                    InputReader.Provenance(input.Get<IDictionary<string, object?>>("provenance")!),
                    input.Get<DateOnly?>("validFrom"), input.Get<DateOnly?>("validTo"), input.Get<string>("id"));
                return await c.Service<GraphStore>().CreateNodeAsync(draft, actor, c.CancellationToken);
            });

        Field<NonNullGraphType<NodeType>>("updateNode")
            .Argument<NonNullGraphType<UpdateInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Changing a node", FactCorrectors);
                return await c.Service<GraphStore>().UpdateNodeAsync(InputReader.Patch(c.Input()), actor, c.CancellationToken);
            });

        Field<NonNullGraphType<NodeType>>("deleteNode").Description("Returns the node as it was; its history stays readable.")
            .Argument<NonNullGraphType<DeleteInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Deleting a node", GraphEditors);
                var input = c.Input();
                return await c.Service<GraphStore>().DeleteNodeAsync(input.Get<string>("id")!, input.Get<string>("reason") ?? "", input.Get<int?>("expectedVersion"), actor, c.CancellationToken);
            });

        Field<NonNullGraphType<GraphEdgeType>>("createEdge")
            .Argument<NonNullGraphType<CreateEdgeInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Creating an edge", GraphEditors);
                var input = c.Input();
                var draft = new EdgeDraft(input.Get<EdgeKind>("kind"), input.Get<string>("sourceId")!, input.Get<string>("targetId")!,
                    InputReader.Json(input, "properties"), InputReader.Provenance(input.Get<IDictionary<string, object?>>("provenance")!),
                    input.Get<DateOnly?>("validFrom"), input.Get<DateOnly?>("validTo"), input.Get<string>("id"));
                return await c.Service<GraphStore>().CreateEdgeAsync(draft, actor, c.CancellationToken);
            });

        Field<NonNullGraphType<GraphEdgeType>>("updateEdge")
            .Argument<NonNullGraphType<UpdateInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Changing an edge", FactCorrectors);
                return await c.Service<GraphStore>().UpdateEdgeAsync(InputReader.Patch(c.Input()), actor, c.CancellationToken);
            });

        Field<NonNullGraphType<GraphEdgeType>>("deleteEdge")
            .Argument<NonNullGraphType<DeleteInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Deleting an edge", GraphEditors);
                var input = c.Input();
                return await c.Service<GraphStore>().DeleteEdgeAsync(input.Get<string>("id")!, input.Get<string>("reason") ?? "", input.Get<int?>("expectedVersion"), actor, c.CancellationToken);
            });

        Field<NonNullGraphType<CaseType>>("createCase")
            .Argument<NonNullGraphType<CreateCaseInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Opening a case", CaseEditors);
                var input = c.Input();
                var draft = new CaseDraft(input.Get<string>("number")!, input.Get<string>("title")!, input.Get<string>("crimeType")!,
                    input.GetList<string>("team") ?? [actor.Name], input.Get<DateOnly?>("openedOn"), Supervisors: input.GetList<string>("supervisors"));
                return await c.Service<CaseStore>().CreateAsync(draft, actor, c.CancellationToken);
            });

        Field<NonNullGraphType<CaseType>>("updateCase")
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

        Field<NonNullGraphType<CaseType>>("addCaseSubject")
            .Argument<NonNullGraphType<IdGraphType>>("caseId")
            .Argument<NonNullGraphType<IdGraphType>>("nodeId")
            .Argument<NonNullGraphType<StringGraphType>>("role", "suspect, relative, nominee, asset, …")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Adding a case subject", CaseEditors);
                return await c.Service<CaseStore>().AddSubjectAsync(c.GetArgument<string>("caseId"), c.GetArgument<string>("nodeId"), c.GetArgument<string>("role"), actor, c.CancellationToken);
            });

        Field<NonNullGraphType<CaseType>>("removeCaseSubject")
            .Argument<NonNullGraphType<IdGraphType>>("caseId")
            .Argument<NonNullGraphType<IdGraphType>>("nodeId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Removing a case subject", CaseEditors);
                return await c.Service<CaseStore>().RemoveSubjectAsync(c.GetArgument<string>("caseId"), c.GetArgument<string>("nodeId"), c.GetArgument<string>("reason"), actor, c.CancellationToken);
            });

        AccountFields.AddMutations(this);
        InterchangeMutationFields.Add(this);
        RequestFields.AddMutations(this);
    }
}
