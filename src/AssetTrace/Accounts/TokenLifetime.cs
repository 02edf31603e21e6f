using System.Globalization;
using AssetTrace.Common;

namespace AssetTrace.Accounts;

/// <summary>When an API token expires: never in the past, never later than the configured maximum (#11).</summary>
public static class TokenLifetime
{
    public static DateTimeOffset ApiTokenExpiry(DateTimeOffset? requested, DateTimeOffset now, AccountOptions options)
    {
        if (requested is not { } expiry)
        {
            return now + options.ApiTokenDefaultLifetime;
        }
        var latest = now + options.ApiTokenMaxLifetime;
        if (expiry <= now)
        {
            throw new UserInputException("expiresAt",
                $"{Text(expiry)} is not in the future; give a later time (at most {Text(latest)}), or leave it out for {Days(options.ApiTokenDefaultLifetime)} days.");
        }
        if (expiry > latest)
        {
            throw new UserInputException("expiresAt",
                $"{Text(expiry)} is more than {Days(options.ApiTokenMaxLifetime)} days away; give {Text(latest)} or earlier, and create a new token then.");
        }
        return expiry.ToUniversalTime();
    }

    private static string Text(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Days(TimeSpan span) => span.TotalDays.ToString("0.##", CultureInfo.InvariantCulture);
}
