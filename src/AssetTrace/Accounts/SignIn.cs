using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Storage;

namespace AssetTrace.Accounts;

/// <summary>
/// Checks passwords for signing in and for changing a password (#11): throttled per user name and
/// client address, the same work whether or not the user exists, and every failed or throttled
/// attempt audited (the name tried and the address, never the password tried).
/// </summary>
public sealed class SignIn(AccountStore accounts, TokenStore tokens, Passwords passwords, SignInThrottle throttle, AuditLog audit, Database database)
{
    /// <summary>One answer for an unknown user, a wrong password and a disabled account, so none can be told apart.</summary>
    public const string FailureMessage = "Unknown user, wrong password, or the account is disabled.";

    /// <summary>A session for a user whose password matches, unless it is a one-time password that must first be changed.</summary>
    public async Task<SignInResult> SignInAsync(string username, string password, string address, CancellationToken ct)
    {
        var (refusal, user) = await CheckAsync(username, password, address, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (user!.PasswordChangeRequired)
        {
            return new SignInResult(SignInStatus.PasswordChangeRequired, user);
        }
        return new SignInResult(SignInStatus.SignedIn, user, await tokens.IssueSessionAsync(user, ct));
    }

    /// <summary>
    /// Replaces the password of a user who proves the current one (also a one-time password), then
    /// revokes the user's sessions except <paramref name="keepTokenId"/>.
    /// </summary>
    public async Task<SignInResult> ChangePasswordAsync(string username, string currentPassword, string newPassword, string address, string? keepTokenId, CancellationToken ct)
    {
        if (Passwords.Problem(newPassword) is { } problem)
        {
            throw new UserInputException("newPassword", problem);
        }
        if (newPassword == currentPassword)
        {
            throw new UserInputException("newPassword", "must differ from the current password.");
        }
        var (refusal, user) = await CheckAsync(username, currentPassword, address, ct);
        return refusal ?? new SignInResult(SignInStatus.PasswordChanged, await accounts.ChangePasswordAsync(user!, newPassword, keepTokenId, ct));
    }

    private async Task<(SignInResult? Refusal, User? User)> CheckAsync(string username, string password, string address, CancellationToken ct)
    {
        var attempt = throttle.Begin(username, address);
        if (attempt.Refused)
        {
            Operations.Telemetry.AssetTraceTelemetry.SignInRefused(throttled: true);
            if (attempt.Report)
            {
                await AuditAsync(username, "signin.throttled", new { address, retryAfterSeconds = attempt.RetryAfterSeconds }, ct);
            }
            return (new SignInResult(SignInStatus.Throttled, RetryAfterSeconds: attempt.RetryAfterSeconds), null);
        }
        var (user, hash) = await accounts.FindCredentialsAsync(username, ct);
        // One hash check in every case (against a dummy hash when there is no such user), so that
        // the time an answer takes does not tell which user names exist.
        var matches = passwords.Verify(username, hash, password);
        if (!matches || user!.Disabled)
        {
            var cause = user is null ? "unknown user" : !matches ? "wrong password" : "account disabled";
            Operations.Telemetry.AssetTraceTelemetry.SignInRefused(throttled: false);
            await AuditAsync(username, "signin.failed", new { address, cause }, ct);
            return (new SignInResult(SignInStatus.Failed), null);
        }
        throttle.Succeeded(username, address, attempt);
        return (null, user);
    }

    private async Task AuditAsync(string username, string action, object details, CancellationToken ct)
    {
        // Only something shaped like a user name is written as the actor: the field is free text an attacker fills.
        var actor = AccountStore.IsUsername(username.ToLowerInvariant()) ? username : "anonymous";
        await database.WriteAsync((c, t) =>
            audit.AppendAsync(c, t, new AuditRecord(actor, action, $"signin/{actor}", null, JsonSerializer.Serialize(details), null), ct), ct);
    }
}

public enum SignInStatus
{
    SignedIn,
    PasswordChanged,

    /// <summary>The password was right but is a one-time password: it may only be used to choose a new one.</summary>
    PasswordChangeRequired,
    Failed,
    Throttled,
}

public sealed record SignInResult(SignInStatus Status, User? User = null, IssuedToken? Token = null, int RetryAfterSeconds = 0);
