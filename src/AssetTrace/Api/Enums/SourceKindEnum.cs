using AssetTrace.Graph.Model;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class SourceKindEnum : EnumerationGraphType<SourceKind>
{
    public SourceKindEnum()
    {
        Description = "Where a fact came from (graph-schema/codelists/source-kind.csv).";
    }
}
