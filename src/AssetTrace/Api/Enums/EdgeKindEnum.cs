using AssetTrace.Graph.Model;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class EdgeKindEnum : EnumerationGraphType<EdgeKind>
{
    public EdgeKindEnum()
    {
        Description = "The kinds of edge (graph-schema/edges).";
    }
}
