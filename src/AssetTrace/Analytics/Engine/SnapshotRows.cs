using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Analytics.Engine;

/// <summary>
/// A row of the nodes or edges table as a change to apply to a snapshot: read by the whole load from
/// the store and by the catch-up through the change counter alike (<see cref="SnapshotProvider"/>).
/// </summary>
internal static class SnapshotRows
{
    // The columns ReadNode and ReadEdge read, in their order; shared by the full load and the delta load.
    public const string NodeColumns = "id, kind, name, properties, valid_from, valid_to, deleted, restricted_case";
    public const string EdgeColumns = "id, kind, source_id, target_id, share_low, share_high, valid_from, valid_to, properties, deleted, restricted_case";

    public static Action<GraphSnapshot> ReadNode(DbDataReader r)
    {
        var id = r.GetString(0);
        var kind = Codes.ParseNodeKind(r.GetString(1));
        var name = r.GetString(2);
        var properties = kind == NodeKind.Person ? null : r.GetString(3);
        var validFrom = r.NullableDate(4);
        var validTo = r.NullableDate(5);
        var deleted = r.GetBoolean(6);
        var restrictedTo = r.NullableString(7);
        return snapshot => snapshot.Upsert(id, node =>
        {
            node.Restriction = snapshot.NumberCase(restrictedTo);
            node.Kind = kind;
            node.Name = name;
            node.ValidFrom = validFrom;
            node.ValidTo = validTo;
            node.Deleted = deleted;
            if (properties is not null)
            {
                using var json = JsonDocument.Parse(properties);
                var p = json.RootElement;
                node.Country = Text(p, "jurisdiction") ?? Text(p, "country") ?? Text(p, "flag");
                node.Value = p.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
                node.ValueCurrency = Text(p, "valueCurrency");
                node.ValueDate = Text(p, "valueDate") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            }
        });
    }

    public static Action<GraphSnapshot> ReadEdge(DbDataReader r)
    {
        var id = r.GetString(0);
        var kind = Codes.ParseEdgeKind(r.GetString(1));
        var sourceId = r.GetString(2);
        var targetId = r.GetString(3);
        var low = r.NullableDecimal(4);
        var high = r.NullableDecimal(5);
        var validFrom = r.NullableDate(6);
        var validTo = r.NullableDate(7);
        var properties = kind is EdgeKind.Owns or EdgeKind.BeneficialOwnerOf ? null : r.GetString(8);
        var deleted = r.GetBoolean(9);
        var restrictedTo = r.NullableString(10);
        return snapshot => snapshot.UpsertEdge(id, sourceId, targetId, edge =>
        {
            edge.Restriction = snapshot.NumberCase(restrictedTo);
            edge.Kind = kind;
            edge.ShareLow = low is null ? null : (double)low / 100;
            edge.ShareHigh = high is null ? null : (double)high / 100;
            edge.ValidFrom = validFrom;
            edge.ValidTo = validTo;
            edge.Deleted = deleted;
            if (properties is not null)
            {
                using var json = JsonDocument.Parse(properties);
                var p = json.RootElement;
                edge.Nominee = p.TryGetProperty("nominee", out var n) && n.ValueKind == JsonValueKind.True;
                edge.Role = Text(p, "relationship") ?? Text(p, "role");
                edge.VotingShare = p.TryGetProperty("votingShare", out var vs) && vs.ValueKind == JsonValueKind.Number ? vs.GetDouble() / 100 : null;
                edge.Amount = p.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDecimal() : null;
                edge.Currency = Text(p, "currency");
                edge.Date = Text(p, "date") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            }
        });
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
