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

public sealed class RecommendationType : ObjectGraphType<Recommendation>
{
    public RecommendationType()
    {
        Name = "Recommendation";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Name it to accept or dismiss the recommendation.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("ruleId").Resolve(c => c.Source.RuleId);
        Field<NonNullGraphType<ActionDraftEnum>>("draft").Resolve(c => c.Source.Draft);
        Field<NonNullGraphType<LocalTextType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<LocalTextType>>("why").Resolve(c => c.Source.Why);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FactLinkType>>>>("facts").Description("The facts that triggered it.").Resolve(c => c.Source.Facts);
        Field<StringGraphType>("network").Resolve(c => c.Source.Network);
        Field<StringGraphType>("jurisdiction").Resolve(c => c.Source.Jurisdiction);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("subjectIds").Resolve(c => c.Source.SubjectIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("questions").Resolve(c => c.Source.Questions);
        Field<StringGraphType>("routeProblem").Description("Why it cannot be drafted as it stands.").Resolve(c => c.Source.RouteProblem);
        Field<NonNullGraphType<RecommendationStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<StringGraphType>("decisionReason").Resolve(c => c.Source.Decision?.Reason);
        Field<IdGraphType>("requestId").Description("The draft request accepting it made.").Resolve(c => c.Source.Decision?.RequestId);
        Field<StringGraphType>("decidedBy").Resolve(c => c.Source.Decision?.By);
    }
}

public sealed class LocalTextType : ObjectGraphType<LocalText>
{
    public LocalTextType()
    {
        Name = "LocalText";
        Field<NonNullGraphType<StringGraphType>>("en").Resolve(c => c.Source.En);
        Field<NonNullGraphType<StringGraphType>>("ru").Resolve(c => c.Source.Ru);
    }
}

public sealed class FactLinkType : ObjectGraphType<FactLink>
{
    public FactLinkType()
    {
        Name = "FactLink";
        Field<NonNullGraphType<StringGraphType>>("kind").Description("node, edge or request.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(c => c.Source.Label);
    }
}

public sealed class PlaybookProblemType : ObjectGraphType<PlaybookProblem>
{
    public PlaybookProblemType()
    {
        Name = "PlaybookProblem";
        Field<NonNullGraphType<StringGraphType>>("file").Resolve(c => c.Source.File);
        Field<NonNullGraphType<IntGraphType>>("line").Resolve(c => c.Source.Line);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
    }
}
