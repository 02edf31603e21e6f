using AssetTrace.Common;
using GraphQL;

namespace AssetTrace.Api;

/// <summary>What resolvers need from the request: services, paging limits.</summary>
public static class ResolveContextExtensions
{
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    /// <summary>The <c>first</c> argument, checked against the configured maximum page size.</summary>
    public static int PageSize(this IResolveFieldContext context)
    {
        var limits = context.Service<ApiLimits>();
        var first = context.GetArgument("first", limits.DefaultPageSize);
        return first >= 1 && first <= limits.MaxPageSize
            ? first
            : throw new UserInputException("first", $"must be between 1 and {limits.MaxPageSize}, got {first}.");
    }
}
