using System.Text;
using System.Xml;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;
using AssetTrace.Interchange.Export;

namespace AssetTrace.Interchange.GraphMl;

/// <summary>
/// GraphML for Gephi and yEd: a directed graph whose nodes carry <c>label</c> (the name), <c>kind</c>
/// and every model property as a typed key; edges carry their kind as <c>label</c>. Lists are
/// joined with "; ".
/// </summary>
public sealed class GraphMlExporter(GraphSchema schema) : IGraphExporter
{
    private const string Ns = "http://graphml.graphdrawing.org/xmlns";

    public string Name => "graphml";

    public string Description => "GraphML (Gephi, yEd): one file, graph.graphml.";

    public async Task<ExportSummary> WriteAsync(GraphExtract extract, IExportTarget target, CancellationToken ct)
    {
        var nodeColumns = ExportValues.Columns(schema.Nodes.Values.Select(n => n.Properties)).Where(c => c.Name != "name").ToList();
        var edgeColumns = ExportValues.Columns(schema.Edges.Values.Select(e => e.Properties)).ToList();
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        await using var stream = target.Create("graph.graphml");
        await using var w = XmlWriter.Create(stream, settings);
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(null, "graphml", Ns);
        await KeyAsync(w, "n_label", "node", "label", "string");
        await KeyAsync(w, "n_kind", "node", "kind", "string");
        foreach (var (name, type) in nodeColumns)
        {
            await KeyAsync(w, $"n_{name}", "node", name, GraphMlType(type));
        }
        await KeyAsync(w, "e_label", "edge", "label", "string");
        foreach (var (name, type) in edgeColumns)
        {
            await KeyAsync(w, $"e_{name}", "edge", name, GraphMlType(type));
        }
        await KeyAsync(w, "e_shareLow", "edge", "shareLow", "double");
        await KeyAsync(w, "e_shareHigh", "edge", "shareHigh", "double");
        foreach (var (name, type, _) in ExportValues.Bookkeeping(new Provenance(SourceKind.ManualEntry, null, default, "", UsageRestriction.Evidence), null, null, new Stamp(1, default, "", default, "")))
        {
            await KeyAsync(w, $"n_{name}", "node", name, type == "int" ? "int" : "string");
            await KeyAsync(w, $"e_{name}", "edge", name, type == "int" ? "int" : "string");
        }
        await w.WriteStartElementAsync(null, "graph", Ns);
        await w.WriteAttributeStringAsync(null, "id", null, "G");
        await w.WriteAttributeStringAsync(null, "edgedefault", null, "directed");
        long nodes = 0, edges = 0;
        await foreach (var node in extract.NodesAsync(ct))
        {
            await w.WriteStartElementAsync(null, "node", Ns);
            await w.WriteAttributeStringAsync(null, "id", null, node.Id);
            await DataAsync(w, "n_label", node.Name);
            await DataAsync(w, "n_kind", Codes.Of(node.Kind));
            foreach (var (name, _) in nodeColumns)
            {
                await DataAsync(w, $"n_{name}", ExportValues.Text(node.Properties, name, "; "));
            }
            foreach (var (name, _, value) in ExportValues.Bookkeeping(node.Provenance, node.ValidFrom, node.ValidTo, node.Stamp))
            {
                await DataAsync(w, $"n_{name}", value);
            }
            await w.WriteEndElementAsync();
            nodes++;
        }
        await foreach (var edge in extract.EdgesAsync(ct))
        {
            await w.WriteStartElementAsync(null, "edge", Ns);
            await w.WriteAttributeStringAsync(null, "id", null, edge.Id);
            await w.WriteAttributeStringAsync(null, "source", null, edge.SourceId);
            await w.WriteAttributeStringAsync(null, "target", null, edge.TargetId);
            await DataAsync(w, "e_label", Codes.Of(edge.Kind));
            foreach (var (name, _) in edgeColumns)
            {
                await DataAsync(w, $"e_{name}", ExportValues.Text(edge.Properties, name, "; "));
            }
            await DataAsync(w, "e_shareLow", edge.Share is { } s ? ExportValues.Number(s.Low) : null);
            await DataAsync(w, "e_shareHigh", edge.Share is { } h ? ExportValues.Number(h.High) : null);
            foreach (var (name, _, value) in ExportValues.Bookkeeping(edge.Provenance, edge.ValidFrom, edge.ValidTo, edge.Stamp))
            {
                await DataAsync(w, $"e_{name}", value);
            }
            await w.WriteEndElementAsync();
            edges++;
        }
        await w.WriteEndElementAsync();
        await w.WriteEndElementAsync();
        await w.WriteEndDocumentAsync();
        return new ExportSummary(["graph.graphml"], nodes, edges);
    }

    private static string GraphMlType(string flatType) => flatType switch
    {
        "float" => "double",
        "boolean" => "boolean",
        _ => "string",
    };

    private static async Task KeyAsync(XmlWriter w, string id, string target, string name, string type)
    {
        await w.WriteStartElementAsync(null, "key", Ns);
        await w.WriteAttributeStringAsync(null, "id", null, id);
        await w.WriteAttributeStringAsync(null, "for", null, target);
        await w.WriteAttributeStringAsync(null, "attr.name", null, name);
        await w.WriteAttributeStringAsync(null, "attr.type", null, type);
        await w.WriteEndElementAsync();
    }

    private static async Task DataAsync(XmlWriter w, string key, string? value)
    {
        if (value is null)
        {
            return;
        }
        await w.WriteStartElementAsync(null, "data", Ns);
        await w.WriteAttributeStringAsync(null, "key", null, key);
        await w.WriteStringAsync(value);
        await w.WriteEndElementAsync();
    }
}
