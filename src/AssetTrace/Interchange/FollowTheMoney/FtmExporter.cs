using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Export;

namespace AssetTrace.Interchange.FollowTheMoney;

/// <summary>
/// FollowTheMoney JSON lines (entities.ftm.json) for Aleph and other FtM tools: nodes as thing
/// entities, edges as interval entities. Edge kinds FtM has no schema for travel in the role of an
/// Ownership, Representation or UnknownLink (see FtmRoles), so AssetTrace reads them back as they were.
/// </summary>
public sealed class FtmExporter : IGraphExporter
{
    public string Name => "ftm";

    public string Description => "FollowTheMoney entities as JSON lines (entities.ftm.json).";

    public async Task<ExportSummary> WriteAsync(GraphExtract extract, IExportTarget target, CancellationToken ct)
    {
        // REGISTERED_AT from a person or company becomes its addressEntity, so those edges are read first.
        var addresses = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var edge in extract.EdgesAsync(ct))
        {
            if (edge.Kind == EdgeKind.RegisteredAt)
            {
                (addresses.TryGetValue(edge.SourceId, out var list) ? list : addresses[edge.SourceId] = []).Add(edge.TargetId);
            }
        }
        await using var w = new StreamWriter(target.Create("entities.ftm.json"), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        long nodes = 0, edges = 0;
        await foreach (var node in extract.NodesAsync(ct))
        {
            var (schema, properties) = Thing(node);
            Put(properties, "summary", ExportValues.RestrictionMarking(node.Provenance));
            if (addresses.TryGetValue(node.Id, out var linked))
            {
                properties["addressEntity"] = Values(linked);
            }
            await w.WriteLineAsync(Entity(node.Id, schema, properties, node.Name));
            nodes++;
        }
        await foreach (var edge in extract.EdgesAsync(ct))
        {
            if (edge.Kind == EdgeKind.RegisteredAt)
            {
                edges++;
                continue;
            }
            var (schema, properties) = Link(edge);
            Put(properties, "summary", ExportValues.RestrictionMarking(edge.Provenance));
            await w.WriteLineAsync(Entity(edge.Id, schema, properties, schema));
            edges++;
        }
        return new ExportSummary(["entities.ftm.json"], nodes, edges);
    }

    private static string Entity(string id, string schema, JsonObject properties, string caption) =>
        new JsonObject { ["id"] = id, ["schema"] = schema, ["caption"] = caption, ["properties"] = properties }.ToJsonString(Readable);

