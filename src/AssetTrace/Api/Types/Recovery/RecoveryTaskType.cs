using AssetTrace.Recovery.Tasks;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class RecoveryTaskType : ObjectGraphType<RecoveryTask>
{
    public RecoveryTaskType()
    {
        Name = "RecoveryTask";
        Description = "A task of a case: an accepted recommendation that drafts no request, done once with a note.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("caseId").Resolve(c => c.Source.CaseId);
        Field<NonNullGraphType<StringGraphType>>("recommendationKey").Resolve(c => c.Source.RecommendationKey);
        Field<NonNullGraphType<LocalTextType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<LocalTextType>>("why").Resolve(c => c.Source.Why);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Description("Who accepted the recommendation.").Resolve(c => c.Source.CreatedBy);
        Field<NonNullGraphType<BooleanGraphType>>("done").Resolve(c => c.Source.Done);
        Field<DateTimeOffsetGraphType>("doneAt").Resolve(c => c.Source.DoneAt);
        Field<StringGraphType>("doneBy").Resolve(c => c.Source.DoneBy);
        Field<StringGraphType>("doneNote").Resolve(c => c.Source.DoneNote);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
    }
}
