using AssetTrace.Api.Batching;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Types.Matching;
using AssetTrace.Interchange.Merges;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Interchange;

public sealed class MergeSuggestionType : ObjectGraphType<MergeSuggestion>
{
    public MergeSuggestionType()
    {
        Name = "MergeSuggestion";
        Description = "Two nodes an import found probably to be one person or company. Accepting keeps the candidate and moves the node's edges to it.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NodeType>("node").Description("The node that goes if accepted.")
            .ResolveAsync(async c => await c.NodeAsync(c.Source.NodeId));
        Field<NodeType>("candidate").Description("The node that stays if accepted.")
            .ResolveAsync(async c => await c.NodeAsync(c.Source.CandidateId));
        Field<NonNullGraphType<IdGraphType>>("nodeId").Resolve(c => c.Source.NodeId);
        Field<NonNullGraphType<IdGraphType>>("candidateId").Resolve(c => c.Source.CandidateId);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<FloatGraphType>("score").Description("The name matcher's score of the two, 0 to 1, at or above the office's threshold when suggested; null for an ICIJ same_as link or a suggestion made before the matcher.")
            .Resolve(c => c.Source.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatchReasonType>>>>("explanation").Description("Which parts of the two names, birth dates and identifiers agreed and how, as a search result explains itself.")
            .Resolve(c => c.Source.Explanation ?? []);
        Field<NonNullGraphType<MergeStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<IdGraphType>("importRun").Resolve(c => c.Source.ImportRun);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("decidedAt").Resolve(c => c.Source.DecidedAt);
        Field<StringGraphType>("decidedBy").Resolve(c => c.Source.DecidedBy);
        Field<StringGraphType>("decisionNote").Resolve(c => c.Source.DecisionNote);
    }
}
