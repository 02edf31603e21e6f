using AssetTrace.Watch.Leads;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class LeadStatusEnum : EnumerationGraphType<LeadStatus>
{
    public LeadStatusEnum()
    {
        Description = "Where a lead of the open-source watch stands.";
    }
}
