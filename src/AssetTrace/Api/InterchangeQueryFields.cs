using AssetTrace.Accounts;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Types.Interchange;
using AssetTrace.Interchange.Merges;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>
/// Interchange queries: the merges imports suggest. To be registered with one line at the end of
/// AssetTraceQuery's constructor (<c>InterchangeQueryFields.Add(this);</c>), which this change does not
/// make because another change is editing that file.
/// </summary>
public static class InterchangeQueryFields
{
    public static void Add(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MergeSuggestionType>>>>("mergeSuggestions")
            .Description("Suggested merges, oldest first; open ones unless a status is given. Analysts and admins.")
            .Argument<MergeStatusEnum>("status", "OPEN by default.")
            .Argument<IntGraphType>("first", "At most this many (default 100, at most 1000).")
            .ResolveAsync(async c =>
            {
                var viewer = await c.ViewerWithRoleAsync("Reading merge suggestions", Role.Analyst);
                var first = Math.Clamp(c.GetArgument("first", 100), 1, 1000);
                return await c.Service<MergeSuggestions>().ListAsync(viewer, c.GetArgument("status", MergeStatus.Open), first, c.CancellationToken);
            });
    }
}
