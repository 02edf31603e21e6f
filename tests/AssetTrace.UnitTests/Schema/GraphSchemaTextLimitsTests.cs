using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;

namespace AssetTrace.UnitTests.Schema;

/// <summary>
/// The text limits of #11 live in graph-schema/: every text property declares its kind of text and a
/// maximum length (lists also a maximum count), and the validator holds each property to exactly that.
/// </summary>
public sealed class GraphSchemaTextLimitsTests
{
    private static readonly GraphSchema Schema = GraphSchema.Load(GraphSchema.DefaultDirectory);

    private static readonly GraphInputValidator Validator = new(Schema);

    /// <summary>Every text property of every node and edge kind, as (kind, its definitions, the property).</summary>
    public static TheoryData<string, string> TextProperties()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, definition) in Schema.Nodes)
        {
            definition.Properties.Values.Where(p => p.IsText).ToList().ForEach(p => data.Add(kind.ToString(), p.Name));
        }
        foreach (var (kind, definition) in Schema.Edges)
        {
            definition.Properties.Values.Where(p => p.IsText).ToList().ForEach(p => data.Add(Codes.Of(kind), p.Name));
        }
        return data;
    }

    [Fact]
    public void Every_text_property_in_the_files_declares_its_kind_of_text_and_a_maximum_length()
    {
        var folder = GraphSchema.DefaultDirectory;
        var files = Directory.EnumerateFiles(Path.Combine(folder, "nodes"), "*.json").Concat(Directory.EnumerateFiles(Path.Combine(folder, "edges"), "*.json")).ToList();
        Assert.Equal(Schema.Nodes.Count + Schema.Edges.Count, files.Count);
        var checkedProperties = 0;
        foreach (var file in files)
        {
            var properties = JsonNode.Parse(File.ReadAllText(file))!["properties"]!.AsObject();
            foreach (var (name, property) in properties)
            {
                var type = property!["type"]!.GetValue<string>();
                if (type is not ("string" or "string[]"))
                {
                    continue;
                }
                checkedProperties++;
                Assert.True(property["maxLength"]?.GetValue<int>() > 0, $"{file}: '{name}' has no maxLength.");
                Assert.True(property["text"]?.GetValue<string>() is "line" or "identifier" or "free-text", $"{file}: '{name}' has no text kind.");
                Assert.True(type == "string" || property["maxItems"]?.GetValue<int>() > 0, $"{file}: '{name}' has no maxItems.");
            }
        }
        Assert.Equal(TextProperties().Count, checkedProperties);
    }

    [Theory]
    [MemberData(nameof(TextProperties))]
    public void A_text_property_takes_its_maximum_length_and_not_one_character_more(string kind, string property)
    {
        var definition = Definitions(kind)[property];
        var field = $"input.properties.{property}";
        // Chinese characters: the limit counts characters, whatever the script.
        var longest = new string('王', definition.MaxLength!.Value);
        Validate(kind, property, definition.Type == "string[]" ? new JsonArray(longest) : JsonValue.Create(longest));
        var error = Assert.Single(Assert.Throws<UserInputException>(() =>
            Validate(kind, property, definition.Type == "string[]" ? new JsonArray(longest + "王") : JsonValue.Create(longest + "王"))).Errors);
        Assert.Equal(definition.Type == "string[]" ? $"{field}[0]" : field, error.Field);
        Assert.Contains($"at most {definition.MaxLength:N0}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TextProperties))]
    public void A_text_property_refuses_a_NUL_and_a_right_to_left_override_naming_itself(string kind, string property)
    {
        var definition = Definitions(kind)[property];
        foreach (var bad in new[] { "AB\0C", "AB\u202EC" })
        {
            var error = Assert.Single(Assert.Throws<UserInputException>(() =>
                Validate(kind, property, definition.Type == "string[]" ? new JsonArray(bad) : JsonValue.Create(bad))).Errors);
            Assert.StartsWith($"input.properties.{property}", error.Field, StringComparison.Ordinal);
            Assert.Contains($"U+{(int)bad[2]:X4}", error.Message, StringComparison.Ordinal);
            Assert.Contains("at character 3", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TextProperties))]
    public void An_invisible_mark_is_refused_in_identifiers_and_accepted_in_names(string kind, string property)
    {
        var definition = Definitions(kind)[property];
        var marked = "12\u200F34";
        var value = definition.Type == "string[]" ? (JsonNode)new JsonArray(marked) : JsonValue.Create(marked);
        if (definition.Text == TextKind.Identifier)
        {
            Assert.Throws<UserInputException>(() => Validate(kind, property, value));
        }
        else
        {
            Validate(kind, property, value);
        }
    }

    [Fact]
    public void A_list_takes_its_maximum_count_of_values_and_not_one_more()
    {
        var definition = Schema.Nodes[NodeKind.Person].Properties["alternateNames"];
        Validate("Person", "alternateNames", new JsonArray([.. Enumerable.Range(0, definition.MaxItems!.Value).Select(i => JsonValue.Create($"n{i}"))]));
        var error = Assert.Single(Assert.Throws<UserInputException>(() =>
            Validate("Person", "alternateNames", new JsonArray([.. Enumerable.Range(0, definition.MaxItems!.Value + 1).Select(i => JsonValue.Create($"n{i}"))]))).Errors);
        Assert.Equal("input.properties.alternateNames", error.Field);
    }

    [Fact]
    public void A_schema_file_with_a_text_property_without_a_maximum_length_does_not_load()
    {
        var folder = Path.Combine(Path.GetTempPath(), "assettrace-tests", Guid.NewGuid().ToString("N"));
        try
        {
            SchemaWithoutMaxLengthDoesNotLoad(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void SchemaWithoutMaxLengthDoesNotLoad(string folder)
    {
        foreach (var sub in new[] { "nodes", "edges", "codelists" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(GraphSchema.DefaultDirectory, sub)))
            {
                File.Copy(file, Path.Combine(folder, sub, Path.GetFileName(file)));
            }
        }
        var person = Path.Combine(folder, "nodes", "person.json");
        var json = JsonNode.Parse(File.ReadAllText(person))!;
        json["properties"]!["position"]!.AsObject().Remove("maxLength");
        File.WriteAllText(person, json.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => GraphSchema.Load(folder));
        Assert.Contains("'position' needs a positive maxLength", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyDictionary<string, PropertyDefinition> Definitions(string kind) =>
        Codes.TryParseNodeKind(kind, out var node) ? Schema.Nodes[node].Properties : Schema.Edges[Codes.ParseEdgeKind(kind)].Properties;

    /// <summary>Validates a node or edge of the kind holding the required properties and <paramref name="property"/>.</summary>
    private static void Validate(string kind, string property, JsonNode value)
    {
        var properties = new JsonObject();
        foreach (var required in Definitions(kind).Values.Where(p => p.Required))
        {
            properties[required.Name] = SampleOf(required);
        }
        properties[property] = value;
        var element = JsonSerializer.SerializeToElement(properties);
        if (Codes.TryParseNodeKind(kind, out var node))
        {
            Validator.ValidateNode(node, element, null, null);
            return;
        }
        var edge = Schema.Edges[Codes.ParseEdgeKind(kind)];
        Validator.ValidateEdge(edge.Kind, edge.From.Order().First(), edge.To.Order().First(), element, null, null);
    }

    private static JsonNode SampleOf(PropertyDefinition definition) => definition.Type switch
    {
        "string" => "Sample",
        "number" or "percent" => 1,
        "date" => "2020-01-01",
        "currency" => "USD",
        "country" => "KZ",
        var list => Schema.CodeLists[list].Codes.First(),
    };
}
