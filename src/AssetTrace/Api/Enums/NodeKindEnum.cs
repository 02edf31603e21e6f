using AssetTrace.Graph.Model;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class NodeKindEnum : EnumerationGraphType<NodeKind>
{
    public NodeKindEnum()
    {
        Description = "The kinds of node (graph-schema/nodes).";
    }
}
