namespace AssetTrace.Mail.Sending;

/// <summary>Exponential backoff: the base delay after the first failed attempt, doubling up to the maximum.</summary>
public static class RetryBackoff
{
    public static TimeSpan Delay(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        if (failedAttempts <= 1)
        {
            return baseDelay < maxDelay ? baseDelay : maxDelay;
        }
        // 2^30 × any sensible base is past any sensible maximum; stop doubling there to stay in range.
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var ticks = baseDelay.Ticks * factor;
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
