using System.Globalization;
using AssetTrace.Common;

namespace AssetTrace.Matching.Screening;

/// <summary>
/// What a screening list may hold (#14): how many rows, and in each a name as a search takes it, a birth
/// date, a country code and an identifier that are what they say. Every fault is reported, each naming
/// its row and column the way the caller's input names them, and nothing is screened while one remains.
/// </summary>
public static class ScreenRowChecks
{
    /// <summary>The most rows one call screens: at about a millisecond a row, half a minute on two cores.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The most matches a row may ask for.</summary>
    public const int MaxTop = 20;

    private const int MaxIdentifierLength = 64;
    private const int MaxErrors = 50;

    /// <param name="field">Names a column of a row for a message: (row number, column) to "names[2].birthDate" or "row 3, column birthDate".</param>
    /// <param name="list">Names the whole list for a message: the argument or the file.</param>
    public static void Check(IReadOnlyList<ScreenRow> rows, int top, string list, Func<int, string, string> field)
    {
        if (top is < 1 or > MaxTop)
        {
            throw new UserInputException("top", $"must be between 1 and {MaxTop}, got {top}.");
        }
        if (rows.Count == 0)
        {
            throw new UserInputException(list, "holds no names; give at least one row to screen.");
        }
        if (rows.Count > MaxRows)
        {
            throw new UserInputException(list, $"holds {rows.Count:N0} rows; one screening takes at most {MaxRows:N0}: split the list.");
        }
        var errors = new List<FieldError>();
        foreach (var row in rows)
        {
            Check(row, field, errors);
            if (errors.Count >= MaxErrors)
            {
                errors.Add(new FieldError(list, $"more faults follow; the first {MaxErrors} are listed."));
                break;
            }
        }
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
    }

    private static void Check(ScreenRow row, Func<int, string, string> field, List<FieldError> errors)
    {
        if (row.Name.Length > NameSearch.MaxQueryLength)
        {
            errors.Add(new FieldError(field(row.Number, "name"), $"is {row.Name.Length} characters long; a name takes at most {NameSearch.MaxQueryLength}."));
        }
        else if (ParsedName.Parse(row.Name).Words.Count == 0)
        {
            errors.Add(new FieldError(field(row.Number, "name"), "is empty; give a name with at least one letter or digit."));
        }
        if (row.BirthDate is { } date && !IsBirthDate(date))
        {
            errors.Add(new FieldError(field(row.Number, "birthDate"), $"'{date}' is not a date written YYYY-MM-DD, YYYY-MM or YYYY."));
        }
        if (row.Country is { } country && !(country.Length == 2 && country.All(char.IsAsciiLetter)))
        {
            errors.Add(new FieldError(field(row.Number, "country"), $"'{country}' is not a two-letter country code (ISO 3166-1, e.g. KZ)."));
        }
        if (row.Identifier is { } identifier && (identifier.Length > MaxIdentifierLength || Evidence.Normalise(identifier).Length == 0))
        {
            errors.Add(new FieldError(field(row.Number, "identifier"), $"must hold letters or digits and be at most {MaxIdentifierLength} characters long."));
        }
    }

    private static bool IsBirthDate(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>A cell left blank is absent, not an empty value.</summary>
    public static string? Present(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
