using System.Text.Json;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;
using AssetTrace.Interchange.Bods;
using AssetTrace.Interchange.Export;

namespace AssetTrace.Benchmarks.Import;

/// <summary>
/// A BODS 0.4 file of the generated graph, written by the product's own exporter: persons and
/// companies as person and entity statements (with their registered addresses), ownership and
/// directorships as relationship statements. Assets are not BODS data and are left out.
/// </summary>
public static class BodsBenchFile
{
    public static async Task<BenchFiles> WriteAsync(GeneratedGraph graph, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var extract = new GraphExtract(new ExportScope(), _ => Nodes(graph), _ => Edges(graph));
        var summary = await new BodsExporter(TimeProvider.System).WriteAsync(extract, new FolderTarget(directory), ct);
        return new BenchFiles("bods", directory, summary.Nodes + summary.Edges, BenchFiles.SizeOf(directory));
    }

    private static readonly Stamp Stamp = new(1, BulkRows.Stamp, BulkRows.Actor, BulkRows.Stamp, BulkRows.Actor);

    private static Provenance Provenance(GeneratedGraph graph) =>
        new(SourceKind.BulkImport, BulkRows.SourceRef(graph), BulkRows.Stamp, BulkRows.Actor, UsageRestriction.Evidence);

    private static async IAsyncEnumerable<Node> Nodes(GeneratedGraph graph)
    {
        await Task.Yield();
        var provenance = Provenance(graph);
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            using var properties = JsonDocument.Parse(BulkRows.NodeProperties(node));
            yield return new Node(GeneratedGraph.NodeId(i), node.Kind, node.Name, properties.RootElement.Clone(), null, null, provenance, Stamp);
        }
    }

    private static async IAsyncEnumerable<Edge> Edges(GeneratedGraph graph)
    {
        await Task.Yield();
        var provenance = Provenance(graph);
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            using var properties = JsonDocument.Parse(BulkRows.EdgeProperties(edge));
            var element = properties.RootElement.Clone();
            yield return new Edge(GeneratedGraph.EdgeId(i), edge.Kind, GeneratedGraph.NodeId(edge.Source), GeneratedGraph.NodeId(edge.Target), element,
                GraphInputValidator.ShareOf(element), edge.ValidFrom, edge.ValidTo, provenance, Stamp);
        }
    }
}
