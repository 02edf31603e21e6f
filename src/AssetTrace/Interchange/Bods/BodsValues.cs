using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AssetTrace.Interchange.Bods;

/// <summary>A statement that breaks the standard; the reader reports it as a bad record.</summary>
public sealed class BodsException(string message) : Exception(message);

/// <summary>Small readers of BODS values shared by 0.3 and 0.4.</summary>
internal static partial class BodsValues
{
    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!.Trim() : null;

    public static JsonElement? Child(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    public static string Required(JsonElement e, string name, string path) =>
        Text(e, name) ?? throw new BodsException($"{path}.{name} is required.");

    public static string Code(JsonElement e, string name, string path, IReadOnlySet<string> allowed)
    {
        var value = Required(e, name, path);
        return allowed.Contains(value) ? value : throw new BodsException($"{path}.{name} '{value}' is not one of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
    }

    /// <summary>A BODS date: YYYY-MM-DD, YYYY-MM or YYYY (birth dates), or a date-time (statement dates).</summary>
    public static (DateOnly? Full, string? Partial) Date(string? value, string path)
    {
        if (value is null)
        {
            return (null, null);
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            return (full, value);
        }
        if (PartialDate().IsMatch(value))
        {
            return (null, value);
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return (DateOnly.FromDateTime(instant.UtcDateTime), value);
        }
        throw new BodsException($"{path} '{value}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY).");
    }

    public static DateOnly? FullDate(string? value, string path) => Date(value, path).Full;

    /// <summary>A date as precise as the statement gives it (1965-04-17, 1965-04, 1965), for properties that keep partial dates.</summary>
    public static string? KnownDate(string? value, string path) =>
        Date(value, path) switch
        {
            ({ } day, _) => Graph.Model.PartialDate.Day(day),
            (null, var partial) => partial,
        };

    public static string? Country(JsonElement? e)
    {
        if (e is not { } element)
        {
            return null;
        }
        var code = element.ValueKind == JsonValueKind.String ? element.GetString() : Text(element, "code");
        return code?.Trim().ToUpperInvariant();
    }

    public static void Put(JsonObject properties, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            properties[name] = value;
        }
    }

    public static void Put(JsonObject properties, string name, DateOnly? value)
    {
        if (value is { } date)
        {
            properties[name] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    [GeneratedRegex(@"^\d{4}(-\d{2})?$")]
    private static partial Regex PartialDate();
}
