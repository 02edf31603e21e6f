using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;
using static AssetTrace.Interchange.FollowTheMoney.FtmValues;

namespace AssetTrace.Interchange.FollowTheMoney;

/// <summary>FtM interval schemata → edges, and Sanction → a listing.</summary>
internal static class FtmLinks
{
    public static List<ImportItem>? Link(string id, string schema, JsonElement p, RecordLocation at)
    {
        var from = FullDate(First(p, "startDate", "date"));
        var to = FullDate(First(p, "endDate"));
        DateOnly? Day(string? d) => d is null ? null : DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        EdgeRecord Edge(EdgeKind kind, string? source, string? target, JsonObject properties) =>
            new(at, id, kind, source!, target!, properties, Day(from), Day(to));
        var role = First(p, "role");
        switch (schema)
        {
            case "Ownership":
                var owner = First(p, "owner");
                var asset = First(p, "asset");
                if (role is not null && role.StartsWith(FtmRoles.AccountHolder, StringComparison.Ordinal))
                {
                    return Check(Edge(EdgeKind.HoldsAccount, owner, asset, Role(role[FtmRoles.AccountHolder.Length..].TrimStart(':', ' '))), at);
                }
                var share = new JsonObject();
                var percentage = First(p, "percentage");
                if (Number(percentage) is { } percent)
                {
                    share["share"] = percent;
                }
                else if (percentage?.Split('-') is [var low, var high] && Number(low) is { } min && Number(high) is { } max)
                {
                    share["shareMin"] = min;
                    share["shareMax"] = max;
                }
                var kind = role == FtmRoles.BeneficialOwner ? EdgeKind.BeneficialOwnerOf : EdgeKind.Owns;
                return Check(Edge(kind, owner, asset, share), at);
            case "Directorship":
                return Check(Edge(EdgeKind.DirectorOf, First(p, "director"), First(p, "organization"), Role(role)), at);
            case "Family":
                // FtM: "relationship" is what the relative is to the person; FAMILY_OF runs from that relative.
                return Check(Edge(EdgeKind.FamilyOf, First(p, "relative"), First(p, "person"), new JsonObject { ["relationship"] = FamilyCode(First(p, "relationship")) }), at);
            case "Associate":
                return Check(Edge(EdgeKind.AssociateOf, First(p, "person"), First(p, "associate"), Relationship(First(p, "relationship"))), at);
            case "Representation":
                var nominee = role == FtmRoles.Nominee;
                return Check(Edge(nominee ? EdgeKind.NomineeFor : EdgeKind.IntermediaryOf, First(p, "agent"), First(p, "client"), []), at);
            case "Payment":
                var amount = Number(First(p, "amount")) ?? Number(First(p, "amountEur"));
                var currency = First(p, "amount") is not null ? First(p, "currency")?.ToUpperInvariant() : First(p, "amountEur") is not null ? "EUR" : null;
                var payment = new JsonObject();
                if (amount is { } a)
                {
                    payment["amount"] = a;
                }
                FtmValues.Put(payment, "currency", currency);
                FtmValues.Put(payment, "date", FullDate(First(p, "date", "startDate")));
                FtmValues.Put(payment, "reference", First(p, "purpose", "summary"));
                // The payment's date is a property; validity comes only from startDate and endDate, as AssetTrace writes them.
                return Check(new EdgeRecord(at, id, EdgeKind.TransferredTo, First(p, "payer")!, First(p, "beneficiary")!, payment,
                    Day(FullDate(First(p, "startDate"))), Day(to)), at);
            case "UnknownLink":
                if (role is not null && role.StartsWith(FtmRoles.Controls, StringComparison.Ordinal))
                {
                    return Check(Edge(EdgeKind.Controls, First(p, "subject"), First(p, "object"), Role(role.Length > FtmRoles.Controls.Length ? role[(FtmRoles.Controls.Length + 1)..].Trim() : null)), at);
                }
                if (role == FtmRoles.RegisteredAt)
                {
                    return Check(Edge(EdgeKind.RegisteredAt, First(p, "subject"), First(p, "object"), []), at);
                }
                return Check(Edge(EdgeKind.AssociateOf, First(p, "subject"), First(p, "object"), Relationship(role ?? "unknown link")), at);
            case "Sanction":
                var entity = First(p, "entity");
                if (entity is null)
                {
                    return [new BadRecord(at, "the Sanction names no entity.")];
                }
                var details = new JsonObject();
                foreach (var name in new[] { "authority", "program", "reason", "provisions", "sourceUrl", "status", "endDate" })
                {
                    if (All(p, name) is { Count: > 0 } values)
                    {
                        details[name] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
                    }
                }
                var listed = Date(First(p, "listingDate", "startDate")).Full;
                return [new SanctionRecord(at, entity, First(p, "authority") ?? "FtM sanction", id, listed, First(p, "program"), details)];
            default:
                return null;
        }
    }

    private static JsonObject Role(string? role) => string.IsNullOrWhiteSpace(role) ? [] : new JsonObject { ["role"] = role };

    private static JsonObject Relationship(string? relationship) => string.IsNullOrWhiteSpace(relationship) ? [] : new JsonObject { ["relationship"] = relationship };

    private static List<ImportItem> Check(EdgeRecord edge, RecordLocation at) =>
        string.IsNullOrEmpty(edge.SourceRecordId) || string.IsNullOrEmpty(edge.TargetRecordId)
            ? [new BadRecord(at, $"the link has no {(string.IsNullOrEmpty(edge.SourceRecordId) ? "source" : "target")} entity.")]
            : [edge];

    /// <summary>Free-text FtM relationships ("daughter", "wife", "brother-in-law") → codes of family-relationship.csv.</summary>
    public static string FamilyCode(string? text)
    {
        var t = (text ?? "").ToLowerInvariant();
        return t switch
        {
            // The codes themselves, as AssetTrace's own export writes them (#12: in_law came back as relative).
            "spouse" or "partner" or "parent" or "child" or "sibling" or "in_law" or "relative" => t,
            _ when t.Contains("in-law", StringComparison.Ordinal) || t.Contains("in law", StringComparison.Ordinal) => "in_law",
            "wife" or "husband" or "супруга" or "супруг" => "spouse",
            "father" or "mother" or "отец" or "мать" => "parent",
            "son" or "daughter" or "сын" or "дочь" => "child",
            "brother" or "sister" or "брат" or "сестра" => "sibling",
            _ => "relative",
        };
    }
}

/// <summary>Roles AssetTrace writes into FtM links so that its own edge kinds come back on import.</summary>
internal static class FtmRoles
{
    public const string AccountHolder = "account holder";
    public const string BeneficialOwner = "beneficial owner";
    public const string Nominee = "nominee";
    public const string Controls = "controls";
    public const string RegisteredAt = "registered at";
}
