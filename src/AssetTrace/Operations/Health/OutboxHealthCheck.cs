using AssetTrace.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssetTrace.Operations.Health;

/// <summary>
/// The mail outbox is not stuck: no message waits long past its time, and no 'sending' lease outlived itself
/// by as long (a sender that died). Degraded, not Unhealthy: the server serves, mail waits (#19).
/// </summary>
public sealed class OutboxHealthCheck(Database database, TimeProvider clock) : IHealthCheck
{
    /// <summary>How late a message may be before the outbox counts as stuck: longer than the sender's retry backoff.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow() - StuckAfter;
        var (waiting, late) = await database.ReadAsync(async c => (
            await c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM mail_outbox WHERE status IN ('queued', 'sending')", cancellationToken),
            await c.ScalarAsync<long>(null, """
                SELECT COUNT(*) FROM mail_outbox
                WHERE (status = 'queued' AND next_attempt_at < @before) OR (status = 'sending' AND lease_until < @before)
                """, cancellationToken, ("before", before))), cancellationToken);
        var data = new Dictionary<string, object> { ["waiting"] = waiting, ["late"] = late };
        return late == 0
            ? HealthCheckResult.Healthy($"{waiting} messages waiting, none late", data)
            : HealthCheckResult.Degraded($"{late} messages are more than {StuckAfter.TotalMinutes} minutes late: is Mail:Smtp set and the server reachable?", data: data);
    }
}
