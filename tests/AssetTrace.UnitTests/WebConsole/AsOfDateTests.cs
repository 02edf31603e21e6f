using AssetTrace.Common;
using AssetTrace.WebConsole.Components;

namespace AssetTrace.UnitTests.WebConsole;

/// <summary>The console's as-of date (#13): written YYYY-MM-DD in the address, carried by links, a wrong one named.</summary>
public sealed class AsOfDateTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_date_means_today(string? text) => Assert.Null(AsOfDate.Parse(text));

    [Fact]
    public void A_date_is_read_as_written() => Assert.Equal(new DateOnly(2016, 7, 14), AsOfDate.Parse("2016-07-14"));

    [Theory]
    [InlineData("2013-02-30")]
    [InlineData("14.07.2016")]
    [InlineData("2016-7-14")]
    [InlineData("yesterday")]
    public void A_text_that_is_no_date_is_refused_naming_the_field_and_the_format(string text)
    {
        var error = Assert.Single(Assert.Throws<UserInputException>(() => AsOfDate.Parse(text)).Errors);
        Assert.Equal("asOf", error.Field);
        Assert.Contains("YYYY-MM-DD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_carry_the_date_beside_their_own_parameters()
    {
        var day = new DateOnly(2013, 12, 31);
        Assert.Equal("/holdings/x?asOf=2013-12-31", AsOfDate.Carry("/holdings/x", day));
        Assert.Equal("/paths?from=a&to=b&asOf=2013-12-31", AsOfDate.Carry(AnalystLinks.Paths("a", "b"), day));
        Assert.Equal("/holdings/x", AsOfDate.Carry("/holdings/x", null));
    }
}
