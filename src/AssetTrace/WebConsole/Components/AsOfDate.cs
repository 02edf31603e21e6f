using System.Globalization;
using AssetTrace.Common;

namespace AssetTrace.WebConsole.Components;

/// <summary>
/// The "as of" date that applies to a whole page (#13): the query parameter <c>?asOf=YYYY-MM-DD</c>,
/// set by the control in the layout and carried by the console's links. Every page reads it through
/// <see cref="ConsolePage"/>; a date that does not parse is an error that names the field.
/// </summary>
public static class AsOfDate
{
    public const string QueryName = "asOf";

    private const string Format = "yyyy-MM-dd";

    /// <returns>The date, or null when none is given (today).</returns>
    /// <exception cref="UserInputException">The text is not a date written as YYYY-MM-DD.</exception>
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        throw new UserInputException(QueryName, $"'{text}' is not a date; write it as YYYY-MM-DD (for example 2016-01-31), or clear it for today.");
    }

    public static string Show(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The link with the as-of date added, so the next page shows the same day.</summary>
    public static string Carry(string link, DateOnly? asOf) =>
        asOf is not { } date ? link : link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + QueryName + "=" + Show(date);
}
