using System.Text.Json;
using AssetTrace.Graph.Model;

namespace AssetTrace.Matching;

/// <summary>
/// What the matcher compares of a node read from the store: its name and alternate names, birth date,
/// country and identifiers. The match index reads nodes through it too (<see cref="MatchIndexProvider"/>).
/// </summary>
public static class MatchSubjects
{
    private static readonly string[] IdentifierProperties =
        ["personalId", "registrationNumber", "imoNumber", "vin", "registrationMark", "serialNumber", "isin", "iban", "titleNumber", "publicKey"];

    private static readonly string[] CountryProperties = ["nationality", "jurisdiction", "flag", "country"];

    public static MatchSubject Of(Node node) => Of(node.Name, node.Properties);

    /// <summary>A node's subject from its main name and its properties, as stored.</summary>
    public static MatchSubject Of(string name, JsonElement p)
    {
        var names = new List<string> { name };
        if (p.TryGetProperty("alternateNames", out var alternates) && alternates.ValueKind == JsonValueKind.Array)
        {
            names.AddRange(alternates.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!));
        }
        var identifiers = IdentifierProperties.Select(name => Text(p, name)).OfType<string>().ToList();
        var country = CountryProperties.Select(name => Text(p, name)).OfType<string>().FirstOrDefault();
        return new MatchSubject(names, Text(p, "birthDate"), country, identifiers.Count == 0 ? null : identifiers);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
