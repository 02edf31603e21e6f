namespace AssetTrace.Watch.Fetching;

/// <summary>
/// Requests per minute per host: each host's next free moment, waited for on the injected clock
/// (a fake clock in tests). Shared by every crawl of this server, so two sources on one host share its budget.
/// </summary>
public sealed class HostRate(TimeProvider clock)
{
    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public async Task WaitAsync(string host, int perMinute, CancellationToken ct)
    {
        if (perMinute <= 0)
        {
            return;
        }
        var gap = TimeSpan.FromMinutes(1) / perMinute;
        TimeSpan wait;
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var slot = _next.TryGetValue(host, out var next) && next > now ? next : now;
            _next[host] = slot + gap;
            wait = slot - now;
        }
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, ct);
        }
    }
}
