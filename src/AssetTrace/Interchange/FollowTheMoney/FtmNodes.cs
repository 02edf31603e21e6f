using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;
using static AssetTrace.Interchange.FollowTheMoney.FtmValues;

namespace AssetTrace.Interchange.FollowTheMoney;

/// <summary>FtM thing schemata → node kinds and their properties.</summary>
internal static class FtmNodes
{
    public static List<ImportItem>? Node(string id, string schema, JsonElement p, RecordLocation at)
    {
        var o = new JsonObject();
        NodeKind kind;
        switch (schema)
        {
            case "Person":
                kind = NodeKind.Person;
                Names(o, p, true);
                Put(o, "birthDate", KnownDate(First(p, "birthDate")));
                Put(o, "nationality", Country(First(p, "nationality", "citizenship", "country")));
                Put(o, "personalId", First(p, "innCode", "idNumber", "taxNumber"));
                Put(o, "position", First(p, "position"));
                if (All(p, "topics").Contains("role.pep"))
                {
                    o["politicallyExposed"] = true;
                }
                break;
            case "Company" or "Organization" or "LegalEntity" or "PublicBody":
                kind = NodeKind.Company;
                Names(o, p, true);
                Put(o, "jurisdiction", Country(First(p, "jurisdiction", "country")));
                Put(o, "registrationNumber", First(p, "registrationNumber", "ogrnCode", "innCode"));
                Put(o, "incorporationDate", KnownDate(First(p, "incorporationDate")));
                Put(o, "dissolutionDate", KnownDate(First(p, "dissolutionDate")));
                var legalForm = First(p, "legalForm");
                Put(o, "legalForm", schema == "PublicBody" ? "state_body" : legalForm is "company" or "partnership" or "trust" or "foundation" or "state_body" or "other" ? legalForm : null);
                break;
            case "Address":
                kind = NodeKind.Address;
                Put(o, "name", First(p, "full") ?? string.Join(", ", new[] { First(p, "street"), First(p, "postalCode"), First(p, "city"), First(p, "region") }.OfType<string>()));
                Put(o, "country", Country(First(p, "country")));
                Put(o, "city", First(p, "city"));
                Put(o, "postalCode", First(p, "postalCode"));
                break;
            case "RealEstate":
                kind = NodeKind.RealEstate;
                Put(o, "name", First(p, "name", "address", "registrationNumber", "cadastralCode"));
                Put(o, "country", Country(First(p, "country")));
                Put(o, "titleNumber", First(p, "titleNumber", "cadastralCode", "registrationNumber"));
                Put(o, "propertyType", First(p, "propertyType"));
                break;
            case "BankAccount":
                kind = NodeKind.BankAccount;
                Put(o, "name", First(p, "name", "accountNumber", "iban"));
                Put(o, "iban", First(p, "iban"));
                Put(o, "bankName", First(p, "bankName"));
                Put(o, "bic", First(p, "swiftBic"));
                Put(o, "country", Country(First(p, "country")));
                break;
            case "Vessel":
                kind = NodeKind.Vessel;
                Put(o, "name", First(p, "name", "imoNumber"));
                Put(o, "imoNumber", First(p, "imoNumber"));
                Put(o, "flag", Country(First(p, "flag")));
                Put(o, "vesselType", First(p, "type"));
                break;
            case "Airplane":
                kind = NodeKind.Aircraft;
                Put(o, "name", First(p, "name", "registrationNumber"));
                Put(o, "registrationMark", First(p, "registrationNumber"));
                Put(o, "serialNumber", First(p, "serialNumber"));
                Put(o, "country", Country(First(p, "country")));
                break;
            case "Vehicle":
                kind = NodeKind.Vehicle;
                Put(o, "name", First(p, "name", "registrationNumber"));
                Put(o, "registrationNumber", First(p, "registrationNumber"));
                Put(o, "country", Country(First(p, "country")));
                break;
            case "Security":
                kind = NodeKind.Securities;
                Put(o, "name", First(p, "name", "isin"));
                Put(o, "isin", First(p, "isin"));
                break;
            case "CryptoWallet":
                kind = NodeKind.CryptoWallet;
                Put(o, "name", First(p, "name", "publicKey"));
                Put(o, "publicKey", First(p, "publicKey"));
                Put(o, "currencySymbol", First(p, "currencySymbol", "currency"));
                break;
            default:
                return null;
        }
        if (kind is not (NodeKind.Person or NodeKind.Company or NodeKind.Address) && Number(First(p, "amount")) is { } amount)
        {
            // FtM's Value of an asset: the amount and the currency it is in.
            o["value"] = amount;
            Put(o, "valueCurrency", First(p, "currency")?.ToUpperInvariant());
        }
        if (!o.ContainsKey("name"))
        {
            return [new BadRecord(at, $"the {schema} has no name (nor another property to name it by).")];
        }
        var items = new List<ImportItem> { new NodeRecord(at, id, kind, o) };
        if (kind is NodeKind.Person or NodeKind.Company)
        {
            // addressEntity links a person or company to an Address entity of the same file.
            var n = 0;
            foreach (var address in All(p, "addressEntity"))
            {
                items.Add(new EdgeRecord(at, $"{id}/registered-at.{n++}", EdgeKind.RegisteredAt, id, address, [])
                {
                    IgnoreIfDangling = "FtM addressEntity naming an Address that is not in the file",
                });
            }
        }
        return items;
    }

    private static void Names(JsonObject o, JsonElement p, bool alternates)
    {
        var names = All(p, "name");
        if (names.Count == 0)
        {
            return;
        }
        o["name"] = names[0];
        var others = names.Skip(1).Concat(All(p, "alias")).Concat(All(p, "previousName")).Where(n => n != names[0]).Distinct(StringComparer.Ordinal).ToList();
        if (alternates && others.Count > 0)
        {
            o["alternateNames"] = new JsonArray([.. others.Select(a => (JsonNode)a)]);
        }
    }
}
