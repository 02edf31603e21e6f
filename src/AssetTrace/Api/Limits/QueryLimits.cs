using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace AssetTrace.Api.Limits;

/// <summary>
/// The validation rules that bound a request before anything runs (#11), in the order they
/// must run: the spec's rules, the alias cap, depth and complexity with the costs of
/// <see cref="FieldCosts"/>, and last the permits for expensive fields.
/// </summary>
public sealed class QueryLimits
{
    private readonly IValidationRule[] _rules;

    public QueryLimits(ApiLimits limits, ExpensiveFieldLimiter limiter)
    {
        var gate = new ExpensiveFieldGate(limiter);
        var complexity = new ComplexityOptions { MaxDepth = limits.MaxDepth, MaxComplexity = limits.MaxComplexity };
        complexity.DefaultComplexityImpactDelegate = IntrospectionCosts.Around(complexity.DefaultComplexityImpactDelegate);
        complexity.ValidateComplexityDelegate = gate.AfterComplexityAsync;
        _rules = [.. DocumentValidator.CoreRules, new AliasLimitRule(limits), gate, new ComplexityValidationRule(complexity)];
    }

    /// <summary>The rules for one request, with any the endpoint adds (such as queries only over GET).</summary>
    public IEnumerable<IValidationRule> Rules(params IValidationRule[] extra) => [.. _rules, .. extra];
}
