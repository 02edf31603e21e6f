using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQL.Validation.Complexity;

namespace AssetTrace.Api.Limits;

/// <summary>
/// Applies <see cref="FieldCosts"/> to the schema as it is built: each listed field gets its
/// complexity (own impact, and the size of the list it returns as the multiplier of what is
/// selected inside it) and keeps its <see cref="FieldCost"/> for the alias and rate rules.
/// </summary>
public sealed class FieldCostVisitor : BaseSchemaNodeVisitor
{
    private const string MetadataKey = "AssetTrace.FieldCost";

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (FieldCosts.Of(type.Name, field.Name) is not { } cost)
        {
            return;
        }
        field.WithMetadata(MetadataKey, cost);
        field.WithComplexityImpact(context => new FieldComplexityResult(cost.Impact, ItemCount(cost.Items, context)));
    }

    /// <summary>The cost the table gave this field, if any.</summary>
    public static FieldCost? CostOf(FieldType? field) => field?.GetMetadata<FieldCost?>(MetadataKey);

    private static double ItemCount(ListSize? items, FieldImpactContext context)
    {
        if (items is null)
        {
            return 1;
        }
        if (items.Argument is null)
        {
            return items.Fixed;
        }
        var arguments = items.ArgumentOnParent ? context.Parent?.Arguments : context.Arguments;
        // A negative or zero count is refused by the resolver; it must not make the estimate cheaper.
        return arguments?.TryGetValue(items.Argument, out var value) == true && value.Value is int asked
            ? Math.Max(1, asked)
            : items.Fixed;
    }
}
