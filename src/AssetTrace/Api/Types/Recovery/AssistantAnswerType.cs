using AssetTrace.Recovery.Assistant;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class AssistantAnswerType : ObjectGraphType<AssistantAnswer>
{
    public AssistantAnswerType()
    {
        Name = "AssistantAnswer";
        Field<NonNullGraphType<StringGraphType>>("crimeType").Description("The playbook used: the case's crime type.").Resolve(c => c.Source.CrimeType);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecommendationType>>>>("recommendations").Resolve(c => c.Source.Recommendations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaybookProblemType>>>>("problems")
            .Description("Playbook files or rules that did not load or run, with file and line; the others ran.").Resolve(c => c.Source.Problems);
    }
}
