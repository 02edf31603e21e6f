using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Evaluation;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Roster;

public sealed class RosterEntryType : ObjectGraphType<RosterEntry>
{
    public RosterEntryType()
    {
        Name = "RosterEntry";
        Description = "A person on (or proposed for) the Commission's roster, in a case; never deleted.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("number").Description("Given when the Commission includes the person.").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<IdGraphType>>("caseId").Resolve(c => c.Source.CaseId);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Resolve(c => c.Source.SubjectId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("connectedPersonIds").Resolve(c => c.Source.ConnectedPersonIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("assetIds").Resolve(c => c.Source.AssetIds);
        Field<NonNullGraphType<DecimalGraphType>>("lowUsd").Description("The figure the proposal rests on, with connected persons.").Resolve(c => c.Source.Figure.LowUsd);
        Field<NonNullGraphType<DecimalGraphType>>("highUsd").Resolve(c => c.Source.Figure.HighUsd);
        Field<NonNullGraphType<DecimalGraphType>>("thresholdUsd").Resolve(c => c.Source.Figure.ThresholdUsd);
        Field<NonNullGraphType<DateOnlyGraphType>>("figureOn").Resolve(c => c.Source.Figure.On);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("criteria").Resolve(c => c.Source.Grounds.Criteria);
        Field<NonNullGraphType<StringGraphType>>("statement").Resolve(c => c.Source.Grounds.Statement);
        Field<NonNullGraphType<RosterStageEnum>>("stage").Resolve(c => c.Source.Stage);
        Field<RosterDecisionType>("decision").Resolve(c => c.Source.Decision);
        Field<RosterNoticeType>("notice").Resolve(c => c.Source.Notice);
        Field<DateOnlyGraphType>("deadlineOn").Resolve(c => c.Source.DeadlineOn);
        Field<StringGraphType>("exclusionReason").Resolve(c => c.Source.Exclusion?.Reason);
        Field<StringGraphType>("exclusionRequestedBy").Resolve(c => c.Source.Exclusion?.RequestedBy);
        Field<StringGraphType>("exclusionApprovedBy").Resolve(c => c.Source.Exclusion?.ApprovedBy);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Stamp.Version);
        Field<NonNullGraphType<StringGraphType>>("proposedBy").Resolve(c => c.Source.Stamp.CreatedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("proposedAt").Resolve(c => c.Source.Stamp.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("updatedBy").Resolve(c => c.Source.Stamp.UpdatedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(c => c.Source.Stamp.UpdatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RosterEventType>>>>("history")
            .ResolveAsync(async c => await c.Service<RosterDesk>().HistoryAsync(c.Source.Id, await c.ViewerAsync(), c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssetEvaluationType>>>>("evaluations")
            .ResolveAsync(async c => await c.Service<RosterEvaluations>().EvaluationsAsync(c.Source.Id, await c.ViewerAsync(), c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RosterDocumentType>>>>("documents")
            .ResolveAsync(async c => await c.Service<RosterEvaluations>().DocumentsAsync(c.Source.Id, await c.ViewerAsync(), c.CancellationToken));
    }
}

public sealed class RosterDecisionType : ObjectGraphType<RosterDecision>
{
    public RosterDecisionType()
    {
        Name = "RosterDecision";
        Field<NonNullGraphType<DateOnlyGraphType>>("meetingOn").Resolve(c => c.Source.MeetingOn);
        Field<NonNullGraphType<IntGraphType>>("votesFor").Resolve(c => c.Source.For);
        Field<NonNullGraphType<IntGraphType>>("votesAgainst").Resolve(c => c.Source.Against);
        Field<NonNullGraphType<IntGraphType>>("abstained").Resolve(c => c.Source.Abstained);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("members").Resolve(c => c.Source.Members);
        Field<NonNullGraphType<BooleanGraphType>>("included").Resolve(c => c.Source.Included);
        Field<NonNullGraphType<StringGraphType>>("recordedBy").Resolve(c => c.Source.RecordedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("recordedAt").Resolve(c => c.Source.RecordedAt);
    }
}

public sealed class RosterNoticeType : ObjectGraphType<RosterNotice>
{
    public RosterNoticeType()
    {
        Name = "RosterNotice";
        Field<NonNullGraphType<DateOnlyGraphType>>("deliveredOn").Resolve(c => c.Source.DeliveredOn);
        Field<NonNullGraphType<StringGraphType>>("deliveredBy").Resolve(c => c.Source.DeliveredBy);
        Field<NonNullGraphType<StringGraphType>>("method").Resolve(c => c.Source.Method);
        Field<NonNullGraphType<IntGraphType>>("months").Resolve(c => c.Source.Months);
        Field<NonNullGraphType<DateOnlyGraphType>>("deadlineOn").Resolve(c => c.Source.DeadlineOn);
        Field<StringGraphType>("extensionReason").Resolve(c => c.Source.ExtensionReason);
    }
}

public sealed class RosterEventType : ObjectGraphType<RosterEvent>
{
    public RosterEventType()
    {
        Name = "RosterEvent";
        Field<NonNullGraphType<IntGraphType>>("seq").Resolve(c => c.Source.Seq);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("actor").Resolve(c => c.Source.Actor);
        Field<NonNullGraphType<StringGraphType>>("event").Resolve(c => c.Source.Event);
        Field<StringGraphType>("detail").Resolve(c => c.Source.Detail);
    }
}
