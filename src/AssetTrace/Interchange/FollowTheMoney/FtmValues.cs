using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssetTrace.Interchange.FollowTheMoney;

/// <summary>FtM property values: every property is a list of strings.</summary>
internal static class FtmValues
{
    public static IReadOnlyList<string> All(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(e => e.Length > 0)]
            : [];

    public static string? First(JsonElement properties, params string[] names) =>
        names.SelectMany(n => All(properties, n)).FirstOrDefault();

    public static void Put(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            target[name] = value;
        }
    }

    /// <summary>A country code as the model wants it: ISO 3166-1 alpha-2 in capitals (FtM writes "ru", "gb").</summary>
    public static string? Country(string? code) =>
        code is { Length: 2 } && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : null;

    /// <summary>FtM dates may be partial (YYYY, YYYY-MM) or date-times; the model keeps full dates only.</summary>
    public static (DateOnly? Full, string? Partial) Date(string? value)
    {
        if (value is null)
        {
            return (null, null);
        }
        var day = value.Length >= 10 ? value[..10] : value;
        return DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? (d, day) : (null, value);
    }

    /// <summary>A date as precise as the source gives it (1965-04-17, 1965-04, 1965), for properties that keep partial dates.</summary>
    public static string? KnownDate(string? value) =>
        Date(value).Full is { } day ? Graph.Model.PartialDate.Day(day) : Graph.Model.PartialDate.Normalise(value);

    public static string? FullDate(string? value) =>
        Date(value).Full?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static decimal? Number(string? value) =>
        value is not null && decimal.TryParse(value.Replace("%", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
}
