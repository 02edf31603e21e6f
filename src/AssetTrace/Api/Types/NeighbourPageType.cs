using AssetTrace.Graph.Store;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class NeighbourPageType : ObjectGraphType<Page<Neighbour>>
{
    public NeighbourPageType()
    {
        Name = "NeighbourPage";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeighbourType>>>>("items").Resolve(c => c.Source.Items);
        Field<StringGraphType>("endCursor").Description("Pass as 'after' to get the next page.").Resolve(c => c.Source.EndCursor);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
    }
}
