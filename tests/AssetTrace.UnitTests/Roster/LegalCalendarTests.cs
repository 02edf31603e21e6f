using AssetTrace.Common;
using AssetTrace.Roster.Deadlines;
using Microsoft.Extensions.Time.Testing;

namespace AssetTrace.UnitTests.Roster;

public sealed class LegalCalendarTests
{
    private static readonly LegalCalendar Calendar = LegalCalendar.Load(Path.Combine(AppContext.BaseDirectory, "reference-data", "holidays-kz.csv"));

    [Theory]
    // Calendar months: the same day number of the month after.
    [InlineData("2026-11-30", 1, "2026-12-30")]
    // No 31 February: the month's last day; 28 February 2027 is a Sunday, so the next working day.
    [InlineData("2027-01-31", 1, "2027-03-01")]
    // 30 April 2026 has a 30th: three months from 30 January 2026.
    [InlineData("2026-01-30", 3, "2026-04-30")]
    // Lands on Saturday 9 January 2027: moves to Monday 11 January.
    [InlineData("2026-12-09", 1, "2027-01-11")]
    // Lands on Independence Day (Wednesday 16 December 2026): moves to Thursday.
    [InlineData("2026-11-16", 1, "2026-12-17")]
    // Lands on Sunday 21 March 2027, then the Nauryz days off (22–24 March): moves to Thursday 25 March.
    [InlineData("2027-02-21", 1, "2027-03-25")]
    public void A_deadline_counts_calendar_months_and_moves_past_weekends_and_holidays(string delivered, int months, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Calendar.Deadline(DateOnly.Parse(delivered, System.Globalization.CultureInfo.InvariantCulture), months));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void The_time_given_is_one_to_three_months(int months)
    {
        var error = Assert.Throws<UserInputException>(() => Calendar.Deadline(new DateOnly(2026, 11, 30), months));
        Assert.Equal("months", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void A_deadline_passes_at_the_end_of_its_day_in_Almaty()
    {
        var deadline = new DateOnly(2027, 3, 25);
        // 18:59 UTC is 23:59 in Almaty (UTC+5): still the last day.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 25, 18, 59, 0, TimeSpan.Zero));
        Assert.False(LegalCalendar.Passed(deadline, clock));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(LegalCalendar.Passed(deadline, clock));
        Assert.Equal(new DateTimeOffset(2027, 3, 25, 19, 0, 0, TimeSpan.Zero), LegalCalendar.EndOf(deadline));
    }
}
