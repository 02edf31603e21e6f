using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.Visibility;
using GraphQL;

namespace AssetTrace.Api;

/// <summary>What resolvers need from the request: services, the viewer, paging limits.</summary>
public static class ResolveContextExtensions
{
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    /// <summary>Who is asking: every read and write of facts and cases is made for them (Visibility/).</summary>
    public static Task<Viewer> ViewerAsync(this IResolveFieldContext context) =>
        context.Service<CurrentViewer>().GetAsync(context.User, context.CancellationToken);

    /// <summary>The viewer, once their roles allow the action (admins pass every gate).</summary>
    public static async Task<Viewer> ViewerWithRoleAsync(this IResolveFieldContext context, string action, params Role[] allowed)
    {
        RoleCheck.Require(context.User, action, allowed);
        return await context.ViewerAsync();
    }

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