    // Names stay readable in their own script (Cyrillic, Kazakh) rather than \u-escaped.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonArray Values(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static void Put(JsonObject o, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            o[name] = Values([value]);
        }
    }

    private static string? Get(Node node, string name) => ExportValues.Text(node.Properties, name, ";");

    private static (string Schema, JsonObject Properties) Thing(Node node)
    {
        var o = new JsonObject { ["name"] = Values([node.Name]) };
        var lower = (string? c) => c?.ToLowerInvariant();
        // An asset's estimated value is FtM's Value (amount, currency), which every asset schema has; its date has no place there.
        if (node.Kind is not (NodeKind.Person or NodeKind.Company or NodeKind.Address))
        {
            Put(o, "amount", Get(node, "value"));
            Put(o, "currency", Get(node, "valueCurrency"));
        }
        switch (node.Kind)
        {
            case NodeKind.Person:
                Alternates(node, o);
                Put(o, "birthDate", Get(node, "birthDate"));
                Put(o, "nationality", lower(Get(node, "nationality")));
                Put(o, "idNumber", Get(node, "personalId"));
                Put(o, "position", Get(node, "position"));
                if (node.Properties.TryGetProperty("politicallyExposed", out var pep) && pep.ValueKind == JsonValueKind.True)
                {
                    o["topics"] = Values(["role.pep"]);
                }
                return ("Person", o);
            case NodeKind.Company:
                Alternates(node, o);
                Put(o, "jurisdiction", lower(Get(node, "jurisdiction")));
                Put(o, "registrationNumber", Get(node, "registrationNumber"));
                Put(o, "incorporationDate", Get(node, "incorporationDate"));
                Put(o, "dissolutionDate", Get(node, "dissolutionDate"));
                Put(o, "legalForm", Get(node, "legalForm"));
                return (Get(node, "legalForm") == "state_body" ? "PublicBody" : "Company", o);
            case NodeKind.Address:
                o.Remove("name");
                Put(o, "full", node.Name);
                Put(o, "country", lower(Get(node, "country")));
                Put(o, "city", Get(node, "city"));
                Put(o, "postalCode", Get(node, "postalCode"));
                return ("Address", o);
            case NodeKind.RealEstate:
                Put(o, "country", lower(Get(node, "country")));
                Put(o, "titleNumber", Get(node, "titleNumber"));
                Put(o, "propertyType", Get(node, "propertyType"));
                return ("RealEstate", o);
            case NodeKind.BankAccount:
                Put(o, "accountNumber", node.Name);
                Put(o, "iban", Get(node, "iban"));
                Put(o, "bankName", Get(node, "bankName"));
                Put(o, "swiftBic", Get(node, "bic"));
                Put(o, "country", lower(Get(node, "country")));
                return ("BankAccount", o);
            case NodeKind.Vessel:
                Put(o, "imoNumber", Get(node, "imoNumber"));
                Put(o, "flag", lower(Get(node, "flag")));
                Put(o, "type", Get(node, "vesselType"));
                return ("Vessel", o);
            case NodeKind.Aircraft:
                Put(o, "registrationNumber", Get(node, "registrationMark"));
                Put(o, "serialNumber", Get(node, "serialNumber"));
                Put(o, "country", lower(Get(node, "country")));
                return ("Airplane", o);
            case NodeKind.Vehicle:
                Put(o, "registrationNumber", Get(node, "registrationNumber"));
                Put(o, "country", lower(Get(node, "country")));
                return ("Vehicle", o);
            case NodeKind.Securities:
                Put(o, "isin", Get(node, "isin"));
                return ("Security", o);
            default:
                Put(o, "publicKey", Get(node, "publicKey"));
                Put(o, "currencySymbol", Get(node, "currencySymbol"));
                return ("CryptoWallet", o);
        }
    }

    private static void Alternates(Node node, JsonObject o)
    {
        if (node.Properties.TryGetProperty("alternateNames", out var a) && a.ValueKind == JsonValueKind.Array)
        {
            o["alias"] = Values(a.EnumerateArray().Select(e => e.GetString() ?? ""));
        }
    }

    private static (string Schema, JsonObject Properties) Link(Edge edge)
    {
        var o = new JsonObject();
        Put(o, "startDate", ExportValues.Date(edge.ValidFrom));
        Put(o, "endDate", ExportValues.Date(edge.ValidTo));
        var role = ExportValues.Text(edge.Properties, "role", ";");
        switch (edge.Kind)
        {
            case EdgeKind.Owns or EdgeKind.BeneficialOwnerOf:
                Put(o, "owner", edge.SourceId);
                Put(o, "asset", edge.TargetId);
                if (edge.Share is { } share)
                {
                    Put(o, "percentage", share.IsExact ? ExportValues.Number(share.Low) : $"{ExportValues.Number(share.Low)}-{ExportValues.Number(share.High)}");
                }
                Put(o, "role", edge.Kind == EdgeKind.BeneficialOwnerOf ? FtmRoles.BeneficialOwner : null);
                return ("Ownership", o);
            case EdgeKind.HoldsAccount:
                Put(o, "owner", edge.SourceId);
                Put(o, "asset", edge.TargetId);
                Put(o, "role", role is null ? FtmRoles.AccountHolder : $"{FtmRoles.AccountHolder}: {role}");
                return ("Ownership", o);
            case EdgeKind.DirectorOf:
                Put(o, "director", edge.SourceId);
                Put(o, "organization", edge.TargetId);
                Put(o, "role", role);
                return ("Directorship", o);
            case EdgeKind.FamilyOf:
                Put(o, "relative", edge.SourceId);
                Put(o, "person", edge.TargetId);
                Put(o, "relationship", ExportValues.Text(edge.Properties, "relationship", ";"));
                return ("Family", o);
            case EdgeKind.AssociateOf:
                Put(o, "person", edge.SourceId);
                Put(o, "associate", edge.TargetId);
                Put(o, "relationship", ExportValues.Text(edge.Properties, "relationship", ";"));
                return ("Associate", o);
            case EdgeKind.NomineeFor or EdgeKind.IntermediaryOf:
                Put(o, "agent", edge.SourceId);
                Put(o, "client", edge.TargetId);
                Put(o, "role", edge.Kind == EdgeKind.NomineeFor ? FtmRoles.Nominee : "intermediary");
                return ("Representation", o);
            case EdgeKind.TransferredTo:
                Put(o, "payer", edge.SourceId);
                Put(o, "beneficiary", edge.TargetId);
                Put(o, "amount", ExportValues.Text(edge.Properties, "amount", ";"));
                Put(o, "currency", ExportValues.Text(edge.Properties, "currency", ";"));
                Put(o, "date", ExportValues.Text(edge.Properties, "date", ";"));
                Put(o, "purpose", ExportValues.Text(edge.Properties, "reference", ";"));
                return ("Payment", o);
            default:
                Put(o, "subject", edge.SourceId);
                Put(o, "object", edge.TargetId);
                Put(o, "role", edge.Kind == EdgeKind.RegisteredAt ? FtmRoles.RegisteredAt : role is null ? FtmRoles.Controls : $"{FtmRoles.Controls}: {role}");
                return ("UnknownLink", o);
        }
    }
}
