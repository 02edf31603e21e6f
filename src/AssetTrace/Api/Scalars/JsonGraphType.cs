using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;

namespace AssetTrace.Api.Scalars;

/// <summary>
/// Any JSON value. Node and edge properties are defined by graph-schema/ files rather than by
/// GraphQL types, so they travel as JSON and are checked against the model by the server.
/// </summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "A JSON value; node and edge properties as defined by the files in graph-schema/.";
    }

    public override object? Serialize(object? value) => value;

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        JsonElement element => element,
        _ => JsonSerializer.SerializeToElement(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => JsonSerializer.SerializeToElement(ToObject(value));

    public override bool CanParseLiteral(GraphQLValue value) => true;

    public override bool CanParseValue(object? value) => true;

    private static object? ToObject(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLIntValue i => decimal.Parse(i.Value.Span, provider: System.Globalization.CultureInfo.InvariantCulture),
        GraphQLFloatValue f => decimal.Parse(f.Value.Span, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLEnumValue e => e.Name.StringValue,
        GraphQLListValue l => l.Values?.Select(ToObject).ToList() ?? [],
        GraphQLObjectValue o => o.Fields?.ToDictionary(f => f.Name.StringValue, f => ToObject(f.Value)) ?? [],
        _ => throw new ArgumentException($"A {value.Kind} cannot be used as JSON.", nameof(value)),
    };
}
