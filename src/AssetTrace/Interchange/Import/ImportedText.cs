using System.Buffers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// Files from outside break lines where the source's layout did: an ICIJ address starts with a tab,
/// an FtM name may hold a line break. Every text property of the graph is one line, so before an
/// imported record is validated its tabs and line breaks become a space. Nothing else is changed:
/// a record with any other control character or a bidirectional override, or a text over its
/// length, is refused like typed-in input and the run reports it with its place in the file (#11).
/// </summary>
internal static partial class ImportedText
{
    private static readonly SearchValues<char> LayoutBreaks = SearchValues.Create("\t\r\n");

    /// <summary>Folds the layout breaks in the record's text values, in place, and returns the same object.</summary>
    public static JsonObject Fold(JsonObject properties)
    {
        // Most records have none: look first, and allocate only for the few that do.
        List<(string Name, string Text)>? changes = null;
        foreach (var (name, value) in properties)
        {
            switch (value)
            {
                case JsonValue text when text.TryGetValue<string>(out var s) && s.AsSpan().ContainsAny(LayoutBreaks):
                    (changes ??= []).Add((name, Folded(s)));
                    break;
                case JsonArray list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is JsonValue item && item.TryGetValue<string>(out var t) && t.AsSpan().ContainsAny(LayoutBreaks))
                        {
                            list[i] = Folded(t);
                        }
                    }
                    break;
            }
        }
        foreach (var (name, text) in changes ?? [])
        {
            properties[name] = text;
        }
        return properties;
    }

    private static string Folded(string text) => Breaks().Replace(text, " ").Trim();

    [GeneratedRegex(@" *[\t\r\n][\t\r\n ]*")]
    private static partial Regex Breaks();
}
