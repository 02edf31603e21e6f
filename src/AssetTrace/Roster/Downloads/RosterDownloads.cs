using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Audit;
using AssetTrace.Roster.Court;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Roster.Notice;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Roster.Downloads;

/// <summary>
/// The one way a roster document leaves the system (#16): the notice and the court application in kk, ru
/// or en (and the application as data), and the documents kept with an entry. The console's download links and the GraphQL fields both
/// call it, so each hand-out is audited the same way: who, when, which file with its SHA-256, and through
/// which door. The services it calls check the role and the entry's case first, so a refused viewer gets
/// their error and no audit entry is written; the entry is written before the bytes are returned.
/// </summary>
public sealed class RosterDownloads(RosterNotices notices, RosterCourt court, RosterEvaluations evaluations, Database database, AuditLog audit)
{
    public const string NoticeDownloaded = "roster.notice_downloaded";
    public const string CourtApplicationDownloaded = "roster.court_application_downloaded";
    public const string DocumentDownloaded = "roster.document_downloaded";
    public const string CourtApplicationRead = "roster.court_application_read";

    /// <summary>Where a download was asked for, kept in its audit entry.</summary>
    public const string ViaConsole = "console";
    public const string ViaApi = "graphql";

    public async Task<RosterDownload> NoticeAsync(string id, string language, Viewer viewer, string via, CancellationToken ct) =>
        await AuditedAsync(NoticeDownloaded, id, via, viewer,
            new RosterDownload(await notices.PdfAsync(id, language, viewer, ct), $"notice-{language}.pdf", language, id), ct);

    public async Task<RosterDownload> CourtApplicationAsync(string id, string language, Viewer viewer, string via, CancellationToken ct) =>
        await AuditedAsync(CourtApplicationDownloaded, id, via, viewer,
            new RosterDownload(await court.PdfAsync(id, language, viewer, ct), $"court-application-{language}.pdf", language, id), ct);

    /// <summary>
    /// The court application as data (its assets, paths and sources): the PDF's content in another form, so it is
    /// audited as the PDF is, with the SHA-256 of the JSON handed out.
    /// </summary>
    public async Task<CourtApplication> CourtApplicationDataAsync(string id, Viewer viewer, string via, CancellationToken ct)
    {
        var application = await court.ApplicationAsync(id, viewer, ct);
        await AuditedAsync(CourtApplicationRead, id, via, viewer,
            new RosterDownload(JsonSerializer.SerializeToUtf8Bytes(application), "court-application.json", null, id), ct);
        return application;
    }

    public async Task<RosterDownload> DocumentAsync(string documentId, Viewer viewer, string via, CancellationToken ct)
    {
        var (document, content) = await evaluations.DocumentAsync(documentId, viewer, ct);
        return await AuditedAsync(DocumentDownloaded, documentId, via, viewer, new RosterDownload(content, document.FileName, null, document.EntryId), ct);
    }

    private async Task<RosterDownload> AuditedAsync(string action, string asked, string via, Viewer viewer, RosterDownload download, CancellationToken ct)
    {
        var record = new JsonObject
        {
            ["asked"] = asked,
            ["file"] = download.FileName,
            ["language"] = download.Language,
            ["bytes"] = download.Content.Length,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(download.Content)),
            ["via"] = via,
        };
        await database.WriteAsync(async (c, t) =>
            await audit.AppendAsync(c, t, new AuditRecord(viewer.Name, action, $"roster/{download.EntryId}", null, record.ToJsonString(), null), ct), ct);
        return download;
    }
}
