using AssetTrace.Recovery.Figures;
using AssetTrace.Visibility;

namespace AssetTrace.WebConsole.Components.Pages.Recovery;

/// <summary>The recovery figures as CSV for the figures page's download (#17): the same role and visibility as the page.</summary>
public static class FiguresCsvEndpoint
{
    public const string Path = "/console/recovery/figures.csv";

    public static IEndpointRouteBuilder MapRecoveryFigures(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, DownloadAsync).RequireAuthorization();
        return routes;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, ViewerDirectory viewers, RecoveryFigureReader figures, TimeProvider clock, CancellationToken ct)
    {
        var viewer = await viewers.ForAsync(http.User, ct);
        if (!RecoveryPage.MayReadFigures(viewer))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "The recovery figures need the role supervisor.");
        }
        var csv = FiguresCsv.Write(await figures.ReadAsync(viewer, ct));
        http.Response.Headers.CacheControl = "no-store";
        var day = clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"recovery-figures-{day}.csv");
    }
}
