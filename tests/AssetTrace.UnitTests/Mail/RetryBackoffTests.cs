using AssetTrace.Mail.Sending;

namespace AssetTrace.UnitTests.Mail;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(200, 3600)]
    public void Doubles_from_the_base_up_to_the_maximum(int failedAttempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.Delay(failedAttempts, Base, Max));

    [Fact]
    public void A_base_above_the_maximum_is_capped() =>
        Assert.Equal(Max, RetryBackoff.Delay(1, TimeSpan.FromHours(2), Max));
}
