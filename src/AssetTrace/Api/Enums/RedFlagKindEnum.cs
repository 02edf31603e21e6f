using AssetTrace.Analytics.RedFlags;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class RedFlagKindEnum : EnumerationGraphType<RedFlagKind>
{
    public RedFlagKindEnum()
    {
        Description = "Patterns that call for an analyst's attention.";
    }
}
