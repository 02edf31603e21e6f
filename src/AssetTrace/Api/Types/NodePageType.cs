using AssetTrace.Api.Types.Matching;
using AssetTrace.Matching;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

/// <summary>A page of the name search (#14): the nodes best first, each with its score and explanation in results.</summary>
public sealed class NodePageType : ObjectGraphType<SearchPage>
{
    public NodePageType()
    {
        Name = "NodePage";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("The number of matches, exact up to a bound; see total.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<SearchTotalType>>("total").Description("How many nodes match, and whether that number is exact.").Resolve(c => c.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeType>>>>("nodes").Description("The nodes of this page, best match first.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchResultType>>>>("results").Description("The same nodes with their scores and explanations.").Resolve(c => c.Source.Results);
        Field<StringGraphType>("endCursor").Description("Pass as 'after' to get the next page.").Resolve(c => c.Source.EndCursor);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
    }
}
