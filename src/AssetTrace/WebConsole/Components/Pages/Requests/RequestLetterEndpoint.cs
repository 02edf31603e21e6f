using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Visibility;

namespace AssetTrace.WebConsole.Components.Pages.Requests;

/// <summary>
/// A request's letter as the PDF that would be sent now, for the console's download links (#13):
/// the same roles and visibility as the requestLetters query. A request the user may not see is
/// a 404, as for one that does not exist.
/// </summary>
public static class RequestLetterEndpoint
{
    public const string Pattern = "/console/requests/{id}/letters/{language}.pdf";

    public static IEndpointRouteBuilder MapRequestLetters(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Pattern, DownloadAsync).RequireAuthorization();
        return routes;
    }

    private static async Task<IResult> DownloadAsync(string id, string language, HttpContext http, ViewerDirectory viewers, RequestStore requests,
        RequestDocuments documents, CancellationToken ct)
    {
        var viewer = await viewers.ForAsync(http.User, ct);
        if (!DeskRoles.May(viewer, DeskAction.Read))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "Reading request letters needs the role officer or supervisor.");
        }
        var request = await requests.GetAsync(viewer, id, ct);
        if (request is null || !request.Body.Languages.Contains(language, StringComparer.Ordinal))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No letter in '{language}' of a request '{id}' that you may see.");
        }
        var letter = (await documents.RenderAsync(request, ct)).Single(l => l.Language == language);
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(letter.Pdf, "application/pdf", letter.FileName(request.Number));
    }
}
