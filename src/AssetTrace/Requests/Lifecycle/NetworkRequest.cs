namespace AssetTrace.Requests.Lifecycle;

/// <summary>A request through a network (or a formal MLA request) and where it stands.</summary>
/// <param name="ReplyToken">Goes out in the reply address and a header so the answer finds its request.</param>
public sealed record NetworkRequest(
    string Id, string Number, string CaseId, string Network, string Jurisdiction, string ContactPointId,
    RequestBody Body, RequestStatus Status, Urgency Urgency, DateTimeOffset? DueAt, bool Overdue, string ReplyToken,
    string Author, string? ApprovedBy, DateTimeOffset? ApprovedAt, DateTimeOffset? SentAt, DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? AnsweredAt, DateTimeOffset? ClosedAt, string? FailureReason,
    int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>One entry of a request's timeline.</summary>
public sealed record RequestEvent(int Seq, DateTimeOffset At, string Actor, string Event, string? Detail);
