namespace AssetTrace.Accounts;

public sealed record User(string Id, string Username, string DisplayName, IReadOnlyList<Role> Roles, DateTimeOffset CreatedAt, string CreatedBy, bool Disabled);

/// <summary>A bearer token as issued: the secret is shown once and stored only as a hash.</summary>
public sealed record IssuedToken(string Id, string Secret, string Name, TokenKind Kind, DateTimeOffset? ExpiresAt);

/// <summary>A token as listed: never the secret.</summary>
public sealed record TokenInfo(string Id, string Name, TokenKind Kind, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

public enum TokenKind
{
    /// <summary>Issued by signing in; expires after a working day.</summary>
    Session,

    /// <summary>Long-lived, for scripts; revoked by hand.</summary>
    Api,
}
