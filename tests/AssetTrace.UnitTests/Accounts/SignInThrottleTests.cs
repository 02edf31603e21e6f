using AssetTrace.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AssetTrace.UnitTests.Accounts;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private SignInThrottle Throttle(int perAccount = 3, int perAddress = 5) =>
        new(Options.Create(new AccountOptions { MaxFailuresPerAccount = perAccount, MaxFailuresPerAddress = perAddress }), _clock);

    [Fact]
    public void Attempts_count_before_they_fail_so_parallel_guesses_cannot_all_pass()
    {
        var throttle = Throttle();
        // Three attempts admitted and still running: none has failed yet, and the fourth is refused.
        Assert.All(Enumerable.Range(0, 3), _ => Assert.False(throttle.Begin("tester", "10.0.0.1").Refused));
        var fourth = throttle.Begin("tester", "10.0.0.1");
        Assert.True(fourth.Refused);
        Assert.Equal(900, fourth.RetryAfterSeconds);
    }

    [Fact]
    public void A_success_clears_the_user_name_and_gives_the_address_its_attempt_back()
    {
        var throttle = Throttle(perAccount: 2, perAddress: 2);
        throttle.Begin("tester", "10.0.0.1");
        var right = throttle.Begin("tester", "10.0.0.1");
        throttle.Succeeded("tester", "10.0.0.1", right);

        Assert.False(throttle.Begin("TESTER", "10.0.0.1").Refused);
        Assert.True(throttle.Begin("other", "10.0.0.1").Refused);
    }

    [Fact]
    public void User_names_are_counted_whatever_their_case_and_the_address_across_names()
    {
        var throttle = Throttle(perAccount: 2, perAddress: 3);
        throttle.Begin("Tester", "10.0.0.1");
        throttle.Begin("tester ", "10.0.0.2");
        Assert.True(throttle.Begin("tester", "10.0.0.3").Refused);

        throttle.Begin("a", "10.0.0.9");
        throttle.Begin("b", "10.0.0.9");
        throttle.Begin("c", "10.0.0.9");
        Assert.True(throttle.Begin("d", "10.0.0.9").Refused);
    }

    [Fact]
    public void Names_longer_than_any_user_name_are_cut_so_that_they_cannot_fill_memory()
    {
        var throttle = Throttle(perAccount: 2, perAddress: 100);
        var prefix = new string('a', 64);
        throttle.Begin(prefix + new string('b', 100_000), "10.0.0.1");
        throttle.Begin(prefix + new string('c', 100_000), "10.0.0.2");
        Assert.True(throttle.Begin(prefix + "d", "10.0.0.3").Refused);
    }

    [Fact]
    public void Only_the_first_refusal_of_a_block_is_to_be_audited()
    {
        var throttle = Throttle(perAccount: 1);
        throttle.Begin("tester", "10.0.0.1");
        Assert.True(throttle.Begin("tester", "10.0.0.1").Report);
        Assert.False(throttle.Begin("tester", "10.0.0.2").Report);

        _clock.Advance(TimeSpan.FromMinutes(15));
        throttle.Begin("tester", "10.0.0.1");
        Assert.True(throttle.Begin("tester", "10.0.0.1").Report);
    }
}
