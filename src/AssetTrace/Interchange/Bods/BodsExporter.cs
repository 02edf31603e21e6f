using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Export;

namespace AssetTrace.Interchange.Bods;

/// <summary>
/// BODS 0.4 statements (bods.json, a JSON array): companies as entity records, persons as person
/// records with their REGISTERED_AT addresses, and ownership and control edges between them as
/// relationship records with one interest each. Assets and the edges to them are not beneficial
/// ownership data; they are left out and counted.
/// </summary>
public sealed class BodsExporter(TimeProvider clock) : IGraphExporter
{
    public string Name => "bods";

    public string Description => "Beneficial Ownership Data Standard 0.4 statements (bods.json): companies, persons, ownership and control.";

    public async Task<ExportSummary> WriteAsync(GraphExtract extract, IExportTarget target, CancellationToken ct)
    {
        // Addresses ride on their persons and companies, so they are gathered first (ids and texts only).
        var addresses = new Dictionary<string, Node>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        await foreach (var node in extract.NodesAsync(ct))
        {
            kinds[node.Id] = node.Kind;
            if (node.Kind == NodeKind.Address)
            {
                addresses[node.Id] = node;
            }
        }
        var registeredAt = new Dictionary<string, List<(Node Address, string? Type)>>(StringComparer.Ordinal);
        // A declaration is about an entity: a person's statement names the first company it holds an interest in.
        var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var edge in extract.EdgesAsync(ct))
        {
            if (edge.Kind == EdgeKind.RegisteredAt && addresses.TryGetValue(edge.TargetId, out var address))
            {
                var type = edge.Properties.TryGetProperty("addressType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                (registeredAt.TryGetValue(edge.SourceId, out var list) ? list : registeredAt[edge.SourceId] = []).Add((address, type));
            }
            else if (kinds.GetValueOrDefault(edge.SourceId) == NodeKind.Person && BodsRecords.IsRelationship(edge, kinds))
            {
                declaredIn.TryAdd(edge.SourceId, edge.TargetId);
            }
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var stream = target.Create("bods.json");
        await using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartArray();
        long nodes = 0, edges = 0, nodesLeft = 0, edgesLeft = 0;
        await foreach (var node in extract.NodesAsync(ct))
        {
            if (node.Kind is not (NodeKind.Person or NodeKind.Company))
            {
                nodesLeft += node.Kind == NodeKind.Address ? 0 : 1;
                continue;
            }
            Header(w, node.Id, declaredIn.GetValueOrDefault(node.Id, node.Id), node.Stamp, node.Kind == NodeKind.Person ? "person" : "entity", today, node.Provenance);
            w.WriteStartObject("recordDetails");
            w.WriteBoolean("isComponent", false);
            if (node.Kind == NodeKind.Person)
            {
                BodsRecords.Person(w, node);
            }
            else
            {
                BodsRecords.Entity(w, node);
            }
            BodsRecords.Addresses(w, registeredAt.GetValueOrDefault(node.Id), node.Kind == NodeKind.Person ? BodsCodes.PersonAddressTypes : BodsCodes.EntityAddressTypes);
            w.WriteEndObject();
            w.WriteEndObject();
            nodes++;
            await FlushSometimesAsync(w, nodes, ct);
        }
        await foreach (var edge in extract.EdgesAsync(ct))
        {
            if (!BodsRecords.IsRelationship(edge, kinds))
            {
                edgesLeft += edge.Kind == EdgeKind.RegisteredAt ? 0 : 1;
                continue;
            }
            // The declaration is about the entity whose ownership or control the relationship describes: its subject.
            Header(w, edge.Id, edge.TargetId, edge.Stamp, "relationship", today, edge.Provenance);
            w.WriteStartObject("recordDetails");
            w.WriteBoolean("isComponent", false);
            w.WriteString("subject", edge.TargetId);
            w.WriteString("interestedParty", edge.SourceId);
            w.WriteStartArray("interests");
            BodsRecords.Interest(w, edge);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            edges++;
            await FlushSometimesAsync(w, nodes + edges, ct);
        }
        w.WriteEndArray();
        await w.FlushAsync(ct);
        return new ExportSummary(["bods.json"], nodes, edges, nodesLeft, edgesLeft);
    }

    private static async Task FlushSometimesAsync(Utf8JsonWriter w, long count, CancellationToken ct)
    {
        if (count % 500 == 0)
        {
            await w.FlushAsync(ct);
        }
    }

    private static void Header(Utf8JsonWriter w, string recordId, string declarationSubject, Stamp stamp, string type, string today, Provenance provenance)
    {
        w.WriteStartObject();
        // The same version of a record always gets the same statement id, so exporting twice gives the same statements.
        w.WriteString("statementId", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{recordId}#{stamp.Version}")))[..32]);
        w.WriteString("declarationSubject", declarationSubject);
        w.WriteString("statementDate", stamp.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartObject("publicationDetails");
        w.WriteString("publicationDate", today);
        w.WriteString("bodsVersion", "0.4");
        w.WriteStartObject("publisher");
        w.WriteString("name", "AssetTrace export");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("recordId", recordId);
        w.WriteString("recordStatus", "new");
        w.WriteString("recordType", type);
        if (ExportValues.RestrictionMarking(provenance) is { } marking)
        {
            w.WriteStartArray("annotations");
            w.WriteStartObject();
            w.WriteString("motivation", "commenting");
            w.WriteString("description", marking);
            w.WriteString("statementPointerTarget", "/");
            w.WriteEndObject();
            w.WriteEndArray();
        }
    }
}
