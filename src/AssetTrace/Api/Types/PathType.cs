using AssetTrace.Graph.Paths;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class PathType : ObjectGraphType<GraphPath>
{
    public PathType()
    {
        Name = "Path";
        Description = "Nodes in order and the edges between them: edges[i] joins nodes[i] and nodes[i+1].";
        Field<NonNullGraphType<IntGraphType>>("hops").Resolve(c => c.Source.Hops);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
    }
}
