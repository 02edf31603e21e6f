namespace AssetTrace.Analytics.Engine;

/// <summary>
/// A date as its day number, in four bytes rather than a nullable date's eight (#18: the snapshot keeps two on every
/// node and edge). <see cref="None"/> stands for no date; no real day number is negative.
/// </summary>
internal static class Days
{
    public const int None = -1;

    public static DateOnly? Of(int day) => day == None ? null : DateOnly.FromDayNumber(day);

    public static int From(DateOnly? date) => date?.DayNumber ?? None;

    /// <summary>Whether the days from <paramref name="from"/> to <paramref name="to"/> (either open when None) hold the date; any do when there is none.</summary>
    public static bool Cover(int from, int to, DateOnly? date) =>
        date is not { } day || ((from == None || from <= day.DayNumber) && (to == None || to >= day.DayNumber));
}

/// <summary>A share as a plain double, NaN for unknown, rather than a nullable double's sixteen bytes (#18); a NaN given is unknown too.</summary>
internal static class Shares
{
    public static double? Of(double share) => double.IsNaN(share) ? null : share;

    public static double From(double? share) => share ?? double.NaN;
}
