using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AssetTrace.Graph.Store;
using Microsoft.Extensions.Caching.Distributed;

namespace AssetTrace.Analytics;

/// <summary>
/// Caches analytics results in the shared cache (Redis when configured, in-process otherwise),
/// keyed by the graph's change counter: any committed change moves the counter, so every
/// server stops using figures computed before it, without having to delete anything.
/// </summary>
public sealed class AnalyticsCache(IDistributedCache cache, RecentGraphVersion counter)
{
    private static readonly DistributedCacheEntryOptions Lifetime = new()
    {
        // Stale versions are never asked for again; they only have to expire.
        SlidingExpiration = TimeSpan.FromHours(1),
    };

    /// <param name="compute">Given the change counter the key was made with, computes the value on a graph at least that new.</param>
    public async Task<T> GetOrComputeAsync<T>(string name, object arguments, Func<long, CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        var version = await counter.CurrentAsync(ct);
        var argumentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(arguments))))[..32];
        var key = $"analytics:{version}:{name}:{argumentHash}";
        var cached = await cache.GetAsync(key, ct);
        Operations.Telemetry.AssetTraceTelemetry.CacheLookup(cached is not null);
        if (cached is not null)
        {
            return JsonSerializer.Deserialize<T>(cached)!;
        }
        var value = await compute(version, ct);
        await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(value), Lifetime, ct);
        return value;
    }
}
