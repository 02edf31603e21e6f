using System.Threading.RateLimiting;

namespace AssetTrace.Api.Limits;

/// <summary>
/// Who may run expensive fields now (#11): per user, a few requests at once and a rate of
/// fields per minute; for the whole server, a cap on such requests at once, so one user with
/// several accounts still cannot take every core. Nothing queues: a refused request is
/// answered at once with when to try again.
/// </summary>
public sealed class ExpensiveFieldLimiter : IDisposable
{
    /// <summary>When a concurrency limit refuses, another request of the user is still running; it usually ends within seconds.</summary>
    private static readonly TimeSpan ConcurrencyRetryAfter = TimeSpan.FromSeconds(2);

    private readonly PartitionedRateLimiter<string> _concurrentPerUser;
    private readonly PartitionedRateLimiter<string> _ratePerUser;
    private readonly ConcurrencyLimiter _concurrentTotal;
    private readonly ApiLimits _limits;

    public ExpensiveFieldLimiter(ApiLimits limits)
    {
        _limits = limits;
        _concurrentPerUser = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetConcurrencyLimiter(user,
            _ => new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, limits.ExpensiveConcurrentPerUser), QueueLimit = 0 }));
        var perMinute = Math.Max(1, limits.ExpensivePerMinutePerUser);
        _ratePerUser = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                AutoReplenishment = true,
                QueueLimit = 0,
            }));
        _concurrentTotal = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, limits.ExpensiveConcurrentTotal), QueueLimit = 0 });
    }

    /// <summary>
    /// Takes what a request with <paramref name="expensiveFields"/> expensive fields needs, or
    /// nothing and the reason. The leases are held until the request's answer is written.
    /// </summary>
    public ExpensiveFieldPermit TryAcquire(string user, int expensiveFields)
    {
        var leases = new List<RateLimitLease>(3);
        ExpensiveFieldPermit Refuse(RateLimitLease refused, string why, TimeSpan fallback)
        {
            var retryAfter = refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : fallback;
            refused.Dispose();
            leases.ForEach(l => l.Dispose());
            return ExpensiveFieldPermit.Refused(why, retryAfter);
        }

        var mine = _concurrentPerUser.AttemptAcquire(user);
        if (!mine.IsAcquired)
        {
            return Refuse(mine, $"you already have {_limits.ExpensiveConcurrentPerUser} requests with expensive fields running (Api:ExpensiveConcurrentPerUser)", ConcurrencyRetryAfter);
        }
        leases.Add(mine);
        var everyone = _concurrentTotal.AttemptAcquire();
        if (!everyone.IsAcquired)
        {
            return Refuse(everyone, $"the server is already running {_limits.ExpensiveConcurrentTotal} requests with expensive fields (Api:ExpensiveConcurrentTotal)", ConcurrencyRetryAfter);
        }
        leases.Add(everyone);
        // Tokens go last, so a request refused for concurrency does not use up the user's rate.
        var rate = _ratePerUser.AttemptAcquire(user, Math.Min(expensiveFields, Math.Max(1, _limits.ExpensivePerMinutePerUser)));
        if (!rate.IsAcquired)
        {
            return Refuse(rate, $"you asked for more than {_limits.ExpensivePerMinutePerUser} expensive fields in a minute (Api:ExpensivePerMinutePerUser)", TimeSpan.FromMinutes(1));
        }
        leases.Add(rate);
        return ExpensiveFieldPermit.Granted(leases);
    }

    public void Dispose()
    {
        _concurrentPerUser.Dispose();
        _ratePerUser.Dispose();
        _concurrentTotal.Dispose();
    }
}

/// <summary>The leases of one request, or why it was refused and when to try again.</summary>
public sealed class ExpensiveFieldPermit : IDisposable
{
    private readonly List<RateLimitLease> _leases;

    private ExpensiveFieldPermit(List<RateLimitLease> leases, string? refusal, TimeSpan retryAfter)
    {
        _leases = leases;
        Refusal = refusal;
        RetryAfter = retryAfter;
    }

    public bool IsGranted => Refusal is null;

    public string? Refusal { get; }

    public TimeSpan RetryAfter { get; }

    public static ExpensiveFieldPermit Granted(List<RateLimitLease> leases) => new(leases, null, TimeSpan.Zero);

    public static ExpensiveFieldPermit Refused(string why, TimeSpan retryAfter) => new([], why, retryAfter);

    public void Dispose()
    {
        _leases.ForEach(l => l.Dispose());
        _leases.Clear();
    }
}
