using AssetTrace.Common;

namespace AssetTrace.Requests.Lifecycle;

/// <summary>Which status may follow which; anything else is refused with the allowed moves named.</summary>
public static class RequestTransitions
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Allowed = new()
    {
        [RequestStatus.Draft] = [RequestStatus.Approved, RequestStatus.Withdrawn],
        [RequestStatus.Approved] = [RequestStatus.Queued, RequestStatus.Draft, RequestStatus.Withdrawn],
        [RequestStatus.Queued] = [RequestStatus.Sent, RequestStatus.DeliveryFailed],
        [RequestStatus.Sent] = [RequestStatus.Acknowledged, RequestStatus.PartlyAnswered, RequestStatus.Answered, RequestStatus.Withdrawn, RequestStatus.DeliveryFailed],
        [RequestStatus.Acknowledged] = [RequestStatus.PartlyAnswered, RequestStatus.Answered, RequestStatus.Withdrawn],
        [RequestStatus.PartlyAnswered] = [RequestStatus.Answered, RequestStatus.Closed, RequestStatus.Withdrawn],
        [RequestStatus.Answered] = [RequestStatus.Closed],
        [RequestStatus.DeliveryFailed] = [RequestStatus.Draft, RequestStatus.Withdrawn],
        [RequestStatus.Closed] = [],
        [RequestStatus.Withdrawn] = [],
    };

    /// <summary>Requests that wait for the partner: counted as open, checked for due dates.</summary>
    public static readonly RequestStatus[] AwaitingAnswer = [RequestStatus.Sent, RequestStatus.Acknowledged, RequestStatus.PartlyAnswered];

    public static void Check(RequestStatus from, RequestStatus to, string number)
    {
        if (!Allowed[from].Contains(to))
        {
            throw new ConflictException(
                $"Request {number} is {from}; it cannot become {to}. From {from} it may become: {(Allowed[from].Length == 0 ? "nothing (it is finished)" : string.Join(", ", Allowed[from]))}.");
        }
    }
}
