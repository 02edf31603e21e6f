namespace AssetTrace.Mail;

/// <summary>
/// What the mail transport tells the request domain. Each call may come more than once for the
/// same message (after a crash between the transport's commit and the call returning), so a
/// handler must be idempotent: look the message up by its Message-ID before acting.
/// </summary>
public interface IMailEvents
{
    /// <summary>The SMTP server accepted the message.</summary>
    Task MessageSentAsync(string requestId, string messageId, DateTimeOffset at, CancellationToken ct);

    /// <summary>The message failed for good: refused by the server, out of retries, or bounced (a DSN with a 5.x.x status).</summary>
    Task MessageFailedAsync(string requestId, string messageId, string reason, CancellationToken ct);

    /// <summary>A new message arrived (each Message-ID once), bounces included (<see cref="InboundMail.Bounce"/>).</summary>
    Task MessageReceivedAsync(InboundMail mail, CancellationToken ct);
}

/// <summary>The default until the request domain registers its own: the transport still records everything in its tables.</summary>
public sealed class NoMailEvents : IMailEvents
{
    public Task MessageSentAsync(string requestId, string messageId, DateTimeOffset at, CancellationToken ct) => Task.CompletedTask;

    public Task MessageFailedAsync(string requestId, string messageId, string reason, CancellationToken ct) => Task.CompletedTask;

    public Task MessageReceivedAsync(InboundMail mail, CancellationToken ct) => Task.CompletedTask;
}
