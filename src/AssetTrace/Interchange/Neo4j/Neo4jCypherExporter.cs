using System.Globalization;
using System.Text;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;
using AssetTrace.Interchange.Export;

namespace AssetTrace.Interchange.Neo4j;

/// <summary>
/// One Cypher script for cypher-shell: the constraints and indexes generated from graph-schema/,
/// then MERGE statements for every node and relationship (idempotent: running it twice changes
/// nothing), committed in batches.
/// </summary>
public sealed class Neo4jCypherExporter(GraphSchema schema) : IGraphExporter
{
    private const int Batch = 1000;

    public string Name => "neo4j-cypher";

    public string Description => "A Cypher script (cypher-shell -f graph.cypher) with the graph-schema constraints and MERGE statements.";

    public async Task<ExportSummary> WriteAsync(GraphExtract extract, IExportTarget target, CancellationToken ct)
    {
        await using var w = new StreamWriter(target.Create("graph.cypher"), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        await w.WriteLineAsync($"// Exported by `assettrace export neo4j-cypher` ({extract.Scope}). Run: cypher-shell -f graph.cypher");
        await w.WriteAsync(Neo4jConstraints.Generate(schema));
        await w.WriteLineAsync();
        // Relationships are matched by label and id, so each end's label is remembered (ids only, not whole nodes).
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        long nodes = 0, edges = 0, leftOut = 0, statements = 0;
        await w.WriteLineAsync(":begin");
        await foreach (var node in extract.NodesAsync(ct))
        {
            var label = Codes.Of(node.Kind);
            labels[node.Id] = label;
            var properties = Properties(node.Properties, schema.Nodes[node.Kind].Properties, ExportValues.Bookkeeping(node.Provenance, node.ValidFrom, node.ValidTo, node.Stamp));
            await w.WriteLineAsync($"MERGE (n:{label} {{id: {Literal(node.Id)}}}) SET n += {properties};");
            nodes++;
            await CommitEveryAsync(w, ++statements);
        }
        await foreach (var edge in extract.EdgesAsync(ct))
        {
            if (!labels.TryGetValue(edge.SourceId, out var from) || !labels.TryGetValue(edge.TargetId, out var to))
            {
                leftOut++;
                continue;
            }
            var bookkeeping = ExportValues.Bookkeeping(edge.Provenance, edge.ValidFrom, edge.ValidTo, edge.Stamp).ToList();
            if (edge.Share is { } share)
            {
                bookkeeping.Add(("shareLow", "float", ExportValues.Number(share.Low)));
                bookkeeping.Add(("shareHigh", "float", ExportValues.Number(share.High)));
            }
            var properties = Properties(edge.Properties, schema.Edges[edge.Kind].Properties, bookkeeping);
            await w.WriteLineAsync($"MATCH (a:{from} {{id: {Literal(edge.SourceId)}}}), (b:{to} {{id: {Literal(edge.TargetId)}}}) MERGE (a)-[r:{Codes.Of(edge.Kind)} {{id: {Literal(edge.Id)}}}]->(b) SET r += {properties};");
            edges++;
            await CommitEveryAsync(w, ++statements);
        }
        await w.WriteLineAsync(":commit");
        return new ExportSummary(["graph.cypher"], nodes, edges, 0, leftOut);
    }

    private static async Task CommitEveryAsync(StreamWriter w, long statements)
    {
        if (statements % Batch == 0)
        {
            await w.WriteLineAsync(":commit");
            await w.WriteLineAsync(":begin");
        }
    }

    /// <summary>A Cypher map literal with typed values: date('…'), datetime('…'), numbers, booleans, lists.</summary>
    private static string Properties(JsonElement properties, IReadOnlyDictionary<string, PropertyDefinition> definitions,
        IEnumerable<(string Name, string Type, string? Value)> bookkeeping)
    {
        var parts = new List<string>();
        foreach (var property in properties.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var type = definitions.TryGetValue(property.Name, out var d) ? ExportValues.FlatType(d.Type) : "string";
            parts.Add($"`{property.Name}`: {Value(property.Value, type)}");
        }
        foreach (var (name, type, value) in bookkeeping)
        {
            if (value is not null)
            {
                parts.Add($"`{name}`: {Typed(value, type)}");
            }
        }
        return "{" + string.Join(", ", parts) + "}";
    }

    private static string Value(JsonElement value, string type) => value.ValueKind switch
    {
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(e => Literal(e.GetString() ?? ""))) + "]",
        JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => Typed(value.GetString()!, type),
        _ => "null",
    };

    private static string Typed(string value, string type) => type switch
    {
        "date" => $"date({Literal(value)})",
        "datetime" => $"datetime({Literal(value)})",
        "int" or "float" => value,
        _ => Literal(value),
    };

    /// <summary>A Cypher string literal: single quotes, backslash escapes.</summary>
    public static string Literal(string value)
    {
        var b = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            b.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        return b.Append('\'').ToString();
    }
}
