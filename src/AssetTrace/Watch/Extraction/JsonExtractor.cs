using System.Text.Json;
using AssetTrace.Watch.Sources;

namespace AssetTrace.Watch.Extraction;

/// <summary>
/// A JSON API's answer: the records are the array at the item path (members joined by dots, e.g.
/// "data.results"; the root when absent), each property the member at its own dotted path; the element
/// is the JSON path of the value ("$.data.results[3].name").
/// </summary>
public static class JsonExtractor
{
    public static PageExtract Extract(string json, RecordMapping mapping)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        var (items, itemsPath) = Resolve(document.RootElement, mapping.Item, "$");
        if (items is not { ValueKind: JsonValueKind.Array } array)
        {
            return PageExtract.Empty;
        }
        var records = new List<ExtractedRecord>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{itemsPath}[{index++}]";
            var values = new List<ExtractedValue>();
            foreach (var (property, selector) in mapping.Properties)
            {
                var (value, path) = Resolve(item, selector, itemPath);
                if (value is { ValueKind: JsonValueKind.String or JsonValueKind.Number } v && v.ToString().Trim() is { Length: > 0 } text)
                {
                    values.Add(new ExtractedValue(property, HtmlExtractor.Clean(text), path));
                }
            }
            if (values.Count > 0)
            {
                records.Add(new ExtractedRecord(itemPath, values));
            }
        }
        return new PageExtract(records, []);
    }

    private static (JsonElement? Value, string Path) Resolve(JsonElement root, string? dotted, string path)
    {
        var current = root;
        foreach (var member in (dotted ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(member, out current))
            {
                return (null, path);
            }
            path += "." + member;
        }
        return (current, path);
    }
}
