using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.Roster.Downloads;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Visibility;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.WebConsole.Components.Pages.Roster;

/// <summary>
/// The roster's documents for the console's download links (#16): the notice and the court application
/// in kk, ru or en, and the documents kept with an entry (declarations, the drafted application). The
/// viewer is the console cookie's, and each file comes from the same service the GraphQL field calls,
/// which checks the role and the entry's case: an entry of another case is a 404, as for one that does
/// not exist. Every download goes through RosterDownloads, which writes the audit entry before the file leaves.
/// </summary>
public static class RosterDocumentsEndpoint
{
    public static string NoticeLink(string entryId, string language) => $"/console/roster/{Uri.EscapeDataString(entryId)}/notice/{language}.pdf";

    public static string CourtApplicationLink(string entryId, string language) => $"/console/roster/{Uri.EscapeDataString(entryId)}/court-application/{language}.pdf";

    public static string DocumentLink(string documentId) => $"/console/roster/documents/{Uri.EscapeDataString(documentId)}";

    public static IEndpointRouteBuilder MapRosterDocuments(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/console/roster/{id}/notice/{language}.pdf", (string id, string language, HttpContext http) =>
            SendAsync(http, (downloads, viewer, ct) => downloads.NoticeAsync(id, language, viewer, RosterDownloads.ViaConsole, ct))).RequireAuthorization();
        routes.MapGet("/console/roster/{id}/court-application/{language}.pdf", (string id, string language, HttpContext http) =>
            SendAsync(http, (downloads, viewer, ct) => downloads.CourtApplicationAsync(id, language, viewer, RosterDownloads.ViaConsole, ct))).RequireAuthorization();
        routes.MapGet("/console/roster/documents/{documentId}", (string documentId, HttpContext http) =>
            SendAsync(http, (downloads, viewer, ct) => downloads.DocumentAsync(documentId, viewer, RosterDownloads.ViaConsole, ct))).RequireAuthorization();
        return routes;
    }

    /// <summary>What the three downloads share: the viewer, the answers to errors (the audit entry is RosterDownloads').</summary>
    private static async Task<IResult> SendAsync(HttpContext http, Func<RosterDownloads, Viewer, CancellationToken, Task<RosterDownload>> produce)
    {
        var services = http.RequestServices;
        var ct = http.RequestAborted;
        var text = ConsoleLanguage.Text(ConsoleLanguage.Of(http));
        try
        {
            var viewer = await ConsoleSession.ViewerAsync(http.User, services.GetRequiredService<TokenStore>(), services.GetRequiredService<ViewerDirectory>(), ct);
            var download = await produce(services.GetRequiredService<RosterDownloads>(), viewer, ct);
            http.Response.Headers.CacheControl = "no-store";
            // Every stored document is a checked PDF; still, a download is never shown inline.
            return Results.File(download.Content, RosterEvaluations.PdfType, download.FileName);
        }
        catch (ConsoleSessionEndedException)
        {
            return Results.Redirect("/signin?back=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        }
        catch (Exception e) when (e is NotFoundException or UserInputException or ForbiddenException or ConflictException)
        {
            var failure = ConsoleFailure.From(e, text, services.GetRequiredService<TimeProvider>().GetUtcNow(),
                services.GetRequiredService<ILogger<RosterPage>>())!;
            var status = e switch
            {
                NotFoundException => StatusCodes.Status404NotFound,
                ForbiddenException => StatusCodes.Status403Forbidden,
                ConflictException => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            return Results.Text(failure.Message, "text/plain; charset=utf-8", statusCode: status);
        }
    }
}
