using System.Text.Json;
using Json.Schema;

namespace AssetTrace.IntegrationTests.Interchange;

/// <summary>
/// Checks a BODS 0.4 document against the standard's own JSON schema (tests/fixtures/bods/0.4/schema,
/// copied from openownership/data-standard at the tag the examples come from).
/// </summary>
public static class BodsSchemaValidation
{
    private static readonly Lazy<JsonSchema> Statements = new(Load);

    /// <summary>Every place the document breaks the schema, as "instance location: message"; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Statements.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? [] :
            [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}"))];
    }

    private static JsonSchema Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema? statements = null;
        foreach (var file in new[] { "components.json", "entity-record.json", "person-record.json", "relationship-record.json", "statement.json" })
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(Fixtures.Path($"bods/0.4/schema/{file}")));
            statements = JsonSchema.Build(schema.RootElement.Clone(), options, null);
        }
        return statements!;
    }
}
