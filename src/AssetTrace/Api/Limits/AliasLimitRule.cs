using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace AssetTrace.Api.Limits;

/// <summary>
/// Refuses a selection set that selects one field under more aliases than allowed (#11): 500
/// aliases of <c>requestLetters { pdfBase64 }</c> once rendered 500 sets of PDFs. The limit is
/// <see cref="ApiLimits.MaxAliasesPerField"/>, or the field's own in <see cref="FieldCosts"/>
/// when lower. Fields reached through fragments count with the selection set they are spread in.
/// </summary>
public sealed class AliasLimitRule(ApiLimits limits) : ValidationRuleBase
{
    public const string Code = "TOO_MANY_ALIASES";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        return new ValueTask<INodeVisitor?>(new MatchingNodeVisitor<GraphQLSelectionSet>((selectionSet, validation) =>
        {
            if (validation.TypeInfo.GetParentType()?.GetNamedType() is not IComplexGraphType parent)
            {
                return;
            }
            var keysByField = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            Collect(selectionSet, validation.Document, keysByField, []);
            foreach (var (fieldName, keys) in keysByField)
            {
                var field = parent.GetField(fieldName);
                var limit = Math.Min(limits.MaxAliasesPerField, FieldCostVisitor.CostOf(field)?.MaxAliases ?? int.MaxValue);
                var coordinate = parent.Name + "." + fieldName;
                if (keys.Count > limit && reported.Add(coordinate))
                {
                    validation.ReportError(new ValidationError(
                        $"'{fieldName}' is selected {keys.Count} times under different aliases in one selection set; " +
                        $"{coordinate} allows at most {limit}. Send separate requests, one after another.")
                    { Code = Code });
                }
            }
        }));
    }

    /// <summary>The response keys under which each field is selected, through fragments (each expanded once per set).</summary>
    private static void Collect(GraphQLSelectionSet selectionSet, GraphQLDocument document, Dictionary<string, HashSet<string>> keysByField, HashSet<string> expanded)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    if (!keysByField.TryGetValue(name, out var keys))
                    {
                        keysByField[name] = keys = new HashSet<string>(StringComparer.Ordinal);
                    }
                    keys.Add(field.Alias?.Name.StringValue ?? name);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, document, keysByField, expanded);
                    break;
                case GraphQLFragmentSpread spread when expanded.Add(spread.FragmentName.Name.StringValue):
                    if (document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment)
                    {
                        Collect(fragment.SelectionSet, document, keysByField, expanded);
                    }
                    break;
            }
        }
    }
}
