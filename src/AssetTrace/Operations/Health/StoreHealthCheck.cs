using AssetTrace.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssetTrace.Operations.Health;

/// <summary>The store answers and every migration this version ships has been applied (#19).</summary>
public sealed class StoreHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var latest = Migrator.Scripts(database.Kind).Max(s => s.Version);
        try
        {
            var applied = await database.ReadAsync(c => c.ScalarAsync<long?>(null, "SELECT MAX(version) FROM schema_migrations", cancellationToken), cancellationToken) ?? 0;
            var data = new Dictionary<string, object> { ["store"] = database.Kind.ToString(), ["schemaVersion"] = applied, ["expectedSchemaVersion"] = latest };
            return applied == latest
                ? HealthCheckResult.Healthy("the store answers and its migrations are current", data)
                : HealthCheckResult.Unhealthy($"the store is at schema version {applied}, this version needs {latest}", data: data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's message can name hosts and users: only its kind is shown.
            return HealthCheckResult.Unhealthy($"the store does not answer ({e.GetType().Name})");
        }
    }
}
