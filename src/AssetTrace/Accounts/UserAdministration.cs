using System.Data.Common;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Accounts;

/// <summary>
/// What an admin does to other users' accounts (#11): roles, disabling and enabling, one-time
/// password resets. Each takes a reason and is audited with who and when; none writes a password
/// or hash to the log. Tokens are checked against the user row on every request, so each change
/// applies to the user's next request.
/// </summary>
public sealed class UserAdministration(Database database, AuditLog audit, AccountStore accounts, TokenStore tokens)
{
    public Task<User> SetRolesAsync(string username, IReadOnlyList<Role> roles, string reason, string actor, CancellationToken ct)
    {
        if (roles.Count == 0)
        {
            throw new UserInputException("roles", "give the user at least one role; to stop them signing in, disable the account.");
        }
        var sorted = roles.Distinct().Order().ToList();
        return ChangeAsync(username, reason, async (c, t, user) =>
        {
            if (user.Roles.Contains(Role.Admin) && !sorted.Contains(Role.Admin))
            {
                await EnsureAnotherAdminAsync(c, t, user, "take the admin role from", ct);
            }
            await c.ExecuteAsync(t, "UPDATE users SET roles = @roles WHERE id = @id", ct, ("roles", AccountStore.RolesText(sorted)), ("id", user.Id));
            await audit.AppendAsync(c, t, new AuditRecord(actor, "user.roles-changed", $"user/{user.Id}",
                JsonSerializer.Serialize(new { roles = user.Roles.Select(Codes.Of) }), JsonSerializer.Serialize(new { roles = sorted.Select(Codes.Of) }), reason.Trim()), ct);
            return user with { Roles = sorted };
        }, ct);
    }

    /// <summary>Disables an account and revokes all its tokens, sessions and API tokens alike: enabling it again does not revive them.</summary>
    public Task<User> DisableAsync(string username, string reason, string actor, CancellationToken ct) =>
        ChangeAsync(username, reason, async (c, t, user) =>
        {
            if (user.Username == actor)
            {
                throw new ConflictException("You cannot disable your own account; ask another admin.");
            }
            if (user.Disabled)
            {
                throw new ConflictException($"The account '{username}' is already disabled.");
            }
            if (user.Roles.Contains(Role.Admin))
            {
                await EnsureAnotherAdminAsync(c, t, user, "disable", ct);
            }
            await c.ExecuteAsync(t, "UPDATE users SET disabled = @disabled WHERE id = @id", ct, ("disabled", true), ("id", user.Id));
            var revoked = await tokens.RevokeAllAsync(c, t, user.Id, null, null, ct);
            await audit.AppendAsync(c, t, new AuditRecord(actor, "user.disabled", $"user/{user.Id}",
                JsonSerializer.Serialize(new { disabled = false }), JsonSerializer.Serialize(new { disabled = true, tokensRevoked = revoked }), reason.Trim()), ct);
            return user with { Disabled = true };
        }, ct);

    public Task<User> EnableAsync(string username, string reason, string actor, CancellationToken ct) =>
        ChangeAsync(username, reason, async (c, t, user) =>
        {
            if (!user.Disabled)
            {
                throw new ConflictException($"The account '{username}' is not disabled.");
            }
            await c.ExecuteAsync(t, "UPDATE users SET disabled = @disabled WHERE id = @id", ct, ("disabled", false), ("id", user.Id));
            await audit.AppendAsync(c, t, new AuditRecord(actor, "user.enabled", $"user/{user.Id}",
                JsonSerializer.Serialize(new { disabled = true }), JsonSerializer.Serialize(new { disabled = false }), reason.Trim()), ct);
            return user with { Disabled = false };
        }, ct);

    /// <summary>
    /// Gives the user a new one-time password, shown once to the admin, that serves only to choose a
    /// new one at the next sign-in; the old password stops working and the user's sessions end now.
    /// API tokens stay (scripts keep running); revoke them apart when the account was compromised.
    /// </summary>
    public async Task<PasswordReset> ResetPasswordAsync(string username, string reason, string actor, CancellationToken ct)
    {
        var oneTime = Passwords.NewOneTimePassword();
        var user = await ChangeAsync(username, reason, async (c, t, user) =>
        {
            await accounts.SetPasswordAsync(c, t, user, oneTime, mustChange: true, ct);
            var revoked = await tokens.RevokeAllAsync(c, t, user.Id, TokenKind.Session, null, ct);
            await audit.AppendAsync(c, t, new AuditRecord(actor, "user.password-reset", $"user/{user.Id}", null,
                JsonSerializer.Serialize(new { passwordChangeRequired = true, sessionsRevoked = revoked }), reason.Trim()), ct);
            return user with { PasswordChangeRequired = true };
        }, ct);
        return new PasswordReset(user, oneTime);
    }

    private Task<User> ChangeAsync(string username, string reason, Func<DbConnection, DbTransaction, User, Task<User>> change, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UserInputException("reason", "say why, for the audit log (e.g. 'left the unit', 'forgot the password').");
        }
        return database.WriteAsync(async (c, t) =>
        {
            var user = await AccountStore.FindAsync(c, t, username, ct) ?? throw new NotFoundException("user", username);
            return await change(c, t, user);
        }, ct);
    }

    /// <summary>The office must keep an admin who can sign in, or nobody could manage accounts again.</summary>
    private static async Task EnsureAnotherAdminAsync(DbConnection c, DbTransaction t, User user, string action, CancellationToken ct)
    {
        var admins = await c.QueryAsync(t, "SELECT u.roles FROM users u WHERE NOT u.disabled AND u.id <> @id", r => r.GetString(0), ct, ("id", user.Id));
        if (!admins.Any(roles => roles.Split(',').Contains(Codes.Of(Role.Admin))))
        {
            throw new ConflictException($"'{user.Username}' is the last enabled admin; make another user admin before you {action} them.");
        }
    }
}
