using AssetTrace.Cases;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class CaseStatusEnum : EnumerationGraphType<CaseStatus>
{
    public CaseStatusEnum()
    {
        Description = "The state of a case.";
    }
}
