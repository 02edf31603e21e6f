using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class NodePageType : ObjectGraphType<Page<Node>>
{
    public NodePageType()
    {
        Name = "NodePage";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeType>>>>("nodes").Resolve(c => c.Source.Items);
        Field<StringGraphType>("endCursor").Description("Pass as 'after' to get the next page.").Resolve(c => c.Source.EndCursor);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
    }
}
