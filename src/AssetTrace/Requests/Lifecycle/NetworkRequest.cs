using AssetTrace.Graph.Model;

namespace AssetTrace.Requests.Lifecycle;

/// <summary>
/// A request through a network (or a formal MLA request) and where it stands, in the parts an
/// officer thinks in: where it goes, what it asks, how far it got, when each step happened.
/// </summary>
/// <param name="ReplyToken">Goes out in the reply address and a header so the answer finds its request.</param>
/// <param name="Stamp">Version and who-when; <see cref="Stamp.CreatedBy"/> is the request's author.</param>
public sealed record NetworkRequest(
    string Id,
    string Number,
    RequestRoute Route,
    RequestBody Body,
    RequestProgress Progress,
    RequestMilestones Milestones,
    string ReplyToken,
    Stamp Stamp);

/// <summary>Where a request goes: the case it serves, the network or channel, the requested state and its contact point.</summary>
public sealed record RequestRoute(string CaseId, string Network, string Jurisdiction, string ContactPointId);

/// <summary>Where a request stands: its status, how urgent it is, when the answer is due and whether that passed.</summary>
/// <param name="FailureReason">Why the mail was not delivered, once it is <see cref="RequestStatus.DeliveryFailed"/>.</param>
public sealed record RequestProgress(RequestStatus Status, Urgency Urgency, DateTimeOffset? DueAt, bool Overdue, string? FailureReason);

/// <summary>Who approved a request, and when each step of its life happened (null until it has).</summary>
public sealed record RequestMilestones(
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? ClosedAt)
{
    public static readonly RequestMilestones None = new(null, null, null, null, null, null);
}

/// <summary>One entry of a request's timeline.</summary>
public sealed record RequestEvent(int Seq, DateTimeOffset At, string Actor, string Event, string? Detail);
