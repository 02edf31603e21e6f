using Microsoft.Extensions.Options;

namespace AssetTrace.Audit.Checkpoints;

/// <summary>
/// Keeps a checkpoint of the signed head for good every <c>Audit:CheckpointInterval</c> (an
/// hour by default), so a quiet day still leaves signed points behind it. Servers only.
/// </summary>
public sealed class AuditCheckpointWorker(AuditLog log, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditCheckpointWorker> logger)
    : BackgroundService
{
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Made here rather than in ExecuteAsync, which runs on another thread: the first interval counts from the start.
        // An interval of zero turns the schedule off (checkpoints every N entries remain).
        _timer = options.Value.CheckpointInterval > TimeSpan.Zero ? new PeriodicTimer(options.Value.CheckpointInterval, clock) : null;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is null)
        {
            return;
        }
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                await KeepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    private async Task KeepAsync(CancellationToken ct)
    {
        try
        {
            if (await log.KeepCheckpointAsync(ct) is { } kept)
            {
                logger.LogInformation("Kept the audit checkpoint of seq {Seq}", kept.Seq);
            }
        }
        catch (Common.ConflictException e)
        {
            // The log no longer agrees with its head: signing now would hide that, so nothing is kept.
            logger.LogError("No audit checkpoint kept: {Problem}", e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The scheduled audit checkpoint failed; it is tried again at the next interval");
        }
    }
}
