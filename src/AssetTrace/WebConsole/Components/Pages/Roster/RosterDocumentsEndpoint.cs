using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AssetTrace.Accounts;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Roster.Court;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Roster.Notice;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.WebConsole.Components.Pages.Roster;

/// <summary>
/// The roster's documents for the console's download links (#16): the notice and the court application
/// in kk, ru or en, and the documents kept with an entry (declarations, the drafted application). The
/// viewer is the console cookie's, and each file comes from the same service the GraphQL field calls,
/// which checks the role and the entry's case: an entry of another case is a 404, as for one that does
/// not exist. Every download is written to the audit log before the file leaves, with its SHA-256.
/// </summary>
public static class RosterDocumentsEndpoint
{
    public static string NoticeLink(string entryId, string language) => $"/console/roster/{Uri.EscapeDataString(entryId)}/notice/{language}.pdf";

    public static string CourtApplicationLink(string entryId, string language) => $"/console/roster/{Uri.EscapeDataString(entryId)}/court-application/{language}.pdf";

    public static string DocumentLink(string documentId) => $"/console/roster/documents/{Uri.EscapeDataString(documentId)}";

    public static IEndpointRouteBuilder MapRosterDocuments(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/console/roster/{id}/notice/{language}.pdf", (string id, string language, HttpContext http) =>
            SendAsync(http, "roster.notice_downloaded", id, async (viewer, ct) =>
                (await http.RequestServices.GetRequiredService<RosterNotices>().PdfAsync(id, language, viewer, ct), $"notice-{language}.pdf", language, id))).RequireAuthorization();
        routes.MapGet("/console/roster/{id}/court-application/{language}.pdf", (string id, string language, HttpContext http) =>
            SendAsync(http, "roster.court_application_downloaded", id, async (viewer, ct) =>
                (await http.RequestServices.GetRequiredService<RosterCourt>().PdfAsync(id, language, viewer, ct), $"court-application-{language}.pdf", language, id))).RequireAuthorization();
        routes.MapGet("/console/roster/documents/{documentId}", (string documentId, HttpContext http) =>
            SendAsync(http, "roster.document_downloaded", documentId, async (viewer, ct) =>
            {
                var (document, content) = await http.RequestServices.GetRequiredService<RosterEvaluations>().DocumentAsync(documentId, viewer, ct);
                return (content, document.FileName, null, document.EntryId);
            })).RequireAuthorization();
        return routes;
    }

    /// <summary>What the three downloads share: the viewer, the audit record, the answers to errors.</summary>
    private static async Task<IResult> SendAsync(HttpContext http, string action, string asked,
        Func<Viewer, CancellationToken, Task<(byte[] Content, string FileName, string? Language, string EntryId)>> produce)
    {
        var services = http.RequestServices;
        var ct = http.RequestAborted;
        var text = ConsoleLanguage.Text(ConsoleLanguage.Of(http));
        try
        {
            var viewer = await ConsoleSession.ViewerAsync(http.User, services.GetRequiredService<TokenStore>(), services.GetRequiredService<ViewerDirectory>(), ct);
            var (content, fileName, language, entryId) = await produce(viewer, ct);
            var record = new JsonObject
            {
                ["asked"] = asked,
                ["file"] = fileName,
                ["language"] = language,
                ["bytes"] = content.Length,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
            };
            await services.GetRequiredService<Database>().WriteAsync(async (c, t) =>
                await services.GetRequiredService<AuditLog>().AppendAsync(c, t, new AuditRecord(viewer.Name, action, $"roster/{entryId}", null, record.ToJsonString(), null), ct), ct);
            http.Response.Headers.CacheControl = "no-store";
            // Every stored document is a checked PDF; still, a download is never shown inline.
            return Results.File(content, RosterEvaluations.PdfType, fileName);
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
