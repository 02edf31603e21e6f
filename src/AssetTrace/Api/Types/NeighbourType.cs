using AssetTrace.Api.Enums;
using AssetTrace.Graph.Store;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class NeighbourType : ObjectGraphType<Neighbour>
{
    public NeighbourType()
    {
        Name = "Neighbour";
        Field<NonNullGraphType<GraphEdgeType>>("edge").Resolve(c => c.Source.Edge);
        Field<NonNullGraphType<NodeType>>("node").Description("The node at the other end of the edge.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<DirectionEnum>>("direction").Description("OUTGOING when the edge leaves the node asked about.").Resolve(c => c.Source.Direction);
    }
}
