using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Storage;
using MimeKit;

namespace AssetTrace.Accounts;

/// <summary>
/// A user's e-mail address for the office's notices (#15: new leads on their cases). The user sets their own; an
/// admin may set anyone's. Each change is audited as user.email-changed with who, when, the old and the new address.
/// </summary>
public sealed class UserEmail(Database database, AuditLog audit)
{
    /// <summary>An address is short enough for any mail server (RFC 5321's path limit).</summary>
    public const int MaxLength = 254;

    /// <param name="address">The new address; null or blank removes it (no more notices).</param>
    /// <param name="actor">Who changes it: the user themself, or an admin (the caller has checked the role).</param>
    public Task<User> SetAsync(string username, string? address, string actor, CancellationToken ct)
    {
        var normalized = Normalize(address);
        return database.WriteAsync(async (c, t) =>
        {
            var user = await AccountStore.FindAsync(c, t, username, ct) ?? throw new NotFoundException("user", username);
            if (user.Email == normalized)
            {
                return user;
            }
            await c.ExecuteAsync(t, "UPDATE users SET email = @email WHERE id = @id", ct, ("email", normalized), ("id", user.Id));
            await audit.AppendAsync(c, t, new AuditRecord(actor, "user.email-changed", $"user/{user.Id}",
                JsonSerializer.Serialize(new { email = user.Email }), JsonSerializer.Serialize(new { email = normalized }), null), ct);
            return user with { Email = normalized };
        }, ct);
    }

    /// <summary>The address as stored (trimmed), null for none; a clear error naming the input when it is no plain address.</summary>
    public static string? Normalize(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }
        var text = address.Trim();
        // Note: a plain addr-spec only. A display name or a second address ("a@x, b@y") would let one
        // setting send the notices somewhere the audit line does not plainly show.
        if (text.Length > MaxLength || text.Any(ch => char.IsControl(ch) || char.IsWhiteSpace(ch)) || text.Count(ch => ch == '@') != 1
            || !MailboxAddress.TryParse(text, out var parsed) || parsed.Address != text || !string.IsNullOrEmpty(parsed.Name)
            || text.StartsWith('@') || text.EndsWith('@') || !text[(text.IndexOf('@', StringComparison.Ordinal) + 1)..].Contains('.', StringComparison.Ordinal))
        {
            throw new UserInputException("email", $"'{Shorten(text)}' is not one e-mail address; write it as name@example.org (at most {MaxLength} characters), or leave it empty to receive no notices.");
        }
        return text;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
}
