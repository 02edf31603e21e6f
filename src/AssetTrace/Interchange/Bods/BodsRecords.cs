using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Export;

namespace AssetTrace.Interchange.Bods;

/// <summary>The recordDetails of exported BODS 0.4 statements.</summary>
internal static class BodsRecords
{
    public static void Person(Utf8JsonWriter w, Node node)
    {
        w.WriteString("personType", "knownPerson");
        w.WriteStartArray("names");
        Name(w, "legal", node.Name);
        foreach (var alternate in Strings(node, "alternateNames"))
        {
            Name(w, "alternative", alternate);
        }
        w.WriteEndArray();
        Optional(w, "birthDate", Text(node, "birthDate"));
        if (Text(node, "nationality") is { } nationality)
        {
            w.WriteStartArray("nationalities");
            w.WriteStartObject();
            w.WriteString("code", nationality);
            w.WriteString("name", nationality);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (Text(node, "personalId") is { } personalId)
        {
            Identifier(w, personalId, Text(node, "personalIdScheme"), Text(node, "personalIdSchemeName"), "National identifier (IIN)");
        }
        if (node.Properties.TryGetProperty("politicallyExposed", out var pep) && pep.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            w.WriteStartObject("politicalExposure");
            w.WriteString("status", pep.GetBoolean() ? "isPep" : "isNotPep");
            w.WriteEndObject();
        }
    }

    public static void Entity(Utf8JsonWriter w, Node node)
    {
        w.WriteStartObject("entityType");
        switch (Text(node, "legalForm"))
        {
            case "trust":
                w.WriteString("type", "arrangement");
                w.WriteString("subtype", "trust");
                break;
            case "state_body":
                w.WriteString("type", "stateBody");
                break;
            default:
                w.WriteString("type", "registeredEntity");
                break;
        }
        w.WriteEndObject();
        w.WriteString("name", node.Name);
        var alternates = Strings(node, "alternateNames").ToList();
        if (alternates.Count > 0)
        {
            w.WriteStartArray("alternateNames");
            alternates.ForEach(w.WriteStringValue);
            w.WriteEndArray();
        }
        if (Text(node, "jurisdiction") is { } jurisdiction)
        {
            w.WriteStartObject("jurisdiction");
            w.WriteString("name", jurisdiction);
            w.WriteString("code", jurisdiction);
            w.WriteEndObject();
        }
        if (Text(node, "registrationNumber") is { } number)
        {
            Identifier(w, number, Text(node, "registrationScheme"), Text(node, "registrationSchemeName"), "Company register");
        }
        Optional(w, "foundingDate", Text(node, "incorporationDate"));
        Optional(w, "dissolutionDate", Text(node, "dissolutionDate"));
    }

    /// <summary>
    /// One identifier, with the scheme and scheme name the source gave (#12); when it gave neither, a scheme name that
    /// says what kind of number it is (a scheme code would claim a register the graph does not know).
    /// </summary>
    private static void Identifier(Utf8JsonWriter w, string id, string? scheme, string? schemeName, string fallbackSchemeName)
    {
        w.WriteStartArray("identifiers");
        w.WriteStartObject();
        w.WriteString("id", id);
        Optional(w, "scheme", scheme);
        Optional(w, "schemeName", schemeName ?? (scheme is null ? fallbackSchemeName : null));
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <param name="allowed">The address types the 0.4 schema allows on this kind of record.</param>
    public static void Addresses(Utf8JsonWriter w, List<(Node Address, string? Type)>? addresses, IReadOnlySet<string> allowed)
    {
        if (addresses is null or { Count: 0 })
        {
            return;
        }
        w.WriteStartArray("addresses");
        foreach (var (address, type) in addresses)
        {
            w.WriteStartObject();
            // The type the source gave, where the schema allows it on this record (#12); none is made up: REGISTERED_AT
            // without a type stands for any address, and registered is not allowed on a person.
            if (type is not null && allowed.Contains(type))
            {
                w.WriteString("type", type);
            }
            w.WriteString("address", address.Name);
            Optional(w, "postCode", Text(address, "postalCode"));
            if (Text(address, "country") is { } country)
            {
                w.WriteStartObject("country");
                w.WriteString("name", country);
                w.WriteString("code", country);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Ownership and control of a company by a person or company; BENEFICIAL_OWNER_OF only from persons.</summary>
    public static bool IsRelationship(Edge edge, IReadOnlyDictionary<string, NodeKind> kinds) =>
        edge.Kind is EdgeKind.Owns or EdgeKind.BeneficialOwnerOf or EdgeKind.Controls or EdgeKind.DirectorOf
        && kinds.GetValueOrDefault(edge.TargetId) == NodeKind.Company
        && kinds.GetValueOrDefault(edge.SourceId) is NodeKind.Person or NodeKind.Company;

    public static void Interest(Utf8JsonWriter w, Edge edge)
    {
        w.WriteStartObject();
        var role = Text(edge, "role");
        switch (edge.Kind)
        {
            case EdgeKind.Owns or EdgeKind.BeneficialOwnerOf:
                w.WriteString("type", "shareholding");
                w.WriteString("directOrIndirect", edge.Kind == EdgeKind.Owns ? "direct" : "indirect");
                // A declared beneficial owner is one; an OWNS edge says so only when its source did.
                Beneficial(w, edge);
                Share(w, edge.Share);
                break;
            case EdgeKind.DirectorOf:
                w.WriteString("type", role switch { "chair" => "boardChair", "senior managing official" => "seniorManagingOfficial", _ => "boardMember" });
                Optional(w, "details", role);
                Beneficial(w, edge);
                break;
            default:
                var nominee = edge.Properties.TryGetProperty("nominee", out var n) && n.ValueKind == JsonValueKind.True;
                var type = nominee ? "nominee" : role is not null && BodsCodes.InterestTypes.Contains(role) ? role
                    : edge.Properties.TryGetProperty("votingShare", out _) ? "votingRights" : "otherInfluenceOrControl";
                w.WriteString("type", type);
                Optional(w, "details", role);
                Beneficial(w, edge);
                if (edge.Properties.TryGetProperty("votingShare", out var votes) && votes.TryGetDecimal(out var v))
                {
                    Share(w, ShareRange.Exact(v));
                }
                break;
        }
        Optional(w, "startDate", ExportValues.Date(edge.ValidFrom));
        Optional(w, "endDate", ExportValues.Date(edge.ValidTo));
        w.WriteEndObject();
    }

    /// <summary>beneficialOwnershipOrControl: true on BENEFICIAL_OWNER_OF, as the source said on other edges (#12), absent otherwise.</summary>
    private static void Beneficial(Utf8JsonWriter w, Edge edge)
    {
        if (edge.Kind == EdgeKind.BeneficialOwnerOf)
        {
            w.WriteBoolean("beneficialOwnershipOrControl", true);
        }
        else if (edge.Properties.TryGetProperty("beneficialOwnershipOrControl", out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            w.WriteBoolean("beneficialOwnershipOrControl", flag.GetBoolean());
        }
    }

    private static void Share(Utf8JsonWriter w, ShareRange? share)
    {
        if (share is not { } s)
        {
            return;
        }
        w.WriteStartObject("share");
        if (s.IsExact)
        {
            w.WriteNumber("exact", s.Low);
        }
        else
        {
            w.WriteNumber("minimum", s.Low);
            w.WriteNumber("maximum", s.High);
        }
        w.WriteEndObject();
    }

    private static void Name(Utf8JsonWriter w, string type, string fullName)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("fullName", fullName);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static string? Text(Node node, string name) => ExportValues.Text(node.Properties, name, ";");

    private static string? Text(Edge edge, string name) => ExportValues.Text(edge.Properties, name, ";");

    private static IEnumerable<string> Strings(Node node, string name) =>
        node.Properties.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(e => e.GetString() ?? "") : [];
}
