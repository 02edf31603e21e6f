using System.Text.Json;
using AssetTrace.Graph.Schema;
using nietras.SeparatedValues;

namespace AssetTrace.Requests.Lifecycle;

/// <summary>
/// The question catalogue (reference-data/request-questions.csv) and the checklist of what each
/// requested state's law requires (reference-data/state-requirements.json).
/// </summary>
public sealed class RequestCatalogue
{
    private RequestCatalogue(CodeList questions, IReadOnlyList<string> defaultItems, IReadOnlyDictionary<string, string[]> states, IReadOnlyDictionary<string, string> items)
    {
        Questions = questions;
        DefaultItems = defaultItems;
        States = states;
        Items = items;
    }

    public CodeList Questions { get; }

    public IReadOnlyList<string> DefaultItems { get; }

    public IReadOnlyDictionary<string, string[]> States { get; }

    /// <summary>Checklist items by code, with what each asks for.</summary>
    public IReadOnlyDictionary<string, string> Items { get; }

    public IReadOnlyList<string> RequirementsOf(string jurisdiction) =>
        States.TryGetValue(jurisdiction, out var items) ? items : DefaultItems;

    public static RequestCatalogue Load(string directory)
    {
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromFile(Path.Combine(directory, "request-questions.csv"));
        var questions = new CodeList("request-questions", [.. reader.Enumerate(row => new CodeListEntry(row[0].ToString(), row[1].ToString(), row[2].ToString()))]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "state-requirements.json")));
        var root = json.RootElement;
        return new RequestCatalogue(
            questions,
            [.. root.GetProperty("default").EnumerateArray().Select(e => e.GetString()!)],
            root.GetProperty("states").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray()),
            root.GetProperty("items").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
    }
}
