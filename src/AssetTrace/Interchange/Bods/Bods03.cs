using System.Text.Json;
using AssetTrace.Interchange.Import;
using static AssetTrace.Interchange.Bods.BodsValues;

namespace AssetTrace.Interchange.Bods;

/// <summary>
/// BODS 0.2/0.3: statements have their own ids and no record id; a statement that lists
/// replacesStatements takes over the nodes and edges of the statements it replaces.
/// </summary>
internal static class Bods03
{
    public static IReadOnlyList<ImportItem> Read(JsonElement s, RecordLocation at)
    {
        var id = Required(s, "statementID", "statement");
        if (id.Length is < 32 or > 64)
        {
            throw new BodsException($"statementID '{id}' must be 32 to 64 characters long.");
        }
        var type = Code(s, "statementType", "statement", BodsCodes.StatementTypes);
        Date(Text(s, "statementDate"), "statementDate");
        var items = type switch
        {
            "entityStatement" => BodsParties.Entity(id, s, at, Child(s, "incorporatedInJurisdiction")),
            "personStatement" => BodsParties.Person(id, s, at, Pep(s)),
            _ => Ownership(id, s, at),
        };
        var replaced = Array(s, "replacesStatements").Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList();
        if (replaced.Count == 0)
        {
            return items;
        }
        var prefix = id + "/";
        var kept = items.OfType<EdgeRecord>().Select(e => e.RecordId).Where(r => r.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => r[prefix.Length..]).ToHashSet(StringComparer.Ordinal);
        return [.. replaced.Select(old => (ImportItem)new SupersedeRecord(at, old, id, kept)), .. items];
    }

    private static bool? Pep(JsonElement s) =>
        s.TryGetProperty("hasPepStatus", out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static List<ImportItem> Ownership(string id, JsonElement s, RecordLocation at)
    {
        var subject = Child(s, "subject") is { } subj ? Text(subj, "describedByEntityStatement") : null;
        if (subject is null)
        {
            throw new BodsException("subject.describedByEntityStatement is required.");
        }
        var items = new List<ImportItem>();
        var partyElement = Child(s, "interestedParty") ?? throw new BodsException("interestedParty is required.");
        string party;
        bool partyIsPerson;
        if (Text(partyElement, "describedByPersonStatement") is { } person)
        {
            (party, partyIsPerson) = (person, true);
        }
        else if (Text(partyElement, "describedByEntityStatement") is { } entity)
        {
            (party, partyIsPerson) = (entity, false);
        }
        else if (Child(partyElement, "unspecified") is { } unspecified)
        {
            party = $"{id}/unspecified";
            partyIsPerson = true;
            items.Add(Bods04.Unspecified(party, unspecified, at));
        }
        else
        {
            throw new BodsException("interestedParty names no person or entity statement and is not unspecified.");
        }
        items.AddRange(BodsInterests.Edges(at, id, subject, party, partyIsPerson, s, indirect: false, closedOn: null));
        return items;
    }
}
