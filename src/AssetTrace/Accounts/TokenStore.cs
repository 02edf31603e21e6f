using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;
using Microsoft.Extensions.Options;

namespace AssetTrace.Accounts;

/// <summary>
/// Bearer tokens: random secrets stored only as SHA-256, each with an expiry. Sessions come from
/// signing in; API tokens are for scripts. Creating and revoking API tokens is audited.
/// </summary>
public sealed class TokenStore(Database database, AuditLog audit, IOptions<AccountOptions> options, TimeProvider clock)
{
    private AccountOptions Options => options.Value;

    /// <summary>Issues a token for scripts. The secret is returned once and never again.</summary>
    public Task<IssuedToken> CreateApiTokenAsync(string username, string name, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new UserInputException("name", "name the token after the script or person that will use it.");
        }
        TextHygiene.Require("name", name, TextKind.Line, TextLimits.TokenName);
        var expiry = TokenLifetime.ApiTokenExpiry(expiresAt, clock.GetUtcNow(), Options);
        return database.WriteAsync(async (c, t) =>
        {
            var user = await AccountStore.FindAsync(c, t, username, ct) ?? throw new NotFoundException("user", username);
            var token = await IssueAsync(c, t, user, name.Trim(), TokenKind.Api, expiry, ct);
            await audit.AppendAsync(c, t, new AuditRecord(username, "token.created", $"token/{token.Id}", null,
                JsonSerializer.Serialize(new { token.Name, kind = Codes.Of(token.Kind), owner = username, token.ExpiresAt }), null), ct);
            return token;
        }, ct);
    }

    /// <summary>Revokes a token of the actor's own or, for an admin, of anyone's.</summary>
    public Task RevokeAsync(string tokenId, string actor, bool anyUsers, string? reason, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            var owner = (await c.QueryAsync(t, """
                SELECT u.username FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.id = @id AND t.revoked_at IS NULL
                """, r => r.GetString(0), ct, ("id", tokenId))).SingleOrDefault();
            if (owner is null || (owner != actor && !anyUsers))
            {
                throw new NotFoundException(anyUsers ? "active token" : "active token of yours", tokenId);
            }
            await c.ExecuteAsync(t, "UPDATE tokens SET revoked_at = @now WHERE id = @id", ct, ("now", clock.GetUtcNow()), ("id", tokenId));
            await audit.AppendAsync(c, t, new AuditRecord(actor, "token.revoked", $"token/{tokenId}", null,
                JsonSerializer.Serialize(new { owner }), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), ct);
            return true;
        }, ct);

    /// <summary>A user's API tokens, also expired and revoked ones (never their secrets).</summary>
    public Task<List<TokenInfo>> ListApiTokensAsync(string username, CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, """
            SELECT t.id, t.name, t.kind, t.created_at, t.expires_at, t.revoked_at FROM tokens t JOIN users u ON u.id = t.user_id
            WHERE u.username = @u AND t.kind = 'api' ORDER BY t.created_at
            """, r => new TokenInfo(r.GetString(0), r.GetString(1), Codes.Parse<TokenKind>(r.GetString(2)), r.Instant(3), r.NullableInstant(4), r.NullableInstant(5)),
            ct, ("u", username)), ct);

    /// <summary>
    /// The user a bearer secret belongs to, if the token is live and the user enabled, with the cases they are on.
    /// The user row is read on every request, so disabling a user or changing roles applies to the next request;
    /// the cases come in the same statement, so a request learns who is asking in one round trip (see
    /// <see cref="Visibility.CurrentViewer"/>).
    /// </summary>
    public Task<AuthenticatedToken?> AuthenticateAsync(string secret, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return database.ReadAsync(async c =>
        {
            // One row per case the user is on (one with no case when they are on none).
            var rows = await c.QueryAsync(null, $"""
                SELECT {AccountStore.UserColumns}, t.id, a.case_id FROM users u JOIN tokens t ON t.user_id = u.id
                LEFT JOIN case_access a ON a.username = u.username
                WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND NOT u.disabled
                  AND NOT (u.must_change_password AND t.kind = 'session')
                  AND (t.expires_at > @now OR (t.expires_at IS NULL AND t.created_at > @oldest))
                """, r => (User: AccountStore.ReadUser(r), TokenId: r.GetString(9), Case: r.NullableString(10)), ct,
                // A session is no use while the password must be changed (one opened before a reset, or before
                // migration 0008 made every password one-time). Tokens made before expiries were enforced have
                // none: they live the longest an API token may.
                ("hash", HashSecret(secret)), ("now", now), ("oldest", now - Options.ApiTokenMaxLifetime));
            return rows.Count == 0
                ? null
                : new AuthenticatedToken(rows[0].User, rows[0].TokenId, rows.Select(r => r.Case).OfType<string>().ToHashSet(StringComparer.Ordinal));
        }, ct);
    }

    internal Task<IssuedToken> IssueSessionAsync(User user, CancellationToken ct) =>
        database.WriteAsync((c, t) => IssueAsync(c, t, user, "sign-in", TokenKind.Session, clock.GetUtcNow() + Options.SessionLifetime, ct), ct);

    /// <summary>Revokes a user's live tokens (of one kind, or all when null), except one; returns how many.</summary>
    internal async Task<int> RevokeAllAsync(DbConnection c, DbTransaction t, string userId, TokenKind? kind, string? exceptTokenId, CancellationToken ct) =>
        await c.ExecuteAsync(t, """
            UPDATE tokens SET revoked_at = @now
            WHERE user_id = @user AND revoked_at IS NULL AND (@kind = '' OR kind = @kind) AND id <> @except
            """, ct, ("now", clock.GetUtcNow()), ("user", userId), ("kind", kind is { } k ? Codes.Of(k) : ""), ("except", exceptTokenId ?? ""));

    private async Task<IssuedToken> IssueAsync(DbConnection c, DbTransaction t, User user, string name, TokenKind kind, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var secret = "at_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = Guid.CreateVersion7().ToString();
        await c.ExecuteAsync(t, """
            INSERT INTO tokens (id, user_id, kind, name, token_hash, created_at, expires_at) VALUES (@id, @user, @kind, @name, @hash, @now, @expires)
            """, ct, ("id", id), ("user", user.Id), ("kind", Codes.Of(kind)), ("name", name), ("hash", HashSecret(secret)),
            ("now", clock.GetUtcNow()), ("expires", expiresAt));
        return new IssuedToken(id, secret, name, kind, expiresAt);
    }

    private static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
