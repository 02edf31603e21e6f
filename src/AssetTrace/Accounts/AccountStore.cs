using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;
using Microsoft.AspNetCore.Identity;

namespace AssetTrace.Accounts;

/// <summary>
/// Users, their password hashes (ASP.NET Core Identity's PBKDF2 hasher) and bearer tokens
/// (random, stored as SHA-256). Creating users and tokens is audited; signing in is not a change.
/// </summary>
public sealed partial class AccountStore(Database database, AuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private static readonly PasswordHasher<string> Hasher = new();

    public async Task<User> CreateUserAsync(string username, string displayName, IReadOnlyList<Role> roles, string password, string actor, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!UsernamePattern().IsMatch(username ?? ""))
        {
            errors.Add(new FieldError("input.username", "use 2–64 lower-case letters, digits, dots, dashes or underscores."));
        }
        TextHygiene.Check("input.displayName", displayName, TextKind.Line, TextLimits.DisplayName, errors);
        if (roles.Count == 0)
        {
            errors.Add(new FieldError("input.roles", "give the user at least one role."));
        }
        if ((password ?? "").Length < 12)
        {
            errors.Add(new FieldError("input.password", "must be at least 12 characters long."));
        }
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
        var now = clock.GetUtcNow();
        var user = new User(Guid.CreateVersion7().ToString(), username!, string.IsNullOrWhiteSpace(displayName) ? username! : displayName.Trim(),
            roles.Distinct().Order().ToList(), now, actor, false);
        return await database.WriteAsync(async (c, t) =>
        {
            if (await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM users u WHERE u.username = @u", ct, ("u", user.Username)) > 0)
            {
                throw new UserInputException("input.username", $"a user named '{user.Username}' already exists.");
            }
            await c.ExecuteAsync(t, """
                INSERT INTO users (id, username, display_name, roles, password_hash, created_at, created_by)
                VALUES (@id, @username, @display, @roles, @hash, @now, @actor)
                """, ct, ("id", user.Id), ("username", user.Username), ("display", user.DisplayName),
                ("roles", string.Join(',', user.Roles.Select(Codes.Of))), ("hash", Hasher.HashPassword(user.Username, password!)), ("now", now), ("actor", actor));
            await audit.AppendAsync(c, t, new AuditRecord(actor, "user.created", $"user/{user.Id}", null,
                JsonSerializer.Serialize(new { user.Username, user.DisplayName, roles = user.Roles.Select(Codes.Of) }), null), ct);
            return user;
        }, ct);
    }

    public Task<bool> AnyUserAsync(CancellationToken ct) =>
        database.ReadAsync(async c => await c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM users", ct) > 0, ct);

    public Task<User?> FindUserAsync(string username, CancellationToken ct) =>
        database.ReadAsync(async c => (await c.QueryAsync(null, $"SELECT {UserColumns} FROM users u WHERE u.username = @u", ReadUser, ct, ("u", username))).SingleOrDefault(), ct);

    public Task<List<User>> ListUsersAsync(CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, $"SELECT {UserColumns} FROM users u ORDER BY u.username", ReadUser, ct), ct);

    /// <summary>Checks a password and, when it matches an enabled user, issues a session token.</summary>
    public async Task<(User User, IssuedToken Token)?> SignInAsync(string username, string password, CancellationToken ct)
    {
        var row = await database.ReadAsync(async c => (await c.QueryAsync(null,
            $"SELECT {UserColumns}, u.password_hash FROM users u WHERE u.username = @u", r => (User: ReadUser(r), Hash: r.GetString(7)), ct, ("u", username))).SingleOrDefault(), ct);
        if (row.User is null || row.User.Disabled
            || Hasher.VerifyHashedPassword(username, row.Hash, password) == PasswordVerificationResult.Failed)
        {
            return null;
        }
        var token = await database.WriteAsync((c, t) => InsertTokenAsync(c, t, row.User, "sign-in", TokenKind.Session, clock.GetUtcNow() + SessionLifetime, ct), ct);
        return (row.User, token);
    }

    /// <summary>Issues a long-lived token for scripts. The secret is returned once and never again.</summary>
    public Task<IssuedToken> CreateApiTokenAsync(string username, string name, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new UserInputException("name", "name the token after the script or person that will use it.");
        }
        TextHygiene.Require("name", name, TextKind.Line, TextLimits.TokenName);
        return database.WriteAsync(async (c, t) =>
        {
            var user = (await c.QueryAsync(t, $"SELECT {UserColumns} FROM users u WHERE u.username = @u", ReadUser, ct, ("u", username))).Single();
            var token = await InsertTokenAsync(c, t, user, name.Trim(), TokenKind.Api, expiresAt, ct);
            await audit.AppendAsync(c, t, new AuditRecord(username, "token.created", $"token/{token.Id}", null,
                JsonSerializer.Serialize(new { token.Name, kind = Codes.Of(token.Kind), token.ExpiresAt }), null), ct);
            return token;
        }, ct);
    }

    public Task RevokeTokenAsync(string username, string tokenId, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            var changed = await c.ExecuteAsync(t, """
                UPDATE tokens SET revoked_at = @now
                WHERE id = @id AND revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE username = @u)
                """, ct, ("now", clock.GetUtcNow()), ("id", tokenId), ("u", username));
            if (changed == 0)
            {
                throw new NotFoundException("active token of yours", tokenId);
            }
            await audit.AppendAsync(c, t, new AuditRecord(username, "token.revoked", $"token/{tokenId}", null, null, null), ct);
            return true;
        }, ct);

    public Task<List<TokenInfo>> ListTokensAsync(string username, CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, """
            SELECT t.id, t.name, t.kind, t.created_at, t.expires_at, t.revoked_at FROM tokens t JOIN users u ON u.id = t.user_id
            WHERE u.username = @u AND t.kind = 'api' ORDER BY t.created_at
            """, r => new TokenInfo(r.GetString(0), r.GetString(1), Codes.Parse<TokenKind>(r.GetString(2)), r.Instant(3), r.NullableInstant(4), r.NullableInstant(5)),
            ct, ("u", username)), ct);

    /// <summary>The user a bearer secret belongs to, if the token is live and the user enabled.</summary>
    public Task<User?> AuthenticateAsync(string secret, CancellationToken ct) =>
        database.ReadAsync(async c => (await c.QueryAsync(null, $"""
            SELECT {UserColumns} FROM users u JOIN tokens t ON t.user_id = u.id
            WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > @now) AND NOT u.disabled
            """, ReadUser, ct, ("hash", HashSecret(secret)), ("now", clock.GetUtcNow()))).SingleOrDefault(), ct);

    private async Task<IssuedToken> InsertTokenAsync(DbConnection c, DbTransaction t, User user, string name, TokenKind kind, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var secret = "at_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = Guid.CreateVersion7().ToString();
        await c.ExecuteAsync(t, """
            INSERT INTO tokens (id, user_id, kind, name, token_hash, created_at, expires_at) VALUES (@id, @user, @kind, @name, @hash, @now, @expires)
            """, ct, ("id", id), ("user", user.Id), ("kind", Codes.Of(kind)), ("name", name), ("hash", HashSecret(secret)),
            ("now", clock.GetUtcNow()), ("expires", expiresAt));
        return new IssuedToken(id, secret, name, kind, expiresAt);
    }

    private const string UserColumns = "u.id, u.username, u.display_name, u.roles, u.created_at, u.created_by, u.disabled";

    private static User ReadUser(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2),
        r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Codes.Parse<Role>).ToList(), r.Instant(4), r.GetString(5), r.GetBoolean(6));

    private static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z0-9._-]{2,64}$")]
    private static partial Regex UsernamePattern();
}
