using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;
using static AssetTrace.Interchange.Bods.BodsValues;

namespace AssetTrace.Interchange.Bods;

/// <summary>Entity and person details, shared by 0.3 (top level) and 0.4 (recordDetails).</summary>
internal static class BodsParties
{
    public static List<ImportItem> Entity(string recordId, JsonElement d, RecordLocation at, JsonElement? jurisdiction)
    {
        var type = Text(d, "entityType") ?? (Child(d, "entityType") is { } et ? Text(et, "type") : null);
        var subtype = Child(d, "entityType") is { ValueKind: JsonValueKind.Object } o ? Text(o, "subtype") : null;
        if (type is not null && !BodsCodes.EntityTypes.Contains(type))
        {
            throw new BodsException($"entityType '{type}' is not one of {string.Join(", ", BodsCodes.EntityTypes.Order(StringComparer.Ordinal))}.");
        }
        if (subtype is not null && (!BodsCodes.Subtypes.TryGetValue(subtype, out var parents) || type is null || !parents.Contains(type)))
        {
            throw new BodsException($"entityType.subtype '{subtype}' does not go with entityType '{type}'.");
        }
        var name = Text(d, "name") ?? type switch
        {
            "anonymousEntity" => "Anonymous entity",
            "unknownEntity" => "Unknown entity",
            // BODS does not require a name; the graph does, so the record names itself.
            _ => $"Unnamed entity {recordId}",
        };
        var properties = new JsonObject { ["name"] = name };
        var alternates = Array(d, "alternateNames").Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).Where(a => a != name).ToList();
        if (alternates.Count > 0)
        {
            properties["alternateNames"] = new JsonArray([.. alternates.Select(a => (JsonNode)a)]);
        }
        Put(properties, "legalForm", (type, subtype) switch
        {
            (_, "trust") => "trust",
            ("arrangement", _) => "other",
            ("state" or "stateBody", _) => "state_body",
            ("registeredEntity" or "legalEntity", _) => "company",
            _ => null,
        });
        var country = Country(jurisdiction);
        var identifier = Array(d, "identifiers").FirstOrDefault(i => Text(i, "id") is not null);
        if (identifier.ValueKind == JsonValueKind.Object)
        {
            // Schemes are org-id.guide codes such as GB-COH: the prefix is the registering country.
            var scheme = Text(identifier, "scheme");
            country ??= scheme is { Length: > 3 } && scheme[2] == '-' ? scheme[..2].ToUpperInvariant() : null;
            Put(properties, "registrationNumber", Text(identifier, "id"));
            // Kept as given, so the export names the same register (#12).
            Put(properties, "registrationScheme", scheme);
            Put(properties, "registrationSchemeName", Text(identifier, "schemeName"));
        }
        if (country is { Length: > 6 })
        {
            throw new BodsException($"jurisdiction code '{country}' is longer than an ISO 3166-2 code (6 characters).");
        }
        // An ISO 3166-2 subdivision (US-DE) stands for its country in the model.
        if (country is { Length: > 3 } && country[2] == '-')
        {
            country = country[..2];
        }
        if (country is not null && country.Length != 2)
        {
            throw new BodsException($"jurisdiction code '{country}' is not an ISO 3166-1 alpha-2 code.");
        }
        Put(properties, "jurisdiction", country);
        Put(properties, "incorporationDate", KnownDate(Text(d, "foundingDate"), "foundingDate"));
        Put(properties, "dissolutionDate", KnownDate(Text(d, "dissolutionDate"), "dissolutionDate"));
        var items = new List<ImportItem> { new NodeRecord(at, recordId, NodeKind.Company, properties) };
        items.AddRange(Addresses(recordId, d, at));
        return items;
    }

    public static List<ImportItem> Person(string recordId, JsonElement d, RecordLocation at, bool? pep)
    {
        var personType = Text(d, "personType");
        if (personType is not null && !BodsCodes.PersonTypes.Contains(personType))
        {
            throw new BodsException($"personType '{personType}' is not one of knownPerson, anonymousPerson, unknownPerson.");
        }
        var names = Array(d, "names").Select(n => (Type: Text(n, "type"), Full: Text(n, "fullName")
            ?? string.Join(' ', new[] { Text(n, "givenName"), Text(n, "patronymicName"), Text(n, "familyName") }.OfType<string>()))).Where(n => n.Full.Length > 0).ToList();
        var main = names.FirstOrDefault(n => n.Type is "legal" or "individual");
        var name = main.Full ?? names.Select(n => n.Full).FirstOrDefault() ?? personType switch
        {
            "anonymousPerson" => "Anonymous person",
            _ => "Unknown person",
        };
        var properties = new JsonObject { ["name"] = name };
        var alternates = names.Select(n => n.Full).Where(n => n != name).Distinct().ToList();
        if (alternates.Count > 0)
        {
            properties["alternateNames"] = new JsonArray([.. alternates.Select(a => (JsonNode)a)]);
        }
        Put(properties, "birthDate", KnownDate(Text(d, "birthDate"), "birthDate"));
        var nationality = Array(d, "nationalities").Select(n => Country(n)).FirstOrDefault(c => c is { Length: 2 });
        Put(properties, "nationality", nationality);
        var personalId = Array(d, "identifiers").FirstOrDefault(i => (Text(i, "scheme") ?? Text(i, "schemeName")) is { } s
            && (s.Contains("IIN", StringComparison.OrdinalIgnoreCase) || s.Contains("INN", StringComparison.OrdinalIgnoreCase)));
        if (personalId.ValueKind == JsonValueKind.Object)
        {
            Put(properties, "personalId", Text(personalId, "id"));
            Put(properties, "personalIdScheme", Text(personalId, "scheme"));
            Put(properties, "personalIdSchemeName", Text(personalId, "schemeName"));
        }
        if (pep is { } politicallyExposed)
        {
            properties["politicallyExposed"] = politicallyExposed;
        }
        var items = new List<ImportItem> { new NodeRecord(at, recordId, NodeKind.Person, properties) };
        items.AddRange(Addresses(recordId, d, at));
        return items;
    }

    /// <summary>Each address becomes an Address node joined by REGISTERED_AT (keys <c>record/address.n</c>), which keeps its type.</summary>
    private static IEnumerable<ImportItem> Addresses(string recordId, JsonElement d, RecordLocation at)
    {
        var n = 0;
        foreach (var address in Array(d, "addresses"))
        {
            var text = Text(address, "address");
            if (text is null)
            {
                continue;
            }
            var properties = new JsonObject { ["name"] = text };
            var country = Country(Child(address, "country"));
            Put(properties, "country", country is { Length: 2 } ? country : null);
            Put(properties, "postalCode", Text(address, "postCode"));
            var key = $"{recordId}/address.{n}";
            var link = new JsonObject();
            var type = Text(address, "type");
            if (type is not null && BodsCodes.AddressTypes.Contains(type))
            {
                link["addressType"] = type;
            }
            else if (type is not null)
            {
                // Reported, and the address kept without it: the rest of the statement is good.
                yield return new BadRecord(at, $"addresses[{n}].type '{type}' is not one of {string.Join(", ", BodsCodes.AddressTypes.Order(StringComparer.Ordinal))}: "
                    + "the address was imported without a type.");
            }
            yield return new NodeRecord(at, key, NodeKind.Address, properties);
            yield return new EdgeRecord(at, $"{recordId}/registered-at.{n}", EdgeKind.RegisteredAt, recordId, key, link);
            n++;
        }
    }
}
