using System.Text;
using System.Text.Json;
using AssetTrace.Graph.Model;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// The identifiers that make two records the same node, whatever source they come from:
/// a registration number within its jurisdiction, a national id (IIN/BIN), an IMO number, an IBAN, …
/// Keys are normalised (capitals, no spaces or punctuation) so that "IMO 9 123 456" is "9123456".
/// </summary>
public static class NodeIdentifiers
{
    public static IReadOnlyList<string> Of(NodeKind kind, JsonElement properties)
    {
        var keys = new List<string>();
        if (properties.ValueKind != JsonValueKind.Object)
        {
            return keys;
        }
        string? Get(string name) =>
            properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Normalise(v.GetString()!) : null;
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
                Add("imo", Get("imoNumber"));
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
