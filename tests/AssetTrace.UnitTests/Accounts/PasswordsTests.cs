using AssetTrace.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AssetTrace.UnitTests.Accounts;

public sealed class PasswordsTests
{
    private readonly Passwords _passwords = new(new PasswordHasher<string>());

    [Theory]
    [InlineData("", false)]
    [InlineData("elevenchars", false)]
    [InlineData("twelve chars", true)]
    public void A_password_needs_12_characters(string password, bool accepted) =>
        Assert.Equal(accepted, Passwords.Problem(password) is null);

    [Fact]
    public void A_hash_verifies_its_own_password_only()
    {
        var hash = _passwords.Hash("tester", "the right password");
        Assert.True(_passwords.Verify("tester", hash, "the right password"));
        Assert.False(_passwords.Verify("tester", hash, "the wrong password"));
    }

    [Fact]
    public void Without_a_stored_hash_nothing_verifies() =>
        Assert.False(_passwords.Verify("no-such-user", null, "any password at all"));

    [Fact]
    public void One_time_passwords_are_long_enough_and_differ()
    {
        var first = Passwords.NewOneTimePassword();
        Assert.Null(Passwords.Problem(first));
        Assert.Matches("^[A-Za-z0-9]{24}$", first);
        Assert.NotEqual(first, Passwords.NewOneTimePassword());
    }
}
