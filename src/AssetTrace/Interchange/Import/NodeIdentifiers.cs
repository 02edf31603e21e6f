using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// The identifiers that make two records the same node, whatever source they come from:
/// a registration number within its jurisdiction, a national id (IIN/BIN), an IMO number, an IBAN, …
/// Keys are normalised (capitals, no spaces or punctuation, an IMO number without its "IMO" prefix)
/// so that "IMO 9 123 456", "imo9123456" and "9123456" are one key.
/// </summary>
public static class NodeIdentifiers
{
    public static IReadOnlyList<string> Of(NodeKind kind, JsonElement properties) =>
        properties.ValueKind != JsonValueKind.Object
            ? []
            : Of(kind, name => properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null);

    /// <summary>The same for a record's properties before they are serialised (a chunk's read-ahead asks this of every node record).</summary>
    public static IReadOnlyList<string> Of(NodeKind kind, JsonObject properties) =>
        Of(kind, name => properties[name] switch
        {
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonSerializer.SerializeToElement(v).GetString(),
            _ => null,
        });

    private static List<string> Of(NodeKind kind, Func<string, string?> text)
    {
        var keys = new List<string>();
        string? Get(string name) => text(name) is { } value ? Normalise(value) : null;
        void Add(string prefix, string? value, string? scope = null)
        {
            if (!string.IsNullOrEmpty(value))
            {
                keys.Add(scope is null ? $"{prefix}:{value}" : $"{prefix}:{scope}:{value}");
            }
        }
        switch (kind)
        {
            case NodeKind.Company when Get("jurisdiction") is { } jurisdiction:
                Add("reg", Get("registrationNumber"), jurisdiction);
                break;
            case NodeKind.Person:
                // A national id (Kazakh IIN, Russian INN) is unique on its own; the nationality is often missing.
                Add("pid", Get("personalId"));
                break;
            case NodeKind.Vessel:
                // Registers write "IMO 9876543" and "9876543" alike: the number is the key.
                var imo = Get("imoNumber");
                Add("imo", imo is not null && imo.StartsWith("IMO", StringComparison.Ordinal) ? imo[3..] : imo);
                break;
            case NodeKind.BankAccount:
                Add("iban", Get("iban"));
                break;
            case NodeKind.Securities:
                Add("isin", Get("isin"));
                break;
            case NodeKind.Vehicle:
                Add("vin", Get("vin"));
                break;
            case NodeKind.Aircraft:
                Add("tail", Get("registrationMark"));
                break;
            case NodeKind.CryptoWallet:
                Add("wallet", Get("publicKey"));
                break;
            case NodeKind.RealEstate when Get("country") is { } country:
                Add("title", Get("titleNumber"), country);
                break;
        }
        return keys;
    }

    public static string Normalise(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }
        return builder.ToString();
    }
}
