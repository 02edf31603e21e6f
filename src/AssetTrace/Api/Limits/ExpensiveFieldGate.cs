using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace AssetTrace.Api.Limits;

/// <summary>
/// Takes the per-user and server-wide permits for the expensive fields a request selects
/// (<see cref="FieldCost.Expensive"/>) as the last step of validation, once the complexity
/// check has passed: a request refused here runs nothing and is answered with RATE_LIMITED
/// (HTTP 429 and Retry-After). The rule counts the fields; <see cref="AfterComplexityAsync"/>,
/// called by GraphQL.NET's complexity rule when the query is within its limits, takes the permits.
/// </summary>
public sealed class ExpensiveFieldGate(ExpensiveFieldLimiter limiter) : ValidationRuleBase
{
    public const string Code = "RATE_LIMITED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var budget = RequestBudget.Of(context.UserContext);
        return budget is null
            ? default
            : new ValueTask<INodeVisitor?>(new MatchingNodeVisitor<GraphQLField>((_, validation) =>
            {
                if (FieldCostVisitor.CostOf(validation.TypeInfo.GetFieldDef())?.Expensive == true)
                {
                    budget.ExpensiveFields++;
                }
            }));
    }

    public Task AfterComplexityAsync(ComplexityValidationContext complexity)
    {
        var validation = complexity.ValidationContext;
        var budget = RequestBudget.Of(validation.UserContext);
        if (budget is null || budget.ExpensiveFields == 0 || validation.HasErrors || complexity.Error is not null)
        {
            return Task.CompletedTask;
        }
        var permit = limiter.TryAcquire(budget.User, budget.ExpensiveFields);
        budget.Permit = permit;
        if (!permit.IsGranted)
        {
            complexity.Error = new ValidationError(
                $"Too many expensive requests: {permit.Refusal}. Try again in {Math.Ceiling(permit.RetryAfter.TotalSeconds)} s.")
            { Code = Code };
        }
        return Task.CompletedTask;
    }
}
