using System.Security.Cryptography;

namespace AssetTrace.Accounts;

/// <summary>
/// On the first start against an empty store, creates the account "admin" with a random
/// password and prints it once: no password is written in the source or the configuration.
/// </summary>
public sealed class FirstRunAdmin(AccountStore accounts, ILogger<FirstRunAdmin> logger)
{
    public const string Username = "admin";

    /// <returns>The password, when the account was created now.</returns>
    public async Task<string?> EnsureAsync(CancellationToken ct)
    {
        if (await accounts.AnyUserAsync(ct))
        {
            return null;
        }
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
        await accounts.CreateUserAsync(Username, "Administrator", [Role.Admin], password, "system", ct);
        logger.LogWarning("Created the first account. Sign in as '{User}' with the one-time password {Password} — it is shown only now.", Username, password);
        return password;
    }
}
