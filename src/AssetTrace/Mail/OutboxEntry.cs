namespace AssetTrace.Mail;

public enum OutboxStatus
{
    Queued,
    Sending,
    Sent,
    Failed,
}

/// <summary>One queued message and where it stands; <see cref="History"/> lists every status change.</summary>
public sealed record OutboxEntry(long Id, string RequestId, string MessageId, string ReplyToken, IReadOnlyList<string> Recipients, string Subject,
    OutboxStatus Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt,
    DateTimeOffset? FailedAt, IReadOnlyList<OutboxEvent> History);

/// <summary>A status change of an outgoing message.</summary>
public sealed record OutboxEvent(DateTimeOffset At, OutboxStatus Status, string? Detail);
