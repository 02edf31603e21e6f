using AssetTrace.Graph.Paths;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class SubgraphType : ObjectGraphType<Subgraph>
{
    public SubgraphType()
    {
        Name = "Subgraph";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
    }
}
