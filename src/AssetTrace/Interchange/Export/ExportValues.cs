using System.Globalization;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;

namespace AssetTrace.Interchange.Export;

/// <summary>The typed columns that node and edge properties become in flat formats (Neo4j CSV, GraphML).</summary>
public static class ExportValues
{
    /// <summary>Every property of the given kinds' definitions, with one type each (text when kinds disagree), in name order.</summary>
    public static IReadOnlyList<(string Name, string Type)> Columns(IEnumerable<IReadOnlyDictionary<string, PropertyDefinition>> definitions)
    {
        var types = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in definitions.SelectMany(d => d.Values))
        {
            var type = FlatType(definition.Type);
            types[definition.Name] = types.TryGetValue(definition.Name, out var known) && known != type ? "string" : type;
        }
        return [.. types.Select(t => (t.Key, t.Value))];
    }

    /// <summary>string, string[], date, float or boolean.</summary>
    public static string FlatType(string schemaType) => schemaType switch
    {
        "string[]" or "country[]" => "string[]",
        "date" => "date",
        "number" or "percent" => "float",
        "boolean" => "boolean",
        _ => "string",
    };

    /// <summary>The value of a property as text in the invariant culture; arrays joined by <paramref name="arraySeparator"/>.</summary>
    public static string? Text(JsonElement properties, string name, string arraySeparator)
    {
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            // The array delimiter cannot be escaped in neo4j-admin import: inside an element it becomes a comma.
            JsonValueKind.Array => string.Join(arraySeparator, value.EnumerateArray().Select(e => (e.GetString() ?? "").Replace(arraySeparator, ",", StringComparison.Ordinal))),
            _ => null,
        };
    }

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The provenance and validity columns every node and edge carries.</summary>
    public static IEnumerable<(string Name, string Type, string? Value)> Bookkeeping(Provenance p, DateOnly? validFrom, DateOnly? validTo, Stamp stamp) =>
    [
        ("validFrom", "date", Date(validFrom)),
        ("validTo", "date", Date(validTo)),
        ("source", "string", Codes.Of(p.Source)),
        ("sourceReference", "string", p.Reference),
        ("obtainedAt", "datetime", Instant(p.ObtainedAt)),
        ("recordedBy", "string", p.RecordedBy),
        ("restriction", "string", Codes.Of(p.Restriction)),
        ("restrictedToCase", "string", p.CaseId),
        ("version", "int", stamp.Version.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// The marking a restricted fact carries in formats with no column for it (BODS, FtM): an
    /// export only holds restricted facts its caller may see, and says so on each of them.
    /// </summary>
    public static string? RestrictionMarking(Provenance p) =>
        p.CaseId is null ? null : $"{MarkingPrefix}{p.CaseId}{MarkingSuffix}";

    private const string MarkingPrefix = "Restricted to case ";
    private const string MarkingSuffix = " (need-to-know): for its team, its supervisors and admins only.";

    /// <summary>
    /// The case a record's text marks it restricted to (see <see cref="RestrictionMarking"/>), or null. An import
    /// refuses such a record: it cannot restore who may see it, and taking it in as open would hand a case's
    /// intelligence to everyone.
    /// </summary>
    public static string? MarkedCase(string? text) =>
        text is not null && text.StartsWith(MarkingPrefix, StringComparison.Ordinal) && text.EndsWith(MarkingSuffix, StringComparison.Ordinal)
            ? text[MarkingPrefix.Length..^MarkingSuffix.Length]
            : null;

    /// <summary>Why a record marked restricted to <paramref name="caseId"/> is not imported.</summary>
    public static string MarkedRecordRefusal(string caseId) =>
        $"the file marks this record restricted to case {caseId}: imported, it would be open to every user, so it is left out. "
        + "Facts of a case are shared through the case, not by importing its exports.";
}
