using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace AssetTrace.Operations.Health;

/// <summary>Quartz's scheduler runs: request reminders and overdue flags depend on it (#19).</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = scheduler.Status;
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("running")
            : HealthCheckResult.Unhealthy($"not running ({status})");
    }
}
