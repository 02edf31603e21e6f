namespace AssetTrace.Accounts;

/// <param name="PasswordChangeRequired">The password was set by someone else (first run, an admin): it only serves to choose a new one.</param>
/// <param name="Email">Where the office's notices reach the user (new leads on their cases, #15); null: none are sent.</param>
public sealed record User(string Id, string Username, string DisplayName, IReadOnlyList<Role> Roles, DateTimeOffset CreatedAt, string CreatedBy,
    bool Disabled, bool PasswordChangeRequired, string? Email = null);

/// <summary>A bearer token as issued: the secret is shown once and stored only as a hash.</summary>
public sealed record IssuedToken(string Id, string Secret, string Name, TokenKind Kind, DateTimeOffset? ExpiresAt);

/// <summary>A token as listed: never the secret.</summary>
public sealed record TokenInfo(string Id, string Name, TokenKind Kind, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>The user a live bearer token belongs to, which token it was, and the cases the user is on (case_access).</summary>
public sealed record AuthenticatedToken(User User, string TokenId, IReadOnlySet<string> Cases);

/// <summary>An admin's password reset: the one-time password is shown once, to the admin, and must be changed at first sign-in.</summary>
public sealed record PasswordReset(User User, string OneTimePassword);

public enum TokenKind
{
    /// <summary>Issued by signing in; expires after a working day.</summary>
    Session,

    /// <summary>For scripts; expires after 90 days unless given another expiry (at most a year).</summary>
    Api,
}
