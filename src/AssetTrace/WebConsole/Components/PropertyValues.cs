using System.Text.Json;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;

namespace AssetTrace.WebConsole.Components;

/// <summary>A node's properties as rows to show, split into identifiers (graph-schema's "identifier" texts) and the rest.</summary>
public static class PropertyValues
{
    public sealed record Row(string Name, string Value, string? Description);

    public static (List<Row> Identifiers, List<Row> Others) Split(GraphSchema schema, Node node)
    {
        var definitions = schema.Nodes.TryGetValue(node.Kind, out var kind) ? kind.Properties : new Dictionary<string, PropertyDefinition>();
        var identifiers = new List<Row>();
        var others = new List<Row>();
        if (node.Properties.ValueKind != JsonValueKind.Object)
        {
            return (identifiers, others);
        }
        foreach (var property in node.Properties.EnumerateObject())
        {
            definitions.TryGetValue(property.Name, out var definition);
            var row = new Row(property.Name, Show(property.Value), definition?.Description);
            (definition is { IsText: true, Text: TextKind.Identifier } ? identifiers : others).Add(row);
        }
        return (identifiers, others);
    }

    public static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(Show)),
        JsonValueKind.True => "✓",
        JsonValueKind.False => "✗",
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    public static string Share(ShareRange? share) => share switch
    {
        null => "",
        { IsExact: true } exact => $"{exact.Low:0.##} %",
        var range => $"{range.Value.Low:0.##}–{range.Value.High:0.##} %",
    };

    public static string Period(DateOnly? from, DateOnly? to) =>
        from is null && to is null ? "" : $"{from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"} – {to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"}";
}
