using AssetTrace.Accounts;
using AssetTrace.Common;

namespace AssetTrace.UnitTests.Accounts;

public sealed class TokenLifetimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly AccountOptions Defaults = new();

    [Fact]
    public void Without_an_expiry_an_API_token_lives_90_days() =>
        Assert.Equal(Now.AddDays(90), TokenLifetime.ApiTokenExpiry(null, Now, Defaults));

    [Fact]
    public void Up_to_a_year_is_taken_as_given_in_UTC() =>
        Assert.Equal(Now.AddDays(365), TokenLifetime.ApiTokenExpiry(Now.AddDays(365).ToOffset(TimeSpan.FromHours(5)), Now, Defaults));

    [Theory]
    [InlineData(-60)]
    [InlineData(0)]
    [InlineData(365 * 24 * 3600 + 1)]
    public void Now_the_past_and_more_than_a_year_away_are_refused_naming_expiresAt(int secondsFromNow)
    {
        var error = Assert.Throws<UserInputException>(() => TokenLifetime.ApiTokenExpiry(Now.AddSeconds(secondsFromNow), Now, Defaults));
        Assert.Equal("expiresAt", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void The_message_says_what_to_give_instead()
    {
        var error = Assert.Throws<UserInputException>(() => TokenLifetime.ApiTokenExpiry(Now.AddDays(-1), Now, Defaults));
        Assert.Equal("2026-11-27T09:00:00Z is not in the future; give a later time (at most 2027-11-28T09:00:00Z), or leave it out for 90 days.",
            error.Errors[0].Message);
    }
}
