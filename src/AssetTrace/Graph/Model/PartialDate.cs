using System.Globalization;

namespace AssetTrace.Graph.Model;

/// <summary>
/// A date as precise as its source knows it: 1965-04-17, 1965-04 or 1965 (ISO 8601 reduced
/// precision). Registers, leaks and sanctions lists often give only the year of birth or of
/// incorporation; the graph keeps what was said and never makes up a day.
/// </summary>
public static class PartialDate
{
    public static bool IsValid(string value) => Normalise(value) == value;

    /// <summary>The value written as YYYY-MM-DD, YYYY-MM or YYYY; null when it is none of those.</summary>
    public static string? Normalise(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return text.Length switch
        {
            10 when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => Day(day),
            7 when DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) => Month(month),
            4 when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1 => text,
            _ => null,
        };
    }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Year(DateOnly date) => date.ToString("yyyy", CultureInfo.InvariantCulture);
}
