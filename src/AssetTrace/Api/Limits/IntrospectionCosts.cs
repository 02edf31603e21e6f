using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace AssetTrace.Api.Limits;

/// <summary>
/// Introspection's costs, from the schema itself (#11). GraphQL.NET counts each introspection
/// list as five items like any other list, so the standard introspection query (types ×
/// fields × args × nine levels of ofType) scored 1.4 million and GraphiQL could not load its
/// documentation. Here each list counts as many items as the schema really has on average
/// (the number of types, the mean number of fields per type, of arguments per field, …), so
/// the estimate follows the size of the answer; each item is read from memory, not from the
/// store, so it weighs a tenth of a stored object. Deeper walks (a type's fields' types'
/// fields …) still multiply and are refused.
/// </summary>
public static class IntrospectionCosts
{
    /// <summary>One introspection field, against 1 for a field that may read the store.</summary>
    public const double FieldImpact = 0.1;

    private static readonly ConditionalWeakTable<ISchema, Dictionary<string, double>> ListSizes = [];

    /// <summary>Wraps GraphQL.NET's default so that fields of introspection types get their real list sizes.</summary>
    public static Func<FieldImpactContext, FieldComplexityResult> Around(Func<FieldImpactContext, FieldComplexityResult> defaults) => context =>
    {
        var parent = context.ParentType.Name;
        var field = context.FieldDefinition.Name;
        if (!parent.StartsWith("__", StringComparison.Ordinal) && !field.StartsWith("__", StringComparison.Ordinal))
        {
            return defaults(context);
        }
        var sizes = ListSizes.GetValue(context.ValidationContext.Schema, Measure);
        return new FieldComplexityResult(FieldImpact, sizes.GetValueOrDefault(parent + "." + field, 1));
    };

    /// <summary>Mean list sizes of the introspection types over this schema, keyed "__Type.field".</summary>
    public static Dictionary<string, double> Measure(ISchema schema)
    {
        var types = schema.AllTypes.ToList();
        var fields = types.OfType<IComplexGraphType>().Where(t => t is not IInputObjectGraphType).SelectMany(t => t.Fields).ToList();
        var inputFields = types.OfType<IInputObjectGraphType>().Sum(t => t.Fields.Count);
        var enumValues = types.OfType<EnumerationGraphType>().Sum(t => t.Values.Count);
        var interfaces = types.OfType<IImplementInterfaces>().Sum(t => t.ResolvedInterfaces.Count);
        var possible = types.OfType<IAbstractGraphType>().Sum(t => t.PossibleTypes.Count);
        var directives = schema.Directives.ToList();
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["__Schema.types"] = types.Count,
            ["__Schema.directives"] = directives.Count,
            ["__Type.fields"] = Mean(fields.Count, types.Count),
            ["__Type.inputFields"] = Mean(inputFields, types.Count),
            ["__Type.enumValues"] = Mean(enumValues, types.Count),
            ["__Type.interfaces"] = Mean(interfaces, types.Count),
            ["__Type.possibleTypes"] = Mean(possible, types.Count),
            ["__Field.args"] = Mean(fields.Sum(f => f.Arguments?.Count ?? 0), fields.Count),
            ["__Directive.args"] = Mean(directives.Sum(d => d.Arguments?.Count ?? 0), directives.Count),
            ["__Directive.locations"] = Mean(directives.Sum(d => d.Locations.Count), directives.Count),
        };
    }

    // Never below one: a list that is usually empty must not make what is selected inside it free.
    private static double Mean(int total, int count) => count == 0 ? 1 : Math.Max(1, (double)total / count);
}
