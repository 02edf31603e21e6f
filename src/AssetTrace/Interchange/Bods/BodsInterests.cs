using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;
using static AssetTrace.Interchange.Bods.BodsValues;

namespace AssetTrace.Interchange.Bods;

/// <summary>
/// Turns the interests of a BODS relationship (0.4) or ownership-or-control statement (0.3) into
/// edges. Each interest becomes one edge, keyed <c>relationship/type.n</c>, so a later statement
/// about the same relationship updates the same edges.
/// </summary>
internal static class BodsInterests
{
    /// <param name="indirect">The relationship is declared indirect (or lists component records): its share is not a direct holding.</param>
    /// <param name="partyIsPerson">Known in 0.3; null in 0.4, where the writer picks by the party's node kind. An interest
    /// declared not to be beneficial ownership (beneficialOwnershipOrControl false) is mapped as a company's would be,
    /// so it never becomes BENEFICIAL_OWNER_OF, which the exporter writes back as beneficial.</param>
    public static List<EdgeRecord> Edges(RecordLocation at, string relationshipId, string subjectId, string partyId, bool? partyIsPerson,
        JsonElement details, bool indirect, DateOnly? closedOn)
    {
        var edges = new List<EdgeRecord>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var interests = Array(details, "interests").ToList();
        if (interests.Count == 0)
        {
            // The relationship exists but its nature is not given: keep the link, say so.
            edges.Add(new EdgeRecord(at, $"{relationshipId}/unknownInterest.0", EdgeKind.Controls, partyId, subjectId,
                new JsonObject { ["role"] = "unknownInterest" }, null, closedOn));
            return edges;
        }
        for (var i = 0; i < interests.Count; i++)
        {
            var interest = interests[i];
            var path = $"interests[{i}]";
            var type = BodsCodes.InterestType(Text(interest, "type")) ?? "unknownInterest";
            if (!BodsCodes.InterestTypes.Contains(type))
            {
                throw new BodsException($"{path}.type '{type}' is not a BODS interest type.");
            }
            var direct = Text(interest, "directOrIndirect");
            if (direct is not null && !BodsCodes.DirectOrIndirect.Contains(direct))
            {
                throw new BodsException($"{path}.directOrIndirect '{direct}' is not one of direct, indirect, unknown.");
            }
            var isIndirect = direct == "indirect" || (indirect && direct != "direct");
            var n = counts[type] = counts.GetValueOrDefault(type) + (counts.ContainsKey(type) ? 1 : 0);
            var validFrom = FullDate(Text(interest, "startDate"), $"{path}.startDate");
            var validTo = FullDate(Text(interest, "endDate"), $"{path}.endDate") ?? closedOn;
            if (validFrom is not null && validTo is not null && validTo < validFrom)
            {
                validTo = validFrom;
            }
            var beneficial = Child(interest, "beneficialOwnershipOrControl") is { ValueKind: JsonValueKind.True or JsonValueKind.False } flag ? flag.GetBoolean() : (bool?)null;
            var (kind, properties, alternative) = Map(type, Share(interest, path), isIndirect, beneficial == false ? false : partyIsPerson, Text(interest, "details"));
            // BENEFICIAL_OWNER_OF says it by its kind; any other edge keeps what the statement says, so the export says it again (#12).
            if (beneficial is { } declared)
            {
                if (kind != EdgeKind.BeneficialOwnerOf)
                {
                    properties["beneficialOwnershipOrControl"] = declared;
                }
                if (alternative is not null)
                {
                    alternative.Properties["beneficialOwnershipOrControl"] = declared;
                }
            }
            edges.Add(new EdgeRecord(at, $"{relationshipId}/{type}.{n}", kind, partyId, subjectId, properties, validFrom, validTo, alternative));
        }
        return edges;
    }

    private static (EdgeKind, JsonObject, EdgeAlternative?) Map(string type, ShareValue share, bool indirect, bool? partyIsPerson, string? details)
    {
        // "details" carries the role in words when the publisher gives one (AssetTrace's own exports do).
        var controls = new JsonObject { ["role"] = details ?? (indirect ? $"{type} (indirect)" : type) };
        switch (type)
        {
            case "shareholding" when !indirect:
                return (EdgeKind.Owns, share.AsShare(), null);
            case "shareholding" or "beneficiaryOfLegalArrangement" or "beneficiaryOfTrust":
                // An indirect holding is declared, not held: OWNS would count it twice next to its component chain.
                return Personal(EdgeKind.BeneficialOwnerOf, share.AsShare(), controls, partyIsPerson);
            case "votingRights":
                if (share.Exact is { } votes)
                {
                    controls["votingShare"] = votes;
                }
                return (EdgeKind.Controls, controls, null);
            case "boardMember":
                return (EdgeKind.DirectorOf, new JsonObject { ["role"] = details ?? "director" }, null);
            case "boardChair":
                return (EdgeKind.DirectorOf, new JsonObject { ["role"] = details ?? "chair" }, null);
            case "seniorManagingOfficial":
                return (EdgeKind.DirectorOf, new JsonObject { ["role"] = details ?? "senior managing official" }, null);
            case "nominee":
                controls["nominee"] = true;
                return (EdgeKind.Controls, controls, null);
            default:
                return (EdgeKind.Controls, controls, null);
        }
    }

    private static (EdgeKind, JsonObject, EdgeAlternative?) Personal(EdgeKind kind, JsonObject properties, JsonObject controls, bool? partyIsPerson) =>
        partyIsPerson switch
        {
            true => (kind, properties, null),
            false => (EdgeKind.Controls, controls, null),
            null => (kind, properties, new EdgeAlternative(EdgeKind.Controls, controls)),
        };

    private readonly record struct ShareValue(decimal? Exact, decimal? Min, decimal? Max)
    {
        public JsonObject AsShare()
        {
            var o = new JsonObject();
            if (Exact is { } exact)
            {
                o["share"] = exact;
            }
            else if (Min is not null || Max is not null)
            {
                o["shareMin"] = Min ?? 0;
                o["shareMax"] = Max ?? 100;
            }
            return o;
        }
    }

    private static ShareValue Share(JsonElement interest, string path)
    {
        if (Child(interest, "share") is not { ValueKind: JsonValueKind.Object } share)
        {
            return default;
        }
        decimal? Number(string name)
        {
            if (!share.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d))
            {
                throw new BodsException($"{path}.share.{name} must be a number.");
            }
            return d is >= 0 and <= 100 ? d : throw new BodsException($"{path}.share.{name} {d} is outside 0–100.");
        }
        var exact = Number("exact");
        var min = Number("minimum") ?? Number("exclusiveMinimum");
        var max = Number("maximum") ?? Number("exclusiveMaximum");
        if (exact is null && min is not null && min == max)
        {
            exact = min;
        }
        return new ShareValue(exact, exact is null ? min : null, exact is null ? max : null);
    }
}
