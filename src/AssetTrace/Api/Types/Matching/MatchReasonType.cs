using AssetTrace.Api.Enums;
using AssetTrace.Matching;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Matching;

public sealed class MatchReasonType : ObjectGraphType<MatchReason>
{
    public MatchReasonType()
    {
        Name = "MatchReason";
        Description = "One line of a match's explanation: a word (or date, country, identifier) of the query, what it met in the found name, and how.";
        Field<StringGraphType>("query").Description("The part of the query; null when only the found name has it.").Resolve(c => c.Source.Query);
        Field<StringGraphType>("matched").Description("The part of the found name; null when only the query has it.").Resolve(c => c.Source.Candidate);
        Field<NonNullGraphType<MatchHowEnum>>("how").Resolve(c => c.Source.How);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("What this part scored, from 0 to 1.").Resolve(c => c.Source.Score);
    }
}
