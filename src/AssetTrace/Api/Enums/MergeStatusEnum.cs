using AssetTrace.Interchange.Merges;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class MergeStatusEnum : EnumerationGraphType<MergeStatus>
{
    public MergeStatusEnum()
    {
        Description = "Where a merge suggestion stands: superseded when one of its nodes was merged away by another decision.";
    }
}
