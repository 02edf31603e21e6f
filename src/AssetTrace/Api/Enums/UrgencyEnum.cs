using AssetTrace.Requests.Lifecycle;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class UrgencyEnum : EnumerationGraphType<Urgency>
{
    public UrgencyEnum()
    {
        Description = "How soon the answer is needed; sets the due date from the network's defaults.";
    }
}
