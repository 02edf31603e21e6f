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
    public static MatchSubject Of(string name, JsonElement p) => Of(name, p, share: null);

    /// <summary>
    /// As <see cref="Of(string, JsonElement)"/>, with the lists sized to what they hold and the short repeated values
    /// (country, birth date) passed through <paramref name="share"/>: the match index keeps one subject per node.
    /// </summary>
    internal static MatchSubject Of(string name, JsonElement p, SharedStrings? share)
    {
        string[] names = p.TryGetProperty("alternateNames", out var alternates) && alternates.ValueKind == JsonValueKind.Array
            ? [name, .. alternates.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)]
            : [name];
        string[] identifiers = [.. IdentifierProperties.Select(name => Text(p, name)).OfType<string>()];
        var country = CountryProperties.Select(name => Text(p, name)).OfType<string>().FirstOrDefault();
        var birthDate = Text(p, "birthDate");
        return new MatchSubject(names, share?.Share(birthDate) ?? birthDate, share?.Share(country) ?? country, identifiers.Length == 0 ? null : identifiers);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
