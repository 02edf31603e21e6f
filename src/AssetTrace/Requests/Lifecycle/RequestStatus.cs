namespace AssetTrace.Requests.Lifecycle;

/// <summary>
/// Where a request stands. Draft → Approved (four eyes) → Queued (in the outbox) → Sent (the
/// SMTP server accepted it) → Acknowledged → PartlyAnswered / Answered → Closed; Withdrawn and
/// DeliveryFailed end it early.
/// </summary>
public enum RequestStatus
{
    Draft,
    Approved,
    Queued,
    Sent,
    Acknowledged,
    PartlyAnswered,
    Answered,
    Closed,
    Withdrawn,
    DeliveryFailed,
}

public enum Urgency
{
    Urgent,
    Normal,
    Low,
}
