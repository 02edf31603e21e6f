using System.Text.Json;
using AssetTrace.Interchange.Export;
using AssetTrace.Interchange.Import;

namespace AssetTrace.Interchange.FollowTheMoney;

/// <summary>One FtM entity → the node, edge or sanction listing it describes.</summary>
internal static class FtmEntities
{
    /// <summary>Schemata that are well-formed FtM but have no place in the model.</summary>
    private static readonly HashSet<string> Ignored = ["Passport", "Identification", "Note", "Position", "Occupancy", "Mention", "Documentation",
        "Article", "Document", "Page", "Image", "Email", "Event", "Call", "Message", "Membership", "Employment", "Succession", "Debt", "Contract",
        "ContractAward", "CourtCase", "CourtCaseParty", "Trip", "ProjectParticipant", "Project", "Risk", "Similar", "EconomicActivity", "Analyzable"];

    public static IReadOnlyList<ImportItem> Read(JsonElement entity, RecordLocation at)
    {
        if (entity.ValueKind != JsonValueKind.Object)
        {
            return [new BadRecord(at, "an FtM entity must be a JSON object with id, schema and properties.")];
        }
        var id = entity.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var schema = entity.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        at = at with { RecordId = id ?? at.RecordId };
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(schema))
        {
            return [new BadRecord(at, "an FtM entity needs an id and a schema.")];
        }
        var p = entity.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object ? props : default;
        if (RestrictedCase(p) is { } caseId)
        {
            return [new BadRecord(at, ExportValues.MarkedRecordRefusal(caseId))];
        }
        var asOf = entity.TryGetProperty("last_change", out var lc) && lc.ValueKind == JsonValueKind.String ? lc.GetString() : null;
        var items = FtmNodes.Node(id, schema, p, at) ?? FtmLinks.Link(id, schema, p, at);
        if (items is null)
        {
            return Ignored.Contains(schema)
                ? [new IgnoredRecord(at, $"FtM {schema}")]
                : [new BadRecord(at, $"schema '{schema}' is not an FtM schema AssetTrace imports (Person, Company, Organization, LegalEntity, Address, assets, Ownership, Directorship, Family, Associate, Representation, Payment, UnknownLink, Sanction).")];
        }
        return [.. items.Select(item => item with { AsOf = asOf })];
    }

    /// <summary>The case an AssetTrace export marked the entity restricted to, in its <c>summary</c>.</summary>
    private static string? RestrictedCase(JsonElement properties)
    {
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty("summary", out var summary) || summary.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        return summary.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => ExportValues.MarkedCase(v.GetString())).FirstOrDefault(c => c is not null);
    }
}
