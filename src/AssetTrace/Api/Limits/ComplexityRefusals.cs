using GraphQL;

namespace AssetTrace.Api.Limits;

/// <summary>
/// GraphQL.NET refuses a query too deep or too costly in its own words ("Query is too nested to execute.
/// Maximum depth is 15 levels."); the README promises that each refusal names the limit and its Api:* key,
/// so the answer adds the key and what to do (#12).
/// </summary>
public static class ComplexityRefusals
{
    public const string Code = "COMPLEXITY";

    public static void NameLimits(ExecutionResult result, ApiLimits limits)
    {
        if (result.Errors is not { } errors || !errors.Any(e => e.Code == Code))
        {
            return;
        }
        var named = new ExecutionErrors();
        foreach (var error in errors)
        {
            named.Add(error.Code == Code ? Named(error, limits) : error);
        }
        result.Errors = named;
    }

    private static ExecutionError Named(ExecutionError error, ApiLimits limits)
    {
        var limit = error.Message.Contains("nested", StringComparison.OrdinalIgnoreCase)
            ? $"Api:MaxDepth ({limits.MaxDepth}): nest fewer levels"
            : $"Api:MaxComplexity ({limits.MaxComplexity}): select fewer fields, ask for fewer items (first) or paths (maxPaths), or split the query";
        var named = new ExecutionError($"{error.Message} The limit is {limit}.", error.InnerException) { Code = error.Code };
        foreach (var location in error.Locations ?? [])
        {
            named.AddLocation(location);
        }
        return named;
    }
}
