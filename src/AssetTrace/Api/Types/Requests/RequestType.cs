using AssetTrace.Api.Batching;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Scalars;
using AssetTrace.Cases;
using AssetTrace.Mail;
using AssetTrace.Requests;
using AssetTrace.Requests.Consent;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Lifecycle;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class RequestType : ObjectGraphType<NetworkRequest>
{
    public RequestType()
    {
        Name = "Request";
        Description = "A request through an asset-recovery network, or a formal MLA request, and where it stands.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(c => c.Source.Number);
        Field<CaseType>("case").ResolveAsync(async c => await c.Service<CaseStore>().GetAsync(await c.ViewerAsync(), c.Source.Route.CaseId, c.CancellationToken));
        Field<NonNullGraphType<NetworkType>>("network").ResolveAsync(async c => await c.Service<NetworkDirectory>().NetworkAsync(c.Source.Route.Network, "network", c.CancellationToken));
        Field<NonNullGraphType<StringGraphType>>("jurisdiction").Resolve(c => c.Source.Route.Jurisdiction);
        Field<ContactPointType>("contactPoint").ResolveAsync(async c => await c.Service<NetworkDirectory>().ContactPointAsync(c.Source.Route.ContactPointId, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeType>>>>("subjects").ResolveAsync(async c => await c.NodesAsync(c.Source.Body.SubjectIds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("questions").Resolve(c => c.Source.Body.Questions);
        Field<StringGraphType>("freeText").Resolve(c => c.Source.Body.FreeText);
        Field<NonNullGraphType<StringGraphType>>("legalBasis").Resolve(c => c.Source.Body.LegalBasis);
        Field<NonNullGraphType<StringGraphType>>("offenceDescription").Resolve(c => c.Source.Body.OffenceDescription);
        Field<StringGraphType>("assetLink").Resolve(c => c.Source.Body.AssetLink);
        Field<NonNullGraphType<StringGraphType>>("confidentiality").Resolve(c => c.Source.Body.Confidentiality);
        Field<StringGraphType>("restrictions").Resolve(c => c.Source.Body.Restrictions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Resolve(c => c.Source.Body.Languages);
        Field<NonNullGraphType<JsonGraphType>>("statements").Resolve(c => System.Text.Json.JsonSerializer.SerializeToElement(c.Source.Body.Statements));
        Field<NonNullGraphType<RequestStatusEnum>>("status").Resolve(c => c.Source.Progress.Status);
        Field<NonNullGraphType<UrgencyEnum>>("urgency").Resolve(c => c.Source.Progress.Urgency);
        Field<DateTimeOffsetGraphType>("dueAt").Resolve(c => c.Source.Progress.DueAt);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Resolve(c => c.Source.Progress.Overdue);
        Field<NonNullGraphType<StringGraphType>>("author").Resolve(c => c.Source.Stamp.CreatedBy);
        Field<StringGraphType>("approvedBy").Resolve(c => c.Source.Milestones.ApprovedBy);
        Field<DateTimeOffsetGraphType>("approvedAt").Resolve(c => c.Source.Milestones.ApprovedAt);
        Field<DateTimeOffsetGraphType>("sentAt").Resolve(c => c.Source.Milestones.SentAt);
        Field<DateTimeOffsetGraphType>("acknowledgedAt").Resolve(c => c.Source.Milestones.AcknowledgedAt);
        Field<DateTimeOffsetGraphType>("answeredAt").Resolve(c => c.Source.Milestones.AnsweredAt);
        Field<DateTimeOffsetGraphType>("closedAt").Resolve(c => c.Source.Milestones.ClosedAt);
        Field<StringGraphType>("failureReason").Resolve(c => c.Source.Progress.FailureReason);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Stamp.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RequestEventType>>>>("events").Description("The timeline: every change, who and when.")
            .ResolveAsync(async c => await c.Service<RequestStore>().EventsAsync(c.Source.Id, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutboxEntryType>>>>("mail").Description("Messages sent for it, and what became of them.")
            .ResolveAsync(async c => await c.Service<MailOutbox>().ForRequestAsync(c.Source.Id, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsentType>>>>("consents")
            .ResolveAsync(async c => await c.Service<ConsentLedger>().ForRequestAsync(c.Source.Id, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChecklistGapType>>>>("checklist").Description("What the requested state requires that the draft lacks.")
            .ResolveAsync(async c => await c.Service<RequestDesk>().ChecklistAsync(c.Source.Id, await c.ViewerAsync(), c.CancellationToken));
    }
}
