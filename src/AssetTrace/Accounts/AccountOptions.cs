namespace AssetTrace.Accounts;

/// <summary>
/// Section "Accounts" of the configuration: how long tokens live and how many failed
/// sign-ins are answered before the account or the client address must wait (#11).
/// </summary>
public sealed class AccountOptions
{
    /// <summary>A session token from POST /auth/login lives a working day.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>An API token created without an expiry lives this long.</summary>
    public TimeSpan ApiTokenDefaultLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>No API token lives longer; tokens from before expiries were enforced count from their creation.</summary>
    public TimeSpan ApiTokenMaxLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Failed sign-ins for one user name within <see cref="FailureWindow"/> before it must wait.</summary>
    public int MaxFailuresPerAccount { get; set; } = 5;

    /// <summary>Failed sign-ins from one client address (an IPv6 /64) within <see cref="FailureWindow"/> before it must wait.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    /// <summary>How far back failures count; a throttled caller waits until its oldest failure is this old.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
