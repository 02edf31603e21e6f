using System.Globalization;
using System.Text;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Graph.Model;

namespace AssetTrace.Benchmarks.Import;

/// <summary>
/// ICIJ Offshore Leaks CSV files of the generated graph in the current layout (node_id,
/// node_id_start, node_id_end): companies as entities, persons as officers, addresses, and the
/// links among them as relationships (shareholder of, director of, registered address, family).
/// Dates come in the formats ICIJ mixes (23-MAR-2006, 2006-03-23, 23 MAR 2006) and countries as
/// <c>;</c>-separated alpha-3 lists, as in the published files.
/// </summary>
public static class IcijBenchFiles
{
    public static async Task<BenchFiles> WriteAsync(GeneratedGraph graph, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        long records = 0;
        await using (var entities = Open(directory, "nodes-entities.csv", "node_id,name,original_name,jurisdiction,incorporation_date,country_codes,sourceID"))
        await using (var officers = Open(directory, "nodes-officers.csv", "node_id,name,country_codes,sourceID"))
        await using (var addresses = Open(directory, "nodes-addresses.csv", "node_id,address,name,country_codes,sourceID"))
        {
            for (var i = 0; i < graph.Nodes.Count; i++)
            {
                var node = graph.Nodes[i];
                var id = GeneratedGraph.NodeId(i);
                var line = node.Kind switch
                {
                    NodeKind.Company => Row(id, node.Name, node.AlternateName, node.Country, MixedDate(new DateOnly(1995, 1, 1).AddDays(i % 9_000), i), Alpha3(node.Country), Source),
                    NodeKind.Person => Row(id, node.Name, Alpha3("KZ") + ";" + Alpha3("RU"), Source),
                    NodeKind.Address => Row(id, node.Name, "", Alpha3(node.Country), Source),
                    _ => null,
                };
                if (line is null)
                {
                    continue;
                }
                await (node.Kind switch { NodeKind.Company => entities, NodeKind.Person => officers, _ => addresses }).WriteLineAsync(line.AsMemory(), ct);
                records++;
            }
        }
        await using (var relationships = Open(directory, "relationships.csv", "node_id_start,node_id_end,rel_type,link,start_date,end_date,sourceID"))
        {
            for (var i = 0; i < graph.Edges.Count; i++)
            {
                var edge = graph.Edges[i];
                if (Relationship(graph, edge) is not var (type, link))
                {
                    continue;
                }
                await relationships.WriteLineAsync(Row(GeneratedGraph.NodeId(edge.Source), GeneratedGraph.NodeId(edge.Target), type, link,
                    MixedDate(edge.ValidFrom, i), MixedDate(edge.ValidTo, i), Source).AsMemory(), ct);
                records++;
            }
        }
        return new BenchFiles("icij", directory, records, BenchFiles.SizeOf(directory));
    }

    private const string Source = "Bench Leaks";

    /// <summary>The ICIJ rel_type and link of a generated edge; null for those ICIJ files do not hold (assets, accounts, transfers).</summary>
    private static (string Type, string Link)? Relationship(GeneratedGraph graph, GeneratedEdge edge)
    {
        var source = graph.Nodes[edge.Source].Kind;
        var target = graph.Nodes[edge.Target].Kind;
        var party = source is NodeKind.Person or NodeKind.Company;
        return edge.Kind switch
        {
            EdgeKind.Owns when party && target == NodeKind.Company => ("officer_of", "shareholder of"),
            EdgeKind.DirectorOf when party && target == NodeKind.Company => ("officer_of", edge.Nominee ? "nominee director of" : "director of"),
            EdgeKind.RegisteredAt when party && target == NodeKind.Address => ("registered_address", "registered address"),
            EdgeKind.FamilyOf => ("family_of", edge.Detail ?? "relative"),
            _ => null,
        };
    }

    private static StreamWriter Open(string directory, string name, string header)
    {
        var writer = new StreamWriter(Path.Combine(directory, name), false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(header);
        return writer;
    }

    private static string Row(params string?[] values) => string.Join(',', values.Select(Field));

    private static string Field(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string? MixedDate(DateOnly? date, int i) => date?.ToString((i % 3) switch
    {
        0 => "dd-MMM-yyyy",
        1 => "yyyy-MM-dd",
        _ => "d MMM yyyy",
    }, CultureInfo.InvariantCulture).ToUpperInvariant();

    private static string? Alpha3(string? alpha2)
    {
        if (alpha2 is null)
        {
            return null;
        }
        try
        {
            return new RegionInfo(alpha2).ThreeLetterISORegionName;
        }
        catch (ArgumentException)
        {
            return alpha2;
        }
    }
}
