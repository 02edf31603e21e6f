using System.Text.Json;
using AssetTrace.Api;
using AssetTrace.Api.Limits;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.UnitTests.Api;

/// <summary>The cost table against the schema it is applied to (#11).</summary>
public sealed class FieldCostsTests
{
    private static readonly AssetTraceSchema Schema = Build();

    private static readonly JsonSerializerOptions AsTheApiWrites = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private static AssetTraceSchema Build()
    {
        var services = new ServiceCollection();
        services.AddGraphQL(b => b.AddSchema<AssetTraceSchema>().AddGraphTypes(typeof(AssetTraceSchema).Assembly).AddSchemaVisitor<FieldCostVisitor>());
        var schema = services.BuildServiceProvider().GetRequiredService<AssetTraceSchema>();
        schema.Initialize();
        return schema;
    }

    private static FieldType? Field(string coordinate)
    {
        var (type, field) = (coordinate[..coordinate.IndexOf('.', StringComparison.Ordinal)], coordinate[(coordinate.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        return (Schema.AllTypes[type] as IObjectGraphType)?.GetField(field);
    }

    private static bool IsList(FieldType field) =>
        (field.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : field.ResolvedType) is ListGraphType;

    [Fact]
    public void Every_entry_names_a_field_of_the_schema_and_the_schema_carries_its_cost()
    {
        Assert.All(FieldCosts.Table, entry =>
        {
            var field = Field(entry.Key);
            Assert.True(field is not null, $"{entry.Key} is not a field of the schema: correct or remove it in Api/Limits/FieldCosts.cs.");
            Assert.Same(entry.Value, FieldCostVisitor.CostOf(field));
        });
    }

    [Fact]
    public void Lists_say_how_many_items_they_return_and_single_values_do_not()
    {
        Assert.All(FieldCosts.Table, entry => Assert.True(IsList(Field(entry.Key)!) == entry.Value.Items is not null,
            $"{entry.Key}: a list needs Items (how many it returns), anything else must not have them."));
    }

    [Fact]
    public void The_work_the_attack_used_is_expensive_and_capped_at_one_alias()
    {
        foreach (var coordinate in new[] { "Query.requestLetters", "Letter.pdfBase64", "Mutation.importFile" })
        {
            Assert.Equal(1, FieldCosts.Table[coordinate].MaxAliases);
        }
        foreach (var coordinate in new[] { "Query.requestLetters", "Query.beneficialOwners", "Query.owners", "Query.holdings", "Query.shortestPaths", "Query.neighbourhood", "Mutation.importFile" })
        {
            Assert.True(FieldCosts.Table[coordinate].Expensive, coordinate);
            Assert.NotNull(FieldCosts.Table[coordinate].MaxAliases);
        }
    }

    [Fact]
    public void Every_import_and_export_field_is_in_the_table_as_expensive()
    {
        var roots = new[] { Schema.Query, Schema.Mutation! };
        var interchange = roots.SelectMany(root => root.Fields
            .Where(f => f.Name.StartsWith("import", StringComparison.Ordinal) || f.Name.StartsWith("export", StringComparison.Ordinal))
            .Select(f => root.Name + "." + f.Name)).ToList();

        Assert.NotEmpty(interchange);
        Assert.All(interchange, coordinate => Assert.True(FieldCosts.Table.TryGetValue(coordinate, out var cost) && cost.Expensive,
            $"{coordinate} reads or writes a whole file: give it a cost, an alias limit and Expensive in Api/Limits/FieldCosts.cs."));
    }

    [Fact]
    public void Introspection_lists_count_what_the_schema_really_holds()
    {
        var sizes = IntrospectionCosts.Measure(Schema);

        Assert.Equal(Schema.AllTypes.Count, sizes["__Schema.types"]);
        Assert.Equal(Schema.Directives.Count, sizes["__Schema.directives"]);
        var fields = Schema.AllTypes.OfType<IObjectGraphType>().Sum(t => t.Fields.Count) + Schema.AllTypes.OfType<IInterfaceGraphType>().Sum(t => t.Fields.Count);
        Assert.Equal((double)fields / Schema.AllTypes.Count, sizes["__Type.fields"], 6);
        Assert.All(sizes.Values, size => Assert.True(size >= 1));
    }

    [Theory]
    [InlineData("Серік Ахметов")]
    [InlineData("Albion Crest Properties Ltd")]
    [InlineData(4_500_000.25)]
    [InlineData(true)]
    [InlineData(null)]
    public void The_size_of_a_scalar_is_what_JSON_takes_for_it(object? value)
    {
        var json = JsonSerializer.Serialize(value, AsTheApiWrites);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(json), ResponseSize.JsonBytes(value), 2d);
    }
}
