using AssetTrace.Accounts;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class RoleEnum : EnumerationGraphType<Role>
{
    public RoleEnum()
    {
        Description = "What a user may do (graph-schema/codelists/role.csv).";
    }
}
