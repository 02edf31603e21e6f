using AssetTrace.Matching;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Matching;

public sealed class SearchResultType : ObjectGraphType<SearchResult>
{
    public SearchResultType()
    {
        Name = "SearchResult";
        Description = "A node found by name, with how well and how its name matched.";
        Field<NonNullGraphType<NodeType>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("From 0 to 1; at or above the office's threshold (AssetTrace:Matching:Threshold).").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<StringGraphType>>("matchedName").Description("The name or alternate name that matched best.").Resolve(c => c.Source.MatchedName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatchReasonType>>>>("explanation").Resolve(c => c.Source.Explanation);
    }
}
