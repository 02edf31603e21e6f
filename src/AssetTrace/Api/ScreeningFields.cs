using AssetTrace.Api.Types.Screening;
using AssetTrace.Matching.Screening;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>Screening of a list of names against the graph (#14).</summary>
public static class ScreeningFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ScreeningResultType>>("screen")
            .Description($"Each name's best matches (score and explanation), and what stands behind each: its holdings and connected persons. At most {ScreenRowChecks.MaxRows:N0} names. Analysts, officers, the commission and admins; audited as screening.completed with the number of rows and the list's SHA-256.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<ScreenRowInputType>>>>("names")
            .Argument<IntGraphType>("top", $"Matches per name, best first: {Screener.DefaultTop} by default, at most {ScreenRowChecks.MaxTop}.")
            .ResolveAsync(async c =>
            {
                var viewer = await c.ViewerWithRoleAsync("Screening a list of names", Screener.Roles);
                var top = c.GetArgument("top", Screener.DefaultTop);
                var rows = c.GetArgument<List<Dictionary<string, object?>>>("names")
                    .Select((input, i) => new ScreenRow(i + 1, ((string)input["name"]!).Trim(), Text(input, "birthDate"), Text(input, "country"), Text(input, "identifier")))
                    .ToList();
                ScreenRowChecks.Check(rows, top, "names", (n, column) => $"names[{n - 1}].{column}");
                return await c.Service<Screener>().ScreenAsync(viewer, rows, top, "api", c.CancellationToken);
            });
    }

    private static string? Text(Dictionary<string, object?> input, string key) =>
        ScreenRowChecks.Present(input.TryGetValue(key, out var value) ? value as string : null);
}
