using System.Net;
using System.Net.Http.Headers;

namespace AssetTrace.Watch.Fetching;

/// <summary>
/// How long to wait before trying a page again: the server's Retry-After when it gives one (capped),
/// otherwise exponential backoff with full jitter, so many crawlers failing together do not come back together.
/// </summary>
public static class RetryDelay
{
    public static readonly TimeSpan Base = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    /// <summary>Whether a status is worth another attempt: server errors and 429, and 408 (the server timed out).</summary>
    public static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    /// <param name="attempt">1 after the first failure.</param>
    /// <param name="random">A number in [0, 1) (the jitter).</param>
    public static TimeSpan For(int attempt, RetryConditionHeaderValue? retryAfter, DateTimeOffset now, double random)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return Clamp(delta);
        }
        if (retryAfter?.Date is { } date)
        {
            return Clamp(date - now);
        }
        var ceiling = Math.Min(Cap.TotalMilliseconds, Base.TotalMilliseconds * Math.Pow(2, attempt - 1));
        // Full jitter, but never less than half the step: a server asked to breathe gets some time.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random * ceiling / 2));
    }

    private static TimeSpan Clamp(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t > Cap ? Cap : t;
}
