using AssetTrace.Common;
using AssetTrace.Visibility;
using AssetTrace.Watch.Snapshots;

namespace AssetTrace.WebConsole.Components.Pages.Watch;

/// <summary>
/// A run's or a lead's snapshots as a WARC/1.1 file (#15), for the console's links and for scripts with an API
/// token: the roles and visibility of <see cref="WarcDownloads"/>. A run or lead the user may not see is a 404,
/// as for one that does not exist; a snapshot found altered is a 409 naming it, and no file is sent.
/// </summary>
public static class WarcEndpoint
{
    public static string RunLink(string runId) => $"/console/watch/runs/{Uri.EscapeDataString(runId)}.warc";

    public static string LeadLink(string leadId) => $"/console/watch/leads/{Uri.EscapeDataString(leadId)}.warc";

    public static IEndpointRouteBuilder MapWatchWarc(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/console/watch/runs/{id}.warc", (string id, HttpContext http, ViewerDirectory viewers, WarcDownloads warc) =>
            SendAsync(http, viewers, (viewer, ct) => warc.RunAsync(viewer, id, ct))).RequireAuthorization();
        routes.MapGet("/console/watch/leads/{id}.warc", (string id, HttpContext http, ViewerDirectory viewers, WarcDownloads warc) =>
            SendAsync(http, viewers, (viewer, ct) => warc.LeadAsync(viewer, id, ct))).RequireAuthorization();
        return routes;
    }

    private static async Task<IResult> SendAsync(HttpContext http, ViewerDirectory viewers, Func<Viewer, CancellationToken, Task<WarcFile>> write)
    {
        var ct = http.RequestAborted;
        try
        {
            var file = await write(await viewers.ForAsync(http.User, ct), ct);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.RegisterForDisposeAsync(file);
            http.Response.Headers["X-Warc-Sha256"] = file.Sha256;
            return Results.Stream(file.Content, "application/warc", file.FileName);
        }
        catch (ForbiddenException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: e.Message);
        }
        catch (NotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: e.Message);
        }
        catch (SnapshotTamperedException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A snapshot was altered after it was stored; the WARC file is not served.", detail: e.Message);
        }
    }
}
