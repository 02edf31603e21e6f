namespace AssetTrace.Accounts;

/// <summary>
/// A sliding window of failures per key (a user name, a client address): a key with
/// <c>limit</c> failures in the last <c>window</c> must wait until the oldest of them is that old.
/// Not thread-safe: <see cref="SignInThrottle"/> holds one lock around its windows.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting does not fit: its limiters read the system clock and replenish on
/// their own timer (no TimeProvider, so a test cannot move time), count every permit rather than
/// failures only, and cannot give back the permit of an attempt that turned out to succeed.
/// </remarks>
public sealed class FailureWindow(int limit, TimeSpan window)
{
    // Kept small: the oldest entries leave as time passes, and idle keys are swept.
    private const int SweepEvery = 1024;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private int _recordsSinceSweep;

    /// <summary>How long the key must wait before its next attempt; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return null;
        }
        Expire(failures, now);
        if (failures.Count < limit)
        {
            return null;
        }
        // The (count − limit + 1)-th oldest must leave the window for the count to drop below the limit.
        return failures.ElementAt(failures.Count - limit) + window - now;
    }

    public void Record(string key, DateTimeOffset at)
    {
        if (++_recordsSinceSweep >= SweepEvery)
        {
            Sweep(at);
        }
        if (!_failures.TryGetValue(key, out var failures))
        {
            _failures[key] = failures = new Queue<DateTimeOffset>();
        }
        failures.Enqueue(at);
    }

    /// <summary>Takes back one failure recorded at <paramref name="at"/> (an attempt that succeeded after all).</summary>
    public void Forget(string key, DateTimeOffset at)
    {
        if (_failures.TryGetValue(key, out var failures))
        {
            var kept = failures.ToList();
            kept.Remove(at);
            _failures[key] = new Queue<DateTimeOffset>(kept);
        }
    }

    public void Clear(string key) => _failures.Remove(key);

    /// <summary>How many keys are tracked (to check that idle ones are swept).</summary>
    public int Keys => _failures.Count;

    private void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + window <= now)
        {
            failures.Dequeue();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        _recordsSinceSweep = 0;
        foreach (var (key, failures) in _failures.ToList())
        {
            Expire(failures, now);
            if (failures.Count == 0)
            {
                _failures.Remove(key);
            }
        }
    }
}
