using System.Net.Sockets;
using System.Text.Json;
using AssetTrace.Storage;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AssetTrace.Mail.Sending;

/// <summary>
/// Sends what is due in the outbox. Each message is marked 'sending' (with a lease) in one
/// transaction before it is handed to the server, and 'sent' in another once the server has
/// accepted it, so a crash or an outage never loses a message: a lapsed lease or a transient error
/// brings it back, with exponential backoff, under the same Message-ID (docs/MAIL.md explains
/// the one window in which the partner could see it twice).
/// </summary>
public sealed class OutboxDispatcher(Database database, IOptionsMonitor<MailOptions> options, TimeProvider clock, MailNotifier notifier,
    ILogger<OutboxDispatcher> logger) : IDisposable
{
    private readonly SemaphoreSlim _round = new(1, 1);

    public void Dispose() => _round.Dispose();

    /// <summary>Sends every message that is due now; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await _round.WaitAsync(ct);
        try
        {
            await notifier.NotifyPendingAsync(ct);
            var current = options.CurrentValue;
            if (string.IsNullOrWhiteSpace(current.Smtp.Host))
            {
                return 0;
            }
            var claimed = await ClaimDueAsync(current.Outbox, ct);
            if (claimed.Count > 0)
            {
                await SendAllAsync(claimed, current, ct);
                await notifier.NotifyPendingAsync(ct);
            }
            return claimed.Count;
        }
        finally
        {
            _round.Release();
        }
    }

    private async Task SendAllAsync(IReadOnlyList<ClaimedMessage> claimed, MailOptions current, CancellationToken ct)
    {
        using var client = new SmtpClient();
        for (var i = 0; i < claimed.Count; i++)
        {
            var message = claimed[i];
            if (!client.IsConnected)
            {
                try
                {
                    await ConnectAsync(client, current, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // The server is unreachable for all of them: each waits for its next attempt.
                    logger.LogWarning("The SMTP server {Host}:{Port} could not be used: {Error}", current.Smtp.Host, current.Smtp.Port, e.Message);
                    foreach (var waiting in claimed.Skip(i))
                    {
                        await RecordFailureAsync(waiting, Describe(e), permanent: false, current.Outbox, ct);
                    }
                    return;
                }
            }
            try
            {
                using var mime = new MemoryStream(message.Mime, writable: false);
                var mimeMessage = await MimeMessage.LoadAsync(mime, ct);
                var response = await client.SendAsync(FormatOptions.Default, mimeMessage, MailboxAddress.Parse(message.Sender),
                    message.Recipients.Select(MailboxAddress.Parse), ct);
                await MarkSentAsync(message, response, ct);
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
            {
                // Note: a 5xx reply to MAIL, RCPT or DATA is the server's final word on this message.
                await RecordFailureAsync(message, Describe(e), permanent: true, current.Outbox, ct);
                await HangUpAsync(client);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
                or IOException or SocketException or TimeoutException or AuthenticationException or SslHandshakeException)
            {
                await RecordFailureAsync(message, Describe(e), permanent: false, current.Outbox, ct);
                await HangUpAsync(client);
            }
        }
        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, ct);
        }
    }

    /// <summary>After a failed transaction the next message starts on a new connection, whatever state the server is left in.</summary>
    private static async Task HangUpAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException or TimeoutException)
        {
            // Gone already; the next message connects afresh.
        }
    }

    private static async Task ConnectAsync(SmtpClient client, MailOptions current, CancellationToken ct)
    {
        var smtp = current.Smtp;
        MailTls.Configure(client, current, smtp.Timeout);
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security.ToSocketOptions(), ct);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        SmtpCommandException command => $"{(int)command.StatusCode} {command.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    /// <summary>Marks what is due as sending (with a lease) and returns it; internal so a test can stop there, as a crash would.</summary>
    internal async Task<IReadOnlyList<ClaimedMessage>> ClaimDueAsync(OutboxOptions outbox, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await database.WriteAsync<IReadOnlyList<ClaimedMessage>>(async (c, t) =>
        {
            var due = await c.QueryAsync(t, """
                SELECT id, message_id, sender, recipients, mime, attempts, status FROM mail_outbox
                WHERE (status = @queued AND next_attempt_at <= @now) OR (status = @sending AND lease_until <= @now)
                ORDER BY id LIMIT @limit
                """, r => new ClaimedMessage(r.GetInt64(0), r.GetString(1), r.GetString(2), JsonSerializer.Deserialize<string[]>(r.GetString(3)) ?? [],
                    (byte[])r.GetValue(4), (int)r.GetInt64(5) + 1, r.GetString(6) == OutboxStatusCodes.Sending), ct,
                ("queued", OutboxStatusCodes.Queued), ("sending", OutboxStatusCodes.Sending), ("now", now), ("limit", outbox.BatchSize));
            foreach (var message in due)
            {
                await c.ExecuteAsync(t, "UPDATE mail_outbox SET status = @sending, attempts = @attempt, lease_until = @lease WHERE id = @id", ct,
                    ("sending", OutboxStatusCodes.Sending), ("attempt", message.Attempt), ("lease", now + outbox.SendingLease), ("id", message.Id));
                var detail = message.Abandoned
                    ? $"attempt {message.Attempt}; attempt {message.Attempt - 1} did not finish (its lease ran out)"
                    : $"attempt {message.Attempt}";
                await OutboxHistory.AppendAsync(c, t, message.Id, now, OutboxStatus.Sending, detail, ct);
            }
            return due;
        }, ct);
    }

    private async Task MarkSentAsync(ClaimedMessage message, string response, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Note: CancellationToken.None: the server has the message; recording that must not be cancelled half-way.
        await database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(t, """
                UPDATE mail_outbox SET status = @sent, sent_at = @now, lease_until = NULL, last_error = NULL, notified_at = NULL WHERE id = @id
                """, CancellationToken.None, ("sent", OutboxStatusCodes.Sent), ("now", now), ("id", message.Id));
            await OutboxHistory.AppendAsync(c, t, message.Id, now, OutboxStatus.Sent, $"accepted: {response}".Trim(), CancellationToken.None);
            return true;
        }, CancellationToken.None);
        logger.LogInformation("Sent {MessageId} to {Recipients}", message.MessageId, string.Join(", ", message.Recipients));
    }

    private async Task RecordFailureAsync(ClaimedMessage message, string error, bool permanent, OutboxOptions outbox, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var givesUp = permanent || message.Attempt >= outbox.MaxAttempts;
        await database.WriteAsync(async (c, t) =>
        {
            if (givesUp)
            {
                var reason = permanent ? error : $"gave up after {message.Attempt} attempts; the last: {error}";
                await c.ExecuteAsync(t, """
                    UPDATE mail_outbox SET status = @failed, failed_at = @now, lease_until = NULL, last_error = @error, notified_at = NULL
                    WHERE id = @id AND status = @sending
                    """, ct, ("failed", OutboxStatusCodes.Failed), ("now", now), ("error", reason), ("id", message.Id), ("sending", OutboxStatusCodes.Sending));
                await OutboxHistory.AppendAsync(c, t, message.Id, now, OutboxStatus.Failed, reason, ct);
            }
            else
            {
                var next = now + RetryBackoff.Delay(message.Attempt, outbox.RetryBaseDelay, outbox.RetryMaxDelay);
                await c.ExecuteAsync(t, """
                    UPDATE mail_outbox SET status = @queued, next_attempt_at = @next, lease_until = NULL, last_error = @error
                    WHERE id = @id AND status = @sending
                    """, ct, ("queued", OutboxStatusCodes.Queued), ("next", next), ("error", error), ("id", message.Id), ("sending", OutboxStatusCodes.Sending));
                await OutboxHistory.AppendAsync(c, t, message.Id, now, OutboxStatus.Queued, $"attempt {message.Attempt} failed: {error}; next attempt at {next:O}", ct);
            }
            return true;
        }, ct);
        if (givesUp)
        {
            logger.LogWarning("Could not send {MessageId}: {Error}", message.MessageId, error);
        }
    }

    internal sealed record ClaimedMessage(long Id, string MessageId, string Sender, string[] Recipients, byte[] Mime, int Attempt, bool Abandoned);
}
