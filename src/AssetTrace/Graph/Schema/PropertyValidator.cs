using System.Globalization;
using System.Text.Json;
using AssetTrace.Common;

namespace AssetTrace.Graph.Schema;

/// <summary>Checks a properties object against the property definitions of its kind.</summary>
public sealed class PropertyValidator(GraphSchema schema)
{
    public void Validate(
        string field,
        string kindName,
        IReadOnlyDictionary<string, PropertyDefinition> definitions,
        JsonElement properties,
        List<FieldError> errors)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(field, $"must be a JSON object, got {properties.ValueKind}."));
            return;
        }

        foreach (var property in properties.EnumerateObject())
        {
            if (!definitions.TryGetValue(property.Name, out var definition))
            {
                errors.Add(new FieldError($"{field}.{Shown(property.Name)}",
                    $"is not a property of {kindName}; known properties: {string.Join(", ", definitions.Keys)}."));
                continue;
            }
            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                CheckValue($"{field}.{property.Name}", definition, property.Value, errors);
            }
        }

        foreach (var definition in definitions.Values.Where(d => d.Required))
        {
            if (!properties.TryGetProperty(definition.Name, out var value)
                || value.ValueKind == JsonValueKind.Null
                || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
            {
                errors.Add(new FieldError($"{field}.{definition.Name}", $"is required for {kindName}."));
            }
        }
    }

    private void CheckValue(string field, PropertyDefinition definition, JsonElement value, List<FieldError> errors)
    {
        var type = definition.Type;
        string? problem = type switch
        {
            "string" => value.ValueKind == JsonValueKind.String ? null : "must be text.",
            "string[]" => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                ? null : "must be a list of text values.",
            "number" => value.ValueKind == JsonValueKind.Number ? null : "must be a number.",
            "percent" => CheckPercent(value),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false.",
            "date" => value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null : $"must be a date written YYYY-MM-DD, got {Shown(value)}.",
            "partial-date" => value.ValueKind == JsonValueKind.String && Model.PartialDate.IsValid(value.GetString()!)
                ? null : $"must be a date written YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is not known; got {Shown(value)}.",
            "country" => value.ValueKind == JsonValueKind.String && IsCountryCode(value.GetString()!)
                ? null : $"must be an ISO 3166-1 alpha-2 country code in capitals, such as KZ or GB; got {Shown(value)}.",
            "country[]" => value.ValueKind == JsonValueKind.Array && value.GetArrayLength() <= MaxCountries
                && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String && IsCountryCode(e.GetString()!))
                ? null : $"must be a list of at most {MaxCountries} ISO 3166-1 alpha-2 country codes in capitals, such as [\"ZA\", \"GB\"]; got {Shown(value)}.",
            "currency" => value.ValueKind == JsonValueKind.String && IsCurrencyCode(value.GetString()!)
                ? null : $"must be an ISO 4217 currency code in capitals, such as USD or KZT; got {Shown(value)}.",
            _ when schema.CodeLists.TryGetValue(type, out var list) => value.ValueKind == JsonValueKind.String && list.Contains(value.GetString()!)
                ? null : $"must be one of {string.Join(", ", list.Codes)} (graph-schema/codelists/{type}.csv); got {Shown(value)}.",
            _ => $"has type '{type}', which graph-schema/codelists/property-type.csv does not define.",
        };
        if (problem is not null)
        {
            errors.Add(new FieldError(field, problem));
        }
        else if (definition.IsText)
        {
            CheckText(field, definition, value, errors);
        }
    }

    /// <summary>Length and characters of a text, or of each text of a list, as its graph-schema file declares them.</summary>
    private static void CheckText(string field, PropertyDefinition definition, JsonElement value, List<FieldError> errors)
    {
        var maxLength = definition.MaxLength ?? 0;
        if (value.ValueKind == JsonValueKind.String)
        {
            TextHygiene.Check(field, value.GetString(), definition.Text, maxLength, errors);
            return;
        }
        var count = value.GetArrayLength();
        if (count > definition.MaxItems)
        {
            errors.Add(new FieldError(field, $"has {count} values; at most {definition.MaxItems} are allowed."));
            return;
        }
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            TextHygiene.Check($"{field}[{index++}]", item.GetString(), definition.Text, maxLength, errors);
        }
    }

    /// <summary>Input echoed in a message: a few dozen characters, never a megabyte.</summary>
    private static string Shown(string text) => text.Length <= 64 ? text : $"{text[..64]}…";

    private static string Shown(JsonElement value) => Shown(value.GetRawText());

    private static string? CheckPercent(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && d is >= 0 and <= 100
            ? null
            : $"must be a share between 0 and 100, got {Shown(value)}.";

    private static readonly HashSet<string> Countries = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
        .OfType<string>()
        .Where(code => code.Length == 2)
        // Territories that matter in asset tracing but have no culture of their own.
        .Concat(["VG", "KY", "BM", "JE", "GG", "IM", "GI", "TC", "AI", "MS", "KN", "VC", "LC", "AG", "BS", "BZ", "SC", "MH", "WS", "VU", "CK", "NU", "LR", "PA", "XK"])
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>More than every country there is: a longer list is not a list of countries.</summary>
    private const int MaxCountries = 300;

    private static bool IsCountryCode(string code) => Countries.Contains(code);

    private static bool IsCurrencyCode(string code) =>
        code.Length == 3 && code.All(char.IsAsciiLetterUpper);
}
