using AssetTrace.Graph.Model;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class ChangeKindEnum : EnumerationGraphType<ChangeKind>
{
    public ChangeKindEnum()
    {
        Description = "What a change did to a node or edge.";
    }
}
