using AssetTrace.Accounts;

namespace AssetTrace.UnitTests.Accounts;

public sealed class FailureWindowTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Fact]
    public void A_key_under_the_limit_may_try_and_at_the_limit_waits_until_its_oldest_failure_leaves_the_window()
    {
        var window = new FailureWindow(3, Window);
        window.Record("tester", Nine);
        window.Record("tester", Nine.AddMinutes(2));
        Assert.Null(window.RetryAfter("tester", Nine.AddMinutes(3)));

        window.Record("tester", Nine.AddMinutes(4));

        Assert.Equal(TimeSpan.FromMinutes(10), window.RetryAfter("tester", Nine.AddMinutes(5)));
        Assert.Null(window.RetryAfter("tester", Nine.AddMinutes(15)));
        Assert.Null(window.RetryAfter("someone-else", Nine.AddMinutes(5)));
    }

    [Fact]
    public void Above_the_limit_the_wait_is_until_the_count_drops_below_it()
    {
        var window = new FailureWindow(2, Window);
        window.Record("a", Nine);
        window.Record("a", Nine.AddMinutes(1));
        window.Record("a", Nine.AddMinutes(2));
        // Two must leave for the count (3) to drop below 2: the second oldest leaves at 9:16.
        Assert.Equal(TimeSpan.FromMinutes(13), window.RetryAfter("a", Nine.AddMinutes(3)));
    }

    [Fact]
    public void Forget_takes_back_one_failure_and_Clear_all()
    {
        var window = new FailureWindow(2, Window);
        window.Record("a", Nine);
        window.Record("a", Nine.AddMinutes(1));
        window.Forget("a", Nine.AddMinutes(1));
        Assert.Null(window.RetryAfter("a", Nine.AddMinutes(2)));

        window.Record("a", Nine.AddMinutes(2));
        Assert.NotNull(window.RetryAfter("a", Nine.AddMinutes(2)));
        window.Clear("a");
        Assert.Null(window.RetryAfter("a", Nine.AddMinutes(2)));
    }

    [Fact]
    public void Keys_with_no_failure_left_in_the_window_are_swept()
    {
        var window = new FailureWindow(5, Window);
        for (var i = 0; i < 1000; i++)
        {
            window.Record($"name{i}", Nine);
        }
        Assert.Equal(1000, window.Keys);
        for (var i = 0; i < 100; i++)
        {
            window.Record($"later{i}", Nine.AddHours(1));
        }
        Assert.True(window.Keys <= 100, $"{window.Keys} keys are tracked; the idle ones should have been swept.");
    }
}
