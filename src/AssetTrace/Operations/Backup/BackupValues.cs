using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AssetTrace.Storage;

namespace AssetTrace.Operations.Backup;

/// <summary>
/// How one stored value is written in a backup and read back, the same whichever store it came from:
/// text and whole numbers as JSON strings and numbers, true/false as JSON booleans, and the rest as a
/// one-key object that names its kind (<c>{"t": instant}</c>, <c>{"date": …}</c>, <c>{"d": decimal}</c>,
/// <c>{"f": double}</c>, <c>{"b": base64}</c>), so that nothing depends on how JSON numbers are parsed and a
/// SQLite backup restores into PostgreSQL and the other way round (#19).
/// </summary>
public static class BackupValues
{
    public static void Write(Utf8JsonWriter json, DbDataReader reader, int ordinal, StoreKind source)
    {
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNullValue();
            return;
        }
        if (source == StoreKind.Sqlite)
        {
            // SQLite's values carry their own type (its columns only have an affinity).
            switch (reader.GetValue(ordinal))
            {
                case long whole: json.WriteNumberValue(whole); break;
                case double real: Tagged(json, "f", real.ToString("R", CultureInfo.InvariantCulture)); break;
                case byte[] bytes: Tagged(json, "b", Convert.ToBase64String(bytes)); break;
                case var other: json.WriteStringValue(Convert.ToString(other, CultureInfo.InvariantCulture)); break;
            }
            return;
        }
        switch (reader.GetDataTypeName(ordinal))
        {
            case "text" or "character varying" or "character" or "jsonb" or "json" or "uuid" or "name":
                json.WriteStringValue(reader.GetValue(ordinal).ToString());
                break;
            case "smallint" or "integer" or "bigint":
                json.WriteNumberValue(Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture));
                break;
            case "boolean":
                json.WriteBooleanValue(reader.GetBoolean(ordinal));
                break;
            case "numeric":
                Tagged(json, "d", reader.GetDecimal(ordinal).ToString(CultureInfo.InvariantCulture));
                break;
            case "double precision" or "real":
                Tagged(json, "f", reader.GetDouble(ordinal).ToString("R", CultureInfo.InvariantCulture));
                break;
            case "bytea":
                Tagged(json, "b", Convert.ToBase64String(reader.GetFieldValue<byte[]>(ordinal)));
                break;
            case "timestamp with time zone":
                Tagged(json, "t", Instant(reader.GetFieldValue<DateTimeOffset>(ordinal)));
                break;
            case "date":
                Tagged(json, "date", reader.GetFieldValue<DateOnly>(ordinal).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case var type:
                throw new NotSupportedException(
                    $"Column {reader.GetName(ordinal)} has the PostgreSQL type '{type}', which backups do not carry yet: add it to {nameof(BackupValues)}.");
        }
    }

    /// <summary>The value a row held, as .NET reads it back: null, long, bool, string, decimal, double, byte[], DateTimeOffset or DateOnly.</summary>
    public static object? Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => element.GetInt64(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object => ReadTagged(element),
        _ => throw new FormatException($"a value of kind {element.ValueKind} is not one a backup holds"),
    };

    private static object ReadTagged(JsonElement element)
    {
        var property = element.EnumerateObject().Single();
        var text = property.Value.GetString() ?? throw new FormatException($"'{property.Name}' holds no text");
        return property.Name switch
        {
            "t" => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            "date" => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "d" => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            "f" => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            "b" => Convert.FromBase64String(text),
            _ => throw new FormatException($"'{property.Name}' is not a kind of value a backup holds"),
        };
    }

    /// <summary>The canonical text of an instant: UTC with microseconds, what both stores keep.</summary>
    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Tagged(Utf8JsonWriter json, string kind, string text)
    {
        json.WriteStartObject();
        json.WriteString(kind, text);
        json.WriteEndObject();
    }
}
