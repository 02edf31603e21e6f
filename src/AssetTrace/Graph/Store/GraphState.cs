using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;

namespace AssetTrace.Graph.Store;

/// <summary>
/// Nodes and edges as JSON documents: the form kept in the version tables and in the audit
/// log's before/after, so each version can be read back whole.
/// </summary>
public static class GraphState
{
    public static string Of(Node node) => new JsonObject
    {
        ["id"] = node.Id,
        ["kind"] = Codes.Of(node.Kind),
        ["name"] = node.Name,
        ["properties"] = JsonNode.Parse(node.Properties.GetRawText()),
        ["validFrom"] = node.ValidFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["validTo"] = node.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["provenance"] = Of(node.Provenance),
        ["version"] = node.Stamp.Version,
    }.ToJsonString();

    public static string Of(Edge edge) => new JsonObject
    {
        ["id"] = edge.Id,
        ["kind"] = Codes.Of(edge.Kind),
        ["sourceId"] = edge.SourceId,
        ["targetId"] = edge.TargetId,
        ["properties"] = JsonNode.Parse(edge.Properties.GetRawText()),
        ["validFrom"] = edge.ValidFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["validTo"] = edge.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["provenance"] = Of(edge.Provenance),
        ["version"] = edge.Stamp.Version,
    }.ToJsonString();

    private static JsonObject Of(Provenance p) => new()
    {
        ["source"] = Codes.Of(p.Source),
        ["reference"] = p.Reference,
        ["obtainedAt"] = p.ObtainedAt.ToString("O"),
        ["recordedBy"] = p.RecordedBy,
        ["restriction"] = Codes.Of(p.Restriction),
    };

    public static Node ReadNode(string json, Stamp stamp)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        return new Node(
            (string)o["id"]!,
            Codes.ParseNodeKind((string)o["kind"]!),
            (string)o["name"]!,
            JsonSerializer.SerializeToElement(o["properties"]),
            Date(o["validFrom"]),
            Date(o["validTo"]),
            ReadProvenance(o["provenance"]!.AsObject()),
            stamp);
    }

    public static Edge ReadEdge(string json, Stamp stamp)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        var properties = JsonSerializer.SerializeToElement(o["properties"]);
        return new Edge(
            (string)o["id"]!,
            Codes.ParseEdgeKind((string)o["kind"]!),
            (string)o["sourceId"]!,
            (string)o["targetId"]!,
            properties,
            Schema.GraphInputValidator.ShareOf(properties),
            Date(o["validFrom"]),
            Date(o["validTo"]),
            ReadProvenance(o["provenance"]!.AsObject()),
            stamp);
    }

    private static Provenance ReadProvenance(JsonObject p) => new(
        Codes.Parse<SourceKind>((string)p["source"]!),
        (string?)p["reference"],
        DateTimeOffset.Parse((string)p["obtainedAt"]!, System.Globalization.CultureInfo.InvariantCulture),
        (string)p["recordedBy"]!,
        Codes.Parse<UsageRestriction>((string)p["restriction"]!));

    private static DateOnly? Date(JsonNode? value) =>
        value is null ? null : DateOnly.ParseExact((string)value!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
