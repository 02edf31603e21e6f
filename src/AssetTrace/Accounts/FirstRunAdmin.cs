namespace AssetTrace.Accounts;

/// <summary>
/// On the first start against an empty store, creates the account "admin" with a random
/// password and prints it once: no password is written in the source or the configuration.
/// The printed password is one-time: it serves only to choose a new one at the first sign-in
/// (POST /auth/password), and stops working then, although it stays in the server's log (#11).
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
        var password = Passwords.NewOneTimePassword();
        await accounts.CreateUserAsync(Username, "Administrator", [Role.Admin], password, oneTimePassword: true, "system", ct);
        logger.LogWarning("Created the first account. Sign in as '{User}' with the one-time password {Password} — it is shown only now, and you choose your own at the first sign-in.", Username, password);
        return password;
    }
}
