using AssetTrace.Analytics.Engine;
using AssetTrace.Storage;

namespace AssetTrace.Operations.Telemetry;

/// <summary>
/// Gauges read at each scrape: the analytics graph's age and last load time (from memory), and the mail
/// outbox's queue and retries, sampled from the store by a background loop so a scrape never waits on it (#19).
/// </summary>
public sealed class ObservedState(SnapshotProvider snapshots, Database database, TimeProvider clock, ILogger<ObservedState> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(30);
    private long _queued = -1;
    private long _retries = -1;

    public void Register()
    {
        var meter = AssetTraceTelemetry.Meter;
        meter.CreateObservableGauge("assettrace.analytics.snapshot.age", () => snapshots.Status.Age?.TotalSeconds ?? 0, "s", "Time since the in-memory graph was brought up to date (0 before its first load).");
        meter.CreateObservableGauge("assettrace.analytics.snapshot.load_time", () => snapshots.Status.LastLoadTime?.TotalSeconds ?? 0, "s", "How long the last load of the in-memory graph took.");
        meter.CreateObservableGauge("assettrace.analytics.snapshot.rows", () => snapshots.Status.RowsRead, "{row}", "Rows of the graph read into memory (grows while it warms).");
        meter.CreateObservableGauge("assettrace.mail.outbox.queued", () => Interlocked.Read(ref _queued), "{message}", "Messages waiting in the outbox (-1 until first sampled).");
        meter.CreateObservableGauge("assettrace.mail.outbox.retries", () => Interlocked.Read(ref _retries), "{attempt}", "Failed attempts of the messages still waiting.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                var (queued, retries) = await database.ReadAsync(async c => (
                    await c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM mail_outbox WHERE status IN ('queued', 'sending')", stoppingToken),
                    await c.ScalarAsync<long?>(null, "SELECT SUM(attempts) FROM mail_outbox WHERE status IN ('queued', 'sending')", stoppingToken) ?? 0), stoppingToken);
                Interlocked.Exchange(ref _queued, queued);
                Interlocked.Exchange(ref _retries, retries);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not sample the mail outbox for the metrics ({Error})", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
