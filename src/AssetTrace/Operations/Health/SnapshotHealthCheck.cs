using AssetTrace.Analytics.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssetTrace.Operations.Health;

/// <summary>
/// The analytics' in-memory graph: loaded (with its age), warming (with the rows read so far: the answer
/// is Degraded, not Unhealthy, as questions are answered once it is in), or not yet asked for (#19).
/// </summary>
public sealed class SnapshotHealthCheck(SnapshotProvider snapshots) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = snapshots.Status;
        var data = new Dictionary<string, object> { ["rowsRead"] = status.RowsRead };
        if (status.Warming)
        {
            // From the snapshot file the total is known (#18); from the store only the count so far.
            var of = status.RowsTotal is { } total ? $" of {total}" : "";
            data["source"] = status.Source ?? "";
            return Task.FromResult(HealthCheckResult.Degraded($"warming: {status.RowsRead}{of} rows of the graph read into memory so far", data: data));
        }
        if (!status.Loaded)
        {
            return Task.FromResult(HealthCheckResult.Healthy("not loaded yet: the graph is read into memory at the first analytics question", data));
        }
        data["nodes"] = status.Nodes;
        data["edges"] = status.Edges;
        data["ageSeconds"] = Math.Round(status.Age!.Value.TotalSeconds, 1);
        data["lastLoadSeconds"] = Math.Round(status.LastLoadTime!.Value.TotalSeconds, 3);
        return Task.FromResult(HealthCheckResult.Healthy("loaded", data));
    }
}
