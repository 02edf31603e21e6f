using Microsoft.Extensions.Options;

namespace AssetTrace.Accounts;

/// <summary>
/// Slows down password guessing (#11): after <see cref="AccountOptions.MaxFailuresPerAccount"/> failed
/// sign-ins for one user name, or <see cref="AccountOptions.MaxFailuresPerAddress"/> from one client
/// address, within <see cref="AccountOptions.FailureWindow"/>, further attempts are refused without
/// checking the password until the oldest failure has left the window.
/// </summary>
/// <remarks>
/// Counts are kept in this process: servers behind one load balancer each allow the limit. Behind a
/// reverse proxy every client has the proxy's address unless forwarded headers are configured.
/// </remarks>
public sealed class SignInThrottle
{
    private readonly Lock _lock = new();
    private readonly FailureWindow _accounts;
    private readonly FailureWindow _addresses;
    private readonly Dictionary<string, DateTimeOffset> _refusalReportedUntil = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public SignInThrottle(IOptions<AccountOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _accounts = new FailureWindow(o.MaxFailuresPerAccount, o.FailureWindow);
        _addresses = new FailureWindow(o.MaxFailuresPerAddress, o.FailureWindow);
        _clock = clock;
    }

    /// <summary>
    /// Admits an attempt or refuses it. An admitted attempt counts as a failure from the start, so that
    /// guesses sent in parallel cannot all pass before the first one has failed; <see cref="Succeeded"/>
    /// takes it back.
    /// </summary>
    public ThrottleDecision Begin(string username, string address)
    {
        var now = _clock.GetUtcNow();
        var account = AccountKey(username);
        lock (_lock)
        {
            var accountWait = _accounts.RetryAfter(account, now);
            var addressWait = _addresses.RetryAfter(address, now);
            if (accountWait is not null || addressWait is not null)
            {
                var wait = new[] { accountWait, addressWait }.Max()!.Value;
                var blockedKey = accountWait is not null ? "account:" + account : "address:" + address;
                return new ThrottleDecision(now, wait, FirstRefusal(blockedKey, now, wait));
            }
            _accounts.Record(account, now);
            _addresses.Record(address, now);
            return new ThrottleDecision(now, null, false);
        }
    }

    /// <summary>The password was right: the account starts afresh, and the address gets this attempt back.</summary>
    public void Succeeded(string username, string address, ThrottleDecision attempt)
    {
        lock (_lock)
        {
            _accounts.Clear(AccountKey(username));
            _addresses.Forget(address, attempt.At);
        }
    }

    /// <summary>Refusals are audited once per blocked user name or address and block, so that a flood cannot flood the log.</summary>
    private bool FirstRefusal(string blockedKey, DateTimeOffset now, TimeSpan wait)
    {
        if (_refusalReportedUntil.TryGetValue(blockedKey, out var until) && until > now)
        {
            return false;
        }
        if (_refusalReportedUntil.Count > 1024)
        {
            foreach (var (key, end) in _refusalReportedUntil.ToList())
            {
                if (end <= now)
                {
                    _refusalReportedUntil.Remove(key);
                }
            }
        }
        _refusalReportedUntil[blockedKey] = now + wait;
        return true;
    }

    // No user name is longer than 64 characters: a longer one is cut, so that a flood of huge names cannot fill memory.
    private static string AccountKey(string username)
    {
        var key = username.Trim().ToLowerInvariant();
        return key.Length <= 64 ? key : key[..64];
    }
}

/// <summary>An attempt admitted (<see cref="RetryAfter"/> null) or refused; <see cref="Report"/> when the refusal should be audited.</summary>
public sealed record ThrottleDecision(DateTimeOffset At, TimeSpan? RetryAfter, bool Report)
{
    public bool Refused => RetryAfter is not null;

    /// <summary>Whole seconds for the Retry-After header, at least 1.</summary>
    public int RetryAfterSeconds => RetryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 0;
}
