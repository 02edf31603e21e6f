using AssetTrace.Accounts;
using AssetTrace.Common;

namespace AssetTrace.UnitTests.Accounts;

/// <summary>What may be stored as a user's address for the lead notices (#15).</summary>
public sealed class UserEmailTests
{
    [Theory]
    [InlineData("analyst@office.example", "analyst@office.example")]
    [InlineData("  first.last+leads@prokuror.example.kz ", "first.last+leads@prokuror.example.kz")]
    public void A_plain_address_is_kept_trimmed(string input, string stored) => Assert.Equal(stored, UserEmail.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_means_no_address(string? input) => Assert.Null(UserEmail.Normalize(input));

    [Theory]
    [InlineData("analyst")]
    [InlineData("analyst@localhost")]
    [InlineData("@office.example")]
    [InlineData("analyst@")]
    [InlineData("a@b@office.example")]
    [InlineData("Analyst <analyst@office.example>")]
    [InlineData("a@office.example, b@elsewhere.example")]
    [InlineData("a@office.example\r\nBcc: b@elsewhere.example")]
    [InlineData("an alyst@office.example")]
    public void Anything_but_one_plain_address_is_refused_naming_the_input(string input)
    {
        var error = Assert.Single(Assert.Throws<UserInputException>(() => UserEmail.Normalize(input)).Errors);
        Assert.Equal("email", error.Field);
    }

    [Fact]
    public void An_address_longer_than_a_mail_server_takes_is_refused() =>
        Assert.Throws<UserInputException>(() => UserEmail.Normalize(new string('a', 250) + "@office.example"));
}
