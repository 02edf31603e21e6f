using AssetTrace.Mail.Sending;
using AssetTrace.Storage;

namespace AssetTrace.Mail;

/// <summary>
/// Tells <see cref="IMailEvents"/> what happened, after the transport's own transaction has
/// committed: a row is marked notified only once its handler returned, so a crash in between means
/// the handler is called again on the next round (at least once; handlers must be idempotent).
/// </summary>
public sealed class MailNotifier(Database database, MailInbox inbox, IServiceProvider services, TimeProvider clock, ILogger<MailNotifier> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task NotifyPendingAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var events = scope.ServiceProvider.GetRequiredService<IMailEvents>();
            await NotifyOutboxAsync(events, ct);
            await NotifyInboxAsync(events, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task NotifyOutboxAsync(IMailEvents events, CancellationToken ct)
    {
        var pending = await database.ReadAsync(c => c.QueryAsync(null, """
            SELECT id, request_id, message_id, status, sent_at, last_error FROM mail_outbox
            WHERE notified_at IS NULL AND status IN (@sent, @failed) ORDER BY id
            """, r => (Id: r.GetInt64(0), Request: r.GetString(1), MessageId: r.GetString(2), Status: r.GetString(3), SentAt: r.NullableInstant(4),
                Error: r.NullableString(5)), ct, ("sent", OutboxStatusCodes.Sent), ("failed", OutboxStatusCodes.Failed)), ct);
        foreach (var row in pending)
        {
            try
            {
                if (OfficeNotice.Is(row.Request))
                {
                    // A notice to the office's own users moves no request; its outcome stays in the outbox (#15).
                    logger.LogDebug("The notice {MessageId} is {Status}", row.MessageId, row.Status);
                }
                else if (row.Status == OutboxStatusCodes.Sent)
                {
                    await events.MessageSentAsync(row.Request, row.MessageId, row.SentAt ?? clock.GetUtcNow(), ct);
                }
                else
                {
                    await events.MessageFailedAsync(row.Request, row.MessageId, row.Error ?? "unknown", ct);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The request desk could not take the outcome of {MessageId}; it is offered again later", row.MessageId);
                continue;
            }
            // Only if the status is still the one reported: a bounce may have turned 'sent' into 'failed' meanwhile.
            // Note: not cancellable: the handler has taken it; a cancelled stop now would offer it again after a restart.
            await database.WriteAsync((c, t) => c.ExecuteAsync(t,
                "UPDATE mail_outbox SET notified_at = @now WHERE id = @id AND status = @status AND notified_at IS NULL", CancellationToken.None,
                ("now", clock.GetUtcNow()), ("id", row.Id), ("status", row.Status)), CancellationToken.None);
        }
    }

    private async Task NotifyInboxAsync(IMailEvents events, CancellationToken ct)
    {
        var pending = await database.ReadAsync(c => c.QueryAsync(null,
            "SELECT id FROM mail_inbox WHERE notified_at IS NULL ORDER BY id", r => r.GetInt64(0), ct), ct);
        foreach (var id in pending)
        {
            var mail = await inbox.GetAsync(id, ct);
            if (mail is null)
            {
                continue;
            }
            try
            {
                await events.MessageReceivedAsync(mail, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The request desk could not take the received message {MessageId}; it is offered again later", mail.MessageId);
                continue;
            }
            await database.WriteAsync((c, t) => c.ExecuteAsync(t, "UPDATE mail_inbox SET notified_at = @now WHERE id = @id", CancellationToken.None,
                ("now", clock.GetUtcNow()), ("id", id)), CancellationToken.None);
        }
    }
}
