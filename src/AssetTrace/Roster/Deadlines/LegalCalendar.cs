using System.Globalization;
using AssetTrace.Common;

namespace AssetTrace.Roster.Deadlines;

/// <summary>
/// Legal deadlines of the roster, as the Civil Code of Kazakhstan counts terms (#16):
/// <list type="bullet">
/// <item>A term of N months runs from the day after the notice is delivered and ends on the day of
/// the N-th month after delivery with the same number as the delivery day; when that month has no
/// such day (delivered on 31 January, one month), it ends on the month's last day.</item>
/// <item>When that last day is a non-working day (a Saturday, a Sunday or a day off in
/// reference-data/holidays-kz.csv), the term ends on the next working day.</item>
/// <item>A term ends at the end of its last day in Almaty: it has passed once the date in Almaty is later.</item>
/// </list>
/// </summary>
public sealed class LegalCalendar
{
    /// <summary>Kazakhstan keeps one time zone, UTC+5, since 1 March 2024; the IANA zone is used when the system has it.</summary>
    private static readonly TimeZoneInfo Almaty = FindAlmaty();

    private readonly HashSet<DateOnly> _daysOff;

    public LegalCalendar(IEnumerable<DateOnly> daysOff) => _daysOff = [.. daysOff];

    public IReadOnlySet<DateOnly> DaysOff => _daysOff;

    /// <summary>Reads date,title lines; a file that cannot be read stops the start with the line named.</summary>
    public static LegalCalendar Load(string path)
    {
        var days = new List<DateOnly>();
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)).Skip(1).Where(l => !string.IsNullOrWhiteSpace(l.l)))
        {
            var date = line.Split(',', 2)[0];
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new InvalidOperationException($"{path}, line {number}: '{date}' is not a date (yyyy-MM-dd).");
            }
            days.Add(day);
        }
        return new LegalCalendar(days);
    }

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.Contains(day);

    /// <summary>The last day of a term of <paramref name="months"/> calendar months from delivery on <paramref name="deliveredOn"/>.</summary>
    public DateOnly Deadline(DateOnly deliveredOn, int months)
    {
        if (months is < 1 or > 3)
        {
            throw new UserInputException("months", $"the time to prove legality is one to three months, got {months}.");
        }
        // AddMonths keeps the day number and falls back to the month's last day, as the law counts.
        var day = deliveredOn.AddMonths(months);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    /// <summary>Today in Almaty, the day the law's terms are counted in.</summary>
    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    /// <summary>The day in Almaty an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Almaty).DateTime);

    /// <summary>Whether a term ending on <paramref name="deadlineOn"/> has passed.</summary>
    public static bool Passed(DateOnly deadlineOn, TimeProvider clock) => Today(clock) > deadlineOn;

    /// <summary>The first instant after the term (midnight in Almaty after its last day), when the clock acts.</summary>
    public static DateTimeOffset EndOf(DateOnly deadlineOn)
    {
        var midnight = deadlineOn.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Almaty.GetUtcOffset(midnight));
    }

    private static TimeZoneInfo FindAlmaty() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Almaty", out var zone) && zone.BaseUtcOffset == TimeSpan.FromHours(5)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Kazakhstan", TimeSpan.FromHours(5), "Kazakhstan (UTC+5)", "Kazakhstan (UTC+5)");
}
