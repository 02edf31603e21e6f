using System.Net;
using System.Net.Http.Headers;
using AssetTrace.Watch.Fetching;
using AssetTrace.Watch.Snapshots;

namespace AssetTrace.UnitTests.Watch;

public sealed class RetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Retry_After_in_seconds_or_as_a_date_is_honoured_and_capped()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryDelay.For(1, RetryConditionHeaderValue.Parse("7"), Now, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(90), RetryDelay.For(1, new RetryConditionHeaderValue(Now.AddSeconds(90)), Now, 0.5));
        Assert.Equal(RetryDelay.Cap, RetryDelay.For(1, RetryConditionHeaderValue.Parse("86400"), Now, 0.5));
    }

    [Fact]
    public void Without_Retry_After_the_wait_doubles_with_jitter_between_half_and_the_whole_step()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RetryDelay.For(1, null, Now, 0));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryDelay.For(2, null, Now, 0.999999).RoundTo());
        Assert.Equal(TimeSpan.FromSeconds(4), RetryDelay.For(3, null, Now, 0));
        Assert.Equal(RetryDelay.Cap, RetryDelay.For(30, null, Now, 0.999999).RoundTo());
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    public void Only_server_errors_throttling_and_time_outs_are_tried_again(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, RetryDelay.IsTransient(status));

    [Fact]
    public void Digests_are_written_in_RFC_4648_base32()
    {
        Assert.Equal("MZXW6YTBOI======", WarcExport.Base32("foobar"u8.ToArray()));
        Assert.Equal("MY======", WarcExport.Base32("f"u8.ToArray()));
    }
}

internal static class TimeSpanRounding
{
    public static TimeSpan RoundTo(this TimeSpan t) => TimeSpan.FromSeconds(Math.Round(t.TotalSeconds));
}
