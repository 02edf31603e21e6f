using System.Text.Json;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using nietras.SeparatedValues;

namespace AssetTrace.Graph.Schema;

/// <summary>
/// The graph model, loaded from the files in graph-schema/: one file per node or edge kind,
/// plus code lists. The C# enums name the kinds; the files say what each kind holds.
/// </summary>
public sealed class GraphSchema
{
    private GraphSchema(
        IReadOnlyDictionary<NodeKind, NodeKindDefinition> nodes,
        IReadOnlyDictionary<EdgeKind, EdgeKindDefinition> edges,
        IReadOnlyDictionary<string, CodeList> codeLists)
    {
        Nodes = nodes;
        Edges = edges;
        CodeLists = codeLists;
    }

    public IReadOnlyDictionary<NodeKind, NodeKindDefinition> Nodes { get; }

    public IReadOnlyDictionary<EdgeKind, EdgeKindDefinition> Edges { get; }

    /// <summary>Code lists by file name without extension, e.g. <c>usage-restriction</c>.</summary>
    public IReadOnlyDictionary<string, CodeList> CodeLists { get; }

    /// <summary>The folder shipped beside the binary (the build copies graph-schema/ there).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "graph-schema");

    public static GraphSchema Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The graph schema folder '{directory}' does not exist; set GraphSchema:Directory to the graph-schema folder.");
        }

        var nodes = new Dictionary<NodeKind, NodeKindDefinition>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(directory, "nodes"), "*.json").Order())
        {
            using var doc = ReadJson(file);
            var root = doc.RootElement;
            var code = root.GetProperty("kind").GetString() ?? "";
            if (!Codes.TryParseNodeKind(code, out var kind))
            {
                throw new InvalidDataException($"{file}: node kind '{code}' is not one AssetTrace knows.");
            }
            nodes.Add(kind, new NodeKindDefinition(kind, Description(root), ReadProperties(root, file), Path.GetFileName(file)));
        }

        var edges = new Dictionary<EdgeKind, EdgeKindDefinition>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(directory, "edges"), "*.json").Order())
        {
            using var doc = ReadJson(file);
            var root = doc.RootElement;
            var code = root.GetProperty("kind").GetString() ?? "";
            if (!Codes.TryParseEdgeKind(code, out var kind))
            {
                throw new InvalidDataException($"{file}: edge kind '{code}' is not one AssetTrace knows.");
            }
            edges.Add(kind, new EdgeKindDefinition(
                kind,
                Description(root),
                ReadNodeKinds(root.GetProperty("from"), file),
                ReadNodeKinds(root.GetProperty("to"), file),
                ReadProperties(root, file),
                Path.GetFileName(file)));
        }

        var codeLists = new Dictionary<string, CodeList>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(directory, "codelists"), "*.csv").Order())
        {
            var name = Path.GetFileNameWithoutExtension(file);
            codeLists.Add(name, new CodeList(name, ReadCodeList(file)));
        }

        return new GraphSchema(nodes, edges, codeLists);
    }

    private static JsonDocument ReadJson(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not valid JSON: {e.Message}", e);
        }
    }

    private static string Description(JsonElement root) =>
        root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";

    private static HashSet<NodeKind> ReadNodeKinds(JsonElement array, string file) =>
        array.EnumerateArray()
            .Select(e => Codes.TryParseNodeKind(e.GetString() ?? "", out var k)
                ? k
                : throw new InvalidDataException($"{file}: '{e.GetString()}' is not a node kind."))
            .ToHashSet();

    private static Dictionary<string, PropertyDefinition> ReadProperties(JsonElement root, string file)
    {
        var result = new Dictionary<string, PropertyDefinition>(StringComparer.Ordinal);
        if (!root.TryGetProperty("properties", out var properties))
        {
            return result;
        }
        foreach (var property in properties.EnumerateObject())
        {
            var value = property.Value;
            var type = value.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (string.IsNullOrEmpty(type))
            {
                throw new InvalidDataException($"{file}: property '{property.Name}' has no type.");
            }
            var definition = new PropertyDefinition(
                property.Name,
                type,
                value.TryGetProperty("required", out var r) && r.GetBoolean(),
                value.TryGetProperty("description", out var d) ? d.GetString() : null,
                ReadTextKind(value, property.Name, file),
                value.TryGetProperty("maxLength", out var length) ? length.GetInt32() : null,
                value.TryGetProperty("maxItems", out var items) ? items.GetInt32() : null);
            CheckLimits(definition, file);
            result.Add(property.Name, definition);
        }
        return result;
    }

    private static TextKind ReadTextKind(JsonElement value, string name, string file) =>
        !value.TryGetProperty("text", out var text) ? TextKind.Line : text.GetString() switch
        {
            "line" => TextKind.Line,
            "identifier" => TextKind.Identifier,
            "free-text" => TextKind.FreeText,
            var other => throw new InvalidDataException($"{file}: property '{name}' has text '{other}'; use line, identifier or free-text."),
        };

    /// <summary>Every text has a length limit in its file, so no property can take a megabyte (#11).</summary>
    private static void CheckLimits(PropertyDefinition definition, string file)
    {
        if (definition.IsText && definition.MaxLength is not > 0)
        {
            throw new InvalidDataException($"{file}: text property '{definition.Name}' needs a positive maxLength.");
        }
        if (definition.Type == "string[]" && definition.MaxItems is not > 0)
        {
            throw new InvalidDataException($"{file}: list property '{definition.Name}' needs a positive maxItems.");
        }
    }

    private static List<CodeListEntry> ReadCodeList(string file)
    {
        using var csv = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromFile(file);
        var header = csv.Header.ColNames;
        if (!header.SequenceEqual(["code", "title", "description"]))
        {
            throw new InvalidDataException($"{file}: the header must be 'code,title,description', found '{string.Join(',', header)}'.");
        }
        var entries = new List<CodeListEntry>();
        foreach (var row in csv)
        {
            entries.Add(new CodeListEntry(row[0].ToString(), row[1].ToString(), row[2].ToString()));
        }
        return entries;
    }
}
