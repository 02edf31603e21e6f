using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Names;

namespace AssetTrace.Benchmarks.Loading;

/// <summary>
/// What the loaders write for a generated node or edge: the properties JSON the model expects,
/// the provenance columns, and the search keys (as GraphStore.SearchKeys derives them).
/// </summary>
public static class BulkRows
{
    public const string Actor = "bench";
    public const string SourceKind = "bulk_import";
    public const string Restriction = "evidence";

    /// <summary>One instant for every stamp, so that two loads of the same seed are identical.</summary>
    public static readonly DateTimeOffset Stamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string SourceRef(GeneratedGraph graph) => $"bench generator, seed {graph.Seed}";

    public static string NodeProperties(GeneratedNode node)
    {
        using var buffer = new MemoryStream(256);
        using (var json = new Utf8JsonWriter(buffer, Relaxed))
        {
            json.WriteStartObject();
            json.WriteString("name", node.Name);
            if (node.AlternateName is { } alternate)
            {
                json.WriteStartArray("alternateNames");
                json.WriteStringValue(alternate);
                json.WriteEndArray();
            }
            if (node.Country is { } country)
            {
                json.WriteString(node.Kind switch
                {
                    NodeKind.Company => "jurisdiction",
                    NodeKind.Vessel => "flag",
                    _ => "country",
                }, country);
            }
            if (node.Value is { } value)
            {
                json.WriteNumber("value", value);
                json.WriteString("valueCurrency", "USD");
                json.WriteString("valueDate", "2025-06-30");
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string EdgeProperties(GeneratedEdge edge) => edge.Kind switch
    {
        EdgeKind.Owns when edge.ShareLow is null => "{}",
        EdgeKind.Owns when edge.ShareLow == edge.ShareHigh => Invariant($$"""{"share":{{edge.ShareLow}}}"""),
        EdgeKind.Owns => Invariant($$"""{"shareMin":{{edge.ShareLow}},"shareMax":{{edge.ShareHigh}}}"""),
        EdgeKind.DirectorOf when edge.Nominee => """{"role":"director","nominee":true}""",
        EdgeKind.TransferredTo => Invariant($$"""{"amount":{{edge.Amount}},"currency":"{{edge.Detail}}","date":"{{edge.Date:yyyy-MM-dd}}"}"""),
        EdgeKind.FamilyOf => $$"""{"relationship":"{{edge.Detail}}"}""",
        EdgeKind.DirectorOf or EdgeKind.HoldsAccount => $$"""{"role":"{{edge.Detail}}"}""",
        _ => "{}",
    };

    /// <summary>
    /// Every (search key, node index) pair, sorted by key then node id in ordinal order: the order of
    /// the table's primary key in both stores, so that the load appends to the index.
    /// </summary>
    public static List<(string Key, int Node)> NameKeys(GeneratedGraph graph)
    {
        var rows = new List<(string Key, int Node)>(graph.Nodes.Count * 3);
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            var keys = NameKey.Keys(node.Name);
            if (node.AlternateName is { } alternate)
            {
                keys = [.. keys.Concat(NameKey.Keys(alternate)).Distinct()];
            }
            foreach (var key in keys)
            {
                rows.Add((key, i));
            }
        }
        rows.Sort((a, b) => a.Key == b.Key ? a.Node.CompareTo(b.Node) : string.CompareOrdinal(a.Key, b.Key));
        return rows;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
