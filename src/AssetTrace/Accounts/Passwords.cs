using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace AssetTrace.Accounts;

/// <summary>
/// Password rules, hashing (ASP.NET Core Identity's PBKDF2 hasher) and one-time passwords.
/// A check for a user who does not exist is made against a dummy hash, so that it costs the
/// same as a real one and the answer time does not tell which user names exist (#11).
/// </summary>
public sealed class Passwords
{
    public const int MinimumLength = 12;

    private readonly IPasswordHasher<string> _hasher;
    private readonly Lazy<string> _dummyHash;

    public Passwords(IPasswordHasher<string> hasher)
    {
        _hasher = hasher;
        // Made by the same hasher as real ones, so it has the same algorithm and iteration count.
        _dummyHash = new Lazy<string>(() => hasher.HashPassword("", NewOneTimePassword()));
    }

    /// <summary>What is wrong with a new password, or null when it may be used.</summary>
    public static string? Problem(string? password) =>
        (password ?? "").Length < MinimumLength ? $"must be at least {MinimumLength} characters long." : null;

    public string Hash(string username, string password) => _hasher.HashPassword(username, password);

    /// <summary>Whether the password matches; with no stored hash (no such user) it is checked against the dummy and fails.</summary>
    public bool Verify(string username, string? storedHash, string password)
    {
        var matches = _hasher.VerifyHashedPassword(username, storedHash ?? _dummyHash.Value, password) != PasswordVerificationResult.Failed;
        return matches && storedHash is not null;
    }

    /// <summary>24 random characters (144 bits) from letters and digits, so that it survives copying from a log or a chat.</summary>
    public static string NewOneTimePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
}
