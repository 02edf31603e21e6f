using AssetTrace.Mail;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

/// <summary>In the same SCREAMING_CASE as the request's status, which it sits beside (#12).</summary>
public sealed class OutboxStatusEnum : EnumerationGraphType<OutboxStatus>
{
    public OutboxStatusEnum()
    {
        Name = "OutgoingMailStatus";
        Description = "Where an outgoing letter stands: QUEUED, SENDING, SENT, or FAILED after its last attempt.";
    }
}
