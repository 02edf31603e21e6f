using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Accounts;

/// <summary>
/// Users and their password hashes. Creating a user and changing a password are audited,
/// never with the password or its hash. Admin actions on users are in <see cref="UserAdministration"/>,
/// tokens in <see cref="TokenStore"/>, signing in in <see cref="SignIn"/>.
/// </summary>
public sealed partial class AccountStore(Database database, AuditLog audit, Passwords passwords, TokenStore tokens, TimeProvider clock)
{
    /// <summary>Creates a user whose password is theirs to keep (the shell, tests).</summary>
    public Task<User> CreateUserAsync(string username, string displayName, IReadOnlyList<Role> roles, string password, string actor, CancellationToken ct) =>
        CreateUserAsync(username, displayName, roles, password, oneTimePassword: false, actor, ct);

    /// <param name="oneTimePassword">
    /// True when someone other than the user chose or saw the password (the first-run admin, an admin's createUser):
    /// it then serves only to choose a new one at the first sign-in.
    /// </param>
    public async Task<User> CreateUserAsync(string username, string displayName, IReadOnlyList<Role> roles, string password, bool oneTimePassword, string actor, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!IsUsername(username))
        {
            errors.Add(new FieldError("input.username", "use 2–64 lower-case letters, digits, dots, dashes or underscores."));
        }
        TextHygiene.Check("input.displayName", displayName, TextKind.Line, TextLimits.DisplayName, errors);
        if (roles.Count == 0)
        {
            errors.Add(new FieldError("input.roles", "give the user at least one role."));
        }
        if (Passwords.Problem(password) is { } problem)
        {
            errors.Add(new FieldError("input.password", problem));
        }
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
        var now = clock.GetUtcNow();
        var user = new User(Guid.CreateVersion7().ToString(), username, string.IsNullOrWhiteSpace(displayName) ? username : displayName.Trim(),
            roles.Distinct().Order().ToList(), now, actor, false, oneTimePassword);
        return await database.WriteAsync(async (c, t) =>
        {
            if (await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM users u WHERE u.username = @u", ct, ("u", user.Username)) > 0)
            {
                throw new UserInputException("input.username", $"a user named '{user.Username}' already exists.");
            }
            await c.ExecuteAsync(t, """
                INSERT INTO users (id, username, display_name, roles, password_hash, created_at, created_by, must_change_password)
                VALUES (@id, @username, @display, @roles, @hash, @now, @actor, @must)
                """, ct, ("id", user.Id), ("username", user.Username), ("display", user.DisplayName),
                ("roles", RolesText(user.Roles)), ("hash", passwords.Hash(user.Username, password)), ("now", now), ("actor", actor),
                ("must", oneTimePassword));
            await audit.AppendAsync(c, t, new AuditRecord(actor, "user.created", $"user/{user.Id}", null,
                JsonSerializer.Serialize(new { user.Username, user.DisplayName, roles = user.Roles.Select(Codes.Of), passwordChangeRequired = oneTimePassword }), null), ct);
            return user;
        }, ct);
    }

    public Task<bool> AnyUserAsync(CancellationToken ct) =>
        database.ReadAsync(async c => await c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM users", ct) > 0, ct);

    public Task<User?> FindUserAsync(string username, CancellationToken ct) =>
        database.ReadAsync(c => FindAsync(c, null, username, ct), ct);

    public Task<List<User>> ListUsersAsync(CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, $"SELECT {UserColumns} FROM users u ORDER BY u.username", ReadUser, ct), ct);

    /// <summary>The user and stored hash for a password check; (null, null) when there is no such user.</summary>
    internal Task<(User? User, string? Hash)> FindCredentialsAsync(string username, CancellationToken ct) =>
        database.ReadAsync(async c => (await c.QueryAsync(null, $"SELECT {UserColumns}, u.password_hash FROM users u WHERE u.username = @u",
            r => ((User?)ReadUser(r), (string?)r.GetString(9)), ct, ("u", username))).SingleOrDefault(), ct);

    /// <summary>
    /// Replaces the password of a user who proved the current one, ends the need to change it and
    /// revokes the user's other sessions (a session opened with the old password may be someone else's).
    /// </summary>
    internal Task<User> ChangePasswordAsync(User user, string newPassword, string? keepTokenId, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            await SetPasswordAsync(c, t, user, newPassword, mustChange: false, ct);
            var revoked = await tokens.RevokeAllAsync(c, t, user.Id, TokenKind.Session, keepTokenId, ct);
            await audit.AppendAsync(c, t, new AuditRecord(user.Username, "user.password-changed", $"user/{user.Id}",
                JsonSerializer.Serialize(new { passwordChangeRequired = user.PasswordChangeRequired }),
                JsonSerializer.Serialize(new { passwordChangeRequired = false, sessionsRevoked = revoked }), null), ct);
            return user with { PasswordChangeRequired = false };
        }, ct);

    internal async Task SetPasswordAsync(DbConnection c, DbTransaction t, User user, string password, bool mustChange, CancellationToken ct) =>
        await c.ExecuteAsync(t, "UPDATE users SET password_hash = @hash, must_change_password = @must, password_changed_at = @now WHERE id = @id", ct,
            ("hash", passwords.Hash(user.Username, password)), ("must", mustChange), ("now", clock.GetUtcNow()), ("id", user.Id));

    internal static async Task<User?> FindAsync(DbConnection c, DbTransaction? t, string username, CancellationToken ct) =>
        (await c.QueryAsync(t, $"SELECT {UserColumns} FROM users u WHERE u.username = @u", ReadUser, ct, ("u", username))).SingleOrDefault();

    internal static bool IsUsername(string? text) => UsernamePattern().IsMatch(text ?? "");

    internal static string RolesText(IEnumerable<Role> roles) => string.Join(',', roles.Select(Codes.Of));

    internal const string UserColumns = "u.id, u.username, u.display_name, u.roles, u.created_at, u.created_by, u.disabled, u.must_change_password, u.email";

    internal static User ReadUser(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2),
        r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Codes.Parse<Role>).ToList(), r.Instant(4), r.GetString(5),
        r.GetBoolean(6), r.GetBoolean(7), r.NullableString(8));

    [GeneratedRegex("^[a-z0-9._-]{2,64}$")]
    private static partial Regex UsernamePattern();
}
