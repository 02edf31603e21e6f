using System.Globalization;
using System.Text;
using AssetTrace.Graph.Model;

namespace AssetTrace.Graph.Schema;

/// <summary>
/// The Neo4j constraints and indexes that mirror the model: a unique id per node label, and
/// indexes on names and on the identifiers analysts look nodes up by. Exported data loads
/// into a database prepared with this script.
/// </summary>
public static class Neo4jConstraints
{
    private static readonly string[] LookupProperties = ["registrationNumber", "imoNumber", "iban", "personalId", "titleNumber", "registrationMark", "isin", "publicKey"];

    public static string Generate(GraphSchema schema)
    {
        var text = new StringBuilder();
        text.Append("// Generated from graph-schema/ by `assettrace schema neo4j`; do not edit by hand.\n");
        text.Append("// Neo4j 5 syntax. One label per node kind; relationship types are the edge kind codes.\n\n");
        foreach (var (kind, definition) in schema.Nodes.OrderBy(n => Codes.Of(n.Key), StringComparer.Ordinal))
        {
            var label = Codes.Of(kind);
            var snake = Codes.Of<NodeKind>(kind);
            text.Append(CultureInfo.InvariantCulture, $"CREATE CONSTRAINT {snake}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;\n");
            text.Append(CultureInfo.InvariantCulture, $"CREATE INDEX {snake}_name IF NOT EXISTS FOR (n:{label}) ON (n.name);\n");
            foreach (var property in LookupProperties.Where(definition.Properties.ContainsKey))
            {
                text.Append(CultureInfo.InvariantCulture, $"CREATE INDEX {snake}_{property} IF NOT EXISTS FOR (n:{label}) ON (n.{property});\n");
            }
        }
        text.Append('\n');
        foreach (var kind in schema.Edges.Keys.OrderBy(Codes.Of, StringComparer.Ordinal))
        {
            var type = Codes.Of(kind);
            text.Append(CultureInfo.InvariantCulture, $"CREATE CONSTRAINT {type.ToLowerInvariant()}_id IF NOT EXISTS FOR ()-[r:{type}]-() REQUIRE r.id IS UNIQUE;\n");
        }
        return text.ToString();
    }
}
