using AssetTrace.Graph.Model;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class UsageRestrictionEnum : EnumerationGraphType<UsageRestriction>
{
    public UsageRestrictionEnum()
    {
        Description = "What a fact may be used for (graph-schema/codelists/usage-restriction.csv).";
    }
}
