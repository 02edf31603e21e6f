using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;
using static AssetTrace.Interchange.Bods.BodsValues;

namespace AssetTrace.Interchange.Bods;

/// <summary>
/// BODS 0.4: a statement is about a record (recordId) that keeps its id across updates, so a
/// later statement (recordStatus updated or closed) updates the same node or edge.
/// </summary>
internal static class Bods04
{
    public static IReadOnlyList<ImportItem> Read(JsonElement s, RecordLocation at)
    {
        var recordId = Required(s, "recordId", "statement");
        Required(s, "statementId", "statement");
        var type = Code(s, "recordType", "statement", BodsCodes.RecordTypes);
        var status = Text(s, "recordStatus");
        if (status is not null && !BodsCodes.RecordStatuses.Contains(status))
        {
            throw new BodsException($"recordStatus '{status}' is not one of new, updated, closed.");
        }
        if (Child(s, "statementDate") is { ValueKind: not JsonValueKind.String } notText)
        {
            throw new BodsException($"statementDate must be a date string, not {notText.ValueKind}.");
        }
        var statementDate = Date(Text(s, "statementDate"), "statementDate").Full;
        if (Child(s, "recordDetails") is not { ValueKind: JsonValueKind.Object } d)
        {
            throw new BodsException("recordDetails is required.");
        }
        switch (type)
        {
            case "entity":
                // A closed entity or person record stays a node: the company or person still existed.
                return BodsParties.Entity(recordId, d, at, Child(d, "jurisdiction"));
            case "person":
                var pep = Child(d, "politicalExposure") is { } exposure ? Pep(exposure) : null;
                return BodsParties.Person(recordId, d, at, pep);
            default:
                return Relationship(recordId, d, at, status == "closed" ? statementDate : null);
        }
    }

    private static bool? Pep(JsonElement exposure)
    {
        var status = Text(exposure, "status");
        if (status is null)
        {
            return null;
        }
        return BodsCodes.PepStatuses.Contains(status)
            ? status switch { "isPep" => true, "isNotPep" => false, _ => null }
            : throw new BodsException($"politicalExposure.status '{status}' is not one of isPep, isNotPep, unknown.");
    }

    private static List<ImportItem> Relationship(string recordId, JsonElement d, RecordLocation at, DateOnly? closedOn)
    {
        var subject = Child(d, "subject") switch
        {
            { ValueKind: JsonValueKind.String } v => v.GetString()!,
            { ValueKind: JsonValueKind.Object } v => Text(v, "describedByEntityStatement") ?? throw new BodsException("subject names no record."),
            _ => throw new BodsException("subject is required."),
        };
        var items = new List<ImportItem>();
        string party;
        bool? partyIsPerson = null;
        switch (Child(d, "interestedParty"))
        {
            case { ValueKind: JsonValueKind.String } v:
                party = v.GetString()!;
                break;
            case { ValueKind: JsonValueKind.Object } unspecified:
                // The party is not disclosed: one placeholder per relationship, never shared, so unknowns are not joined.
                party = $"{recordId}/unspecified";
                partyIsPerson = true;
                items.Add(Unspecified(party, unspecified, at));
                break;
            default:
                throw new BodsException("interestedParty is required.");
        }
        var indirect = Array(d, "componentRecords").Any();
        items.AddRange(BodsInterests.Edges(at, recordId, subject, party, partyIsPerson, d, indirect, closedOn));
        return items;
    }

    public static NodeRecord Unspecified(string key, JsonElement unspecified, RecordLocation at)
    {
        var reason = Text(unspecified, "reason") ?? "unknown";
        return new NodeRecord(at, key, NodeKind.Person, new JsonObject { ["name"] = $"Unspecified interested party ({reason})" });
    }
}
