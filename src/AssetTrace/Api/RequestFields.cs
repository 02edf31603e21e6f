using AssetTrace.Accounts;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Inputs;
using AssetTrace.Api.Inputs.Requests;
using AssetTrace.Api.Types.Requests;
using AssetTrace.Requests;
using AssetTrace.Requests.Consent;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>
/// The request desk's fields: officers compose and send, supervisors approve. The desk is read by
/// officers and supervisors (admins pass every gate), and each only sees the requests of the cases
/// they work on; the network directory is open to everyone signed in.
/// </summary>
public static class RequestFields
{
    private static readonly Role[] DeskReaders = [Role.Officer, Role.Supervisor];

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkType>>>>("networks")
            .ResolveAsync(async c => await c.Service<NetworkDirectory>().NetworksAsync(c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContactPointType>>>>("contactPoints")
            .Argument<StringGraphType>("network").Argument<StringGraphType>("jurisdiction")
            .ResolveAsync(async c => await c.Service<NetworkDirectory>().ContactPointsAsync(c.GetArgument<string?>("network"), c.GetArgument<string?>("jurisdiction"), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RequestType>>>>("requests")
            .Argument<IdGraphType>("caseId").Argument<RequestStatusEnum>("status")
            .ResolveAsync(async c => await c.Service<RequestStore>().ListAsync(await c.ViewerWithRoleAsync("Reading requests", DeskReaders),
                c.GetArgument<string?>("caseId"), c.GetArgument<RequestStatus?>("status"), c.CancellationToken));
        query.Field<RequestType>("request").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<RequestStore>().GetAsync(await c.ViewerWithRoleAsync("Reading requests", DeskReaders),
                c.GetArgument<string>("id"), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LetterType>>>>("requestLetters")
            .Description("The letters as they would be sent now, in each of the request's languages.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var viewer = await c.ViewerWithRoleAsync("Reading request letters", DeskReaders);
                var request = await c.Service<RequestStore>().GetAsync(viewer, c.GetArgument<string>("id"), c.CancellationToken)
                    ?? throw new Common.NotFoundException("request", c.GetArgument<string>("id"));
                return await c.Service<RequestDocuments>().RenderAsync(request, c.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThreadedMailType>>>>("holdingPen").Description("Inbound mail that matched no request.")
            .ResolveAsync(async c =>
            {
                await c.ViewerWithRoleAsync("Reading the holding pen", DeskReaders);
                return await c.Service<HoldingPen>().HeldAsync(c.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThreadedMailType>>>>("requestMail").Description("Replies threaded onto a request.")
            .Argument<NonNullGraphType<IdGraphType>>("requestId")
            .ResolveAsync(async c => await c.Service<HoldingPen>().ForRequestAsync(await c.ViewerWithRoleAsync("Reading request mail", DeskReaders),
                c.GetArgument<string>("requestId"), c.CancellationToken));
        query.Field<NonNullGraphType<RequestFiguresType>>("requestFigures").Description("Turnaround per network and jurisdiction, open and overdue counts.")
            .ResolveAsync(async c => await c.Service<RequestFigureReader>().ReadAsync(await c.ViewerWithRoleAsync("Reading request figures", DeskReaders), c.CancellationToken));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RequestType>>("draftRequest").Argument<NonNullGraphType<DraftRequestInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Drafting a request", Role.Officer);
                var input = c.Input();
                return await c.Service<RequestDesk>().DraftAsync(new RequestDraftInput(input.Get<string>("caseId")!, input.Get<string>("network")!,
                    input.Get<string>("jurisdiction")!, input.Get<string>("contactPointId"), input.Get<Urgency?>("urgency") ?? Urgency.Normal,
                    RequestInputReader.Body(input.Get<IDictionary<string, object?>>("body")!)), actor, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<RequestType>>("draftMlaFromRequest")
            .Description("Drafts the formal MLA request that follows an informal one, to the requested state's central authority.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Drafting a request", Role.Officer);
                return await c.Service<RequestDesk>().DraftMlaFromAsync(c.GetArgument<string>("id"), actor, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<RequestType>>("updateRequestDraft")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<RequestBodyInputType>>("body")
            .Argument<UrgencyEnum>("urgency").Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Editing a request", Role.Officer);
                return await c.Service<RequestDesk>().UpdateDraftAsync(c.GetArgument<string>("id"),
                    RequestInputReader.Body(c.GetArgument<Dictionary<string, object?>>("body")), c.GetArgument("urgency", Urgency.Normal),
                    c.GetArgument<int?>("expectedVersion"), actor, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<RequestType>>("approveRequest").Description("Four eyes: a supervisor who did not draft it; the checklist must be complete.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Approving a request", Role.Supervisor);
                return await c.Service<RequestDesk>().ApproveAsync(c.GetArgument<string>("id"), c.GetArgument<int?>("expectedVersion"), actor, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<RequestType>>("sendRequest").Description("Queues the e-mail with the letters as PDF; the request is SENT once the server accepted it.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Sending a request", Role.Officer);
                return await c.Service<RequestDesk>().SendAsync(c.GetArgument<string>("id"), actor, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<RequestType>>("acknowledgeRequest").Argument<NonNullGraphType<IdGraphType>>("id").Argument<StringGraphType>("note")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Recording an acknowledgement", Role.Officer);
                return await c.Service<RequestDesk>().AcknowledgeAsync(c.GetArgument<string>("id"), actor, c.GetArgument<string?>("note"), c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<RequestType>>("recordAnswer")
            .Description("Records an answer and the facts it establishes, with the request as provenance and the network's restriction.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<BooleanGraphType>>("complete").Argument<StringGraphType>("note")
            .Argument<ListGraphType<NonNullGraphType<FactNodeInputType>>>("nodes").Argument<ListGraphType<NonNullGraphType<FactEdgeInputType>>>("edges")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Recording an answer", Role.Officer);
                var nodes = (c.GetArgument<List<Dictionary<string, object?>>?>("nodes") ?? []).Select(n => RequestInputReader.Node(n)).ToList();
                var edges = (c.GetArgument<List<Dictionary<string, object?>>?>("edges") ?? []).Select(e => RequestInputReader.Edge(e)).ToList();
                return await c.Service<RequestDesk>().RecordAnswerAsync(c.GetArgument<string>("id"), c.GetArgument<bool>("complete"), c.GetArgument<string?>("note"),
                    nodes, edges, actor, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<RequestType>>("closeRequest").Argument<NonNullGraphType<IdGraphType>>("id").Argument<StringGraphType>("note")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Closing a request", Role.Officer);
                return await c.Service<RequestDesk>().CloseAsync(c.GetArgument<string>("id"), actor, c.GetArgument<string?>("note"), c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<RequestType>>("withdrawRequest").Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Withdrawing a request", Role.Officer, Role.Supervisor);
                return await c.Service<RequestDesk>().WithdrawAsync(c.GetArgument<string>("id"), actor, c.GetArgument<string>("reason"), c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<ConsentType>>("recordConsent").Description("The provider consented to use beyond intelligence (the consent ledger).")
            .Argument<NonNullGraphType<IdGraphType>>("requestId").Argument<NonNullGraphType<StringGraphType>>("provider")
            .Argument<StringGraphType>("scope").Argument<NonNullGraphType<StringGraphType>>("reference").Argument<NonNullGraphType<DateOnlyGraphType>>("grantedOn")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Recording a consent", Role.Officer, Role.Supervisor);
                return await c.Service<ConsentLedger>().RecordAsync(c.GetArgument<string>("requestId"), c.GetArgument<string>("provider"),
                    c.GetArgument<string?>("scope") ?? "", c.GetArgument<string>("reference"), c.GetArgument<DateOnly>("grantedOn"), actor, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<ThreadedMailType>>("assignMail").Description("Threads a message from the holding pen onto a request.")
            .Argument<NonNullGraphType<StringGraphType>>("inboundId").Argument<NonNullGraphType<IdGraphType>>("requestId")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Assigning mail", Role.Officer);
                var id = long.TryParse(c.GetArgument<string>("inboundId"), out var value) ? value
                    : throw new Common.UserInputException("inboundId", "must be the number of an inbound message.");
                return await c.Service<HoldingPen>().AssignAsync(id, c.GetArgument<string>("requestId"), actor, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<ContactPointType>>("saveContactPoint").Argument<NonNullGraphType<ContactPointInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Editing the directory", Role.Officer, Role.Supervisor);
                var i = c.Input();
                return await c.Service<NetworkDirectory>().SaveContactPointAsync(new ContactPoint(i.Get<string>("id") ?? Guid.CreateVersion7().ToString(),
                    i.Get<string>("network")!, i.Get<string>("jurisdiction")!, i.Get<string>("name")!, i.Get<string>("email")!, i.GetList<string>("languages") ?? [],
                    i.Get<string>("timeZone")!, i.Get<int?>("usualResponseDays") ?? 10, i.Get<bool?>("active") ?? true), actor.Name, c.CancellationToken);
            });
    }
}
