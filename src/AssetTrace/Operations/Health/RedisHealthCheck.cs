using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssetTrace.Operations.Health;

/// <summary>
/// Redis answers, when ConnectionStrings:Redis names one: asked through the same cache client the analytics
/// use, so it checks the connection they depend on rather than a second one (#19).
/// </summary>
public sealed class RedisHealthCheck(IDistributedCache cache) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await cache.GetAsync("health:probe", cancellationToken);
            return HealthCheckResult.Healthy("answers");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"does not answer ({e.GetType().Name})");
        }
    }
}
