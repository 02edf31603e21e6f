using Microsoft.Extensions.Options;

namespace AssetTrace.Mail.Sending;

/// <summary>Runs <see cref="OutboxDispatcher.DeliverDueAsync"/> whenever mail is queued, and every poll interval for retries.</summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher, OutboxSignal signal, IOptionsMonitor<MailOptions> options, TimeProvider clock,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store itself failed (the mail servers' errors are handled per message): try again at the next round.
                logger.LogError(e, "The outbox round failed");
            }
            try
            {
                await signal.WaitAsync(options.CurrentValue.Outbox.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
