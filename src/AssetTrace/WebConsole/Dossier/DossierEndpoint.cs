using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AssetTrace.Accounts;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Requests.Documents;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using AssetTrace.WebConsole.Components;
using AssetTrace.WebConsole.SignIn;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.WebConsole.Dossier;

/// <summary>
/// GET /console/dossier/{id}: a person's dossier as PDF, for the signed-in console user (the cookie,
/// never a bearer token: see <see cref="ConsoleCookie.SelectScheme"/>), in their language and with
/// their need-to-know. Every download is written to the audit log (dossier.downloaded) before the
/// file is sent: who, whom, the as-of date, and the SHA-256 and size of what left the server.
/// </summary>
public static class DossierEndpoint
{
    public static string Link(string id) => "/console/dossier/" + Uri.EscapeDataString(id);

    public static IEndpointRouteBuilder MapDossier(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/console/dossier/{id}", DownloadAsync).RequireAuthorization();
        return routes;
    }

    private static async Task<IResult> DownloadAsync(string id, string? asOf, HttpContext http, TokenStore tokens, ViewerDirectory viewers,
        DossierComposer composer, Database database, AuditLog audit, TimeProvider clock, ILogger<DossierComposer> logger)
    {
        var ct = http.RequestAborted;
        var text = ConsoleLanguage.Text(ConsoleLanguage.Of(http));
        try
        {
            var viewer = await ConsoleSession.ViewerAsync(http.User, tokens, viewers, ct);
            var date = AsOfDate.Parse(asOf);
            var content = await composer.ComposeAsync(viewer, id, date, text, ct);
            byte[] pdf;
            using (var renderer = new PdfLetterRenderer())
            {
                pdf = renderer.Render(content.Document, content.Document.Subject);
            }
            var record = new JsonObject
            {
                ["person"] = content.Person.Id,
                ["asOf"] = date is { } day ? AsOfDate.Show(day) : null,
                ["language"] = text.Code,
                ["restrictedFacts"] = content.RestrictedFacts,
                ["bytes"] = pdf.Length,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            };
            await database.WriteAsync(async (c, t) =>
                await audit.AppendAsync(c, t, new AuditRecord(viewer.Name, "dossier.downloaded", $"node/{content.Person.Id}", null, record.ToJsonString(), null), ct), ct);
            return Results.File(pdf, "application/pdf", $"dossier-{content.Person.Id}.pdf");
        }
        catch (ConsoleSessionEndedException)
        {
            return Results.Redirect("/signin?back=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        }
        catch (Exception e) when (e is NotFoundException or UserInputException)
        {
            var failure = ConsoleFailure.From(e, text, clock.GetUtcNow(), logger)!;
            return Results.Text(failure.Message, "text/plain; charset=utf-8", statusCode: e is NotFoundException ? 404 : 400);
        }
    }
}
