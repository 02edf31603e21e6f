using System.Buffers;
using System.Text;
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
    // Written straight to UTF-8 rather than built as a JsonObject: an import writes one state per node and edge (issue #4).
    // The text is the same as JsonObject.ToJsonString() gave: compact, the default encoder's escaping.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static string Of(Node node) => Write(w =>
    {
        w.WriteString("id", node.Id);
        w.WriteString("kind", Codes.Of(node.Kind));
        w.WriteString("name", node.Name);
        w.WritePropertyName("properties");
        node.Properties.WriteTo(w);
        WriteDate(w, "validFrom", node.ValidFrom);
        WriteDate(w, "validTo", node.ValidTo);
        WriteProvenance(w, node.Provenance);
        w.WriteNumber("version", node.Stamp.Version);
    });

    public static string Of(Edge edge) => Write(w =>
    {
        w.WriteString("id", edge.Id);
        w.WriteString("kind", Codes.Of(edge.Kind));
        w.WriteString("sourceId", edge.SourceId);
        w.WriteString("targetId", edge.TargetId);
        w.WritePropertyName("properties");
        edge.Properties.WriteTo(w);
        WriteDate(w, "validFrom", edge.ValidFrom);
        WriteDate(w, "validTo", edge.ValidTo);
        WriteProvenance(w, edge.Provenance);
        w.WriteNumber("version", edge.Stamp.Version);
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } day)
        {
            w.WriteString(name, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteProvenance(Utf8JsonWriter w, Provenance p)
    {
        w.WriteStartObject("provenance");
        w.WriteString("source", Codes.Of(p.Source));
        w.WriteString("reference", p.Reference);
        w.WriteString("obtainedAt", p.ObtainedAt.ToString("O"));
        w.WriteString("recordedBy", p.RecordedBy);
        w.WriteString("restriction", Codes.Of(p.Restriction));
        // Written only when present, so the states of open, never relabelled facts read as before.
        if (p.CaseId is not null)
        {
            w.WriteString("caseId", p.CaseId);
        }
        if (p.Original is { } original)
        {
            w.WriteString("originalSource", Codes.Of(original.Source));
            w.WriteString("originalRestriction", Codes.Of(original.Restriction));
        }
        w.WriteEndObject();
    }

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
        Codes.Parse<UsageRestriction>((string)p["restriction"]!),
        (string?)p["caseId"],
        p["originalSource"] is { } source
            ? new Channel(Codes.Parse<SourceKind>((string)source!), Codes.Parse<UsageRestriction>((string)p["originalRestriction"]!))
            : null);

    private static DateOnly? Date(JsonNode? value) =>
        value is null ? null : DateOnly.ParseExact((string)value!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
