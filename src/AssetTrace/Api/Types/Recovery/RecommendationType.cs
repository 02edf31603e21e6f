using AssetTrace.Recovery.Assistant;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

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
