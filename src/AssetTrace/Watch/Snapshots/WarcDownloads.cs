using System.Security.Cryptography;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using AssetTrace.Watch.Leads;
using AssetTrace.Watch.Runs;

namespace AssetTrace.Watch.Snapshots;

/// <summary>
/// WARC files for those who read the watch (#15): a run's snapshots, or the one snapshot of a lead.
/// <para>
/// Visibility: a page is public, but that a case watches it is not. A lead exists only for those who see
/// its case, and so does a snapshot that raised leads: it is in a run's file only when the viewer sees the
/// case of at least one of its leads (then the page is already theirs through that lead, and the file says
/// nothing of any case). A snapshot that raised no lead is in every reader's file. A lead's file is the
/// lead's: for anyone else the lead does not exist.
/// </para>
/// <para>
/// The file is written whole to a temporary file before anything is sent, so a body found altered (which
/// stops the export) never leaves as part of a file that looks genuine; that finding is logged and audited
/// (watch.snapshot.tampered). Every download is audited (watch.warc.downloaded) with what left: the
/// snapshots, the file's SHA-256 and size.
/// </para>
/// </summary>
public sealed class WarcDownloads(WarcExport export, SnapshotStore snapshots, WatchRunStore runs, LeadStore leads, Database database,
    AuditLog audit, ILogger<WarcDownloads> logger)
{
    public async Task<WarcFile> RunAsync(Viewer viewer, string runId, CancellationToken ct)
    {
        WatchRoles.Require(viewer, "Downloading a run's WARC file", WatchRoles.Readers);
        var run = await runs.GetAsync(runId, ct) ?? throw new NotFoundException("watch run", runId);
        var stored = await snapshots.ListByRunAsync(run.Id, ct);
        var cases = await leads.CasesOfSnapshotsAsync([.. stored.Select(s => s.Id)], ct);
        var visible = stored.Where(s => !cases.TryGetValue(s.Id, out var of) || of.Any(viewer.Sees)).ToList();
        return await WriteAsync(viewer, visible, $"watch-run/{run.Id}", $"watch-{run.Source}-{run.StartedAt.UtcDateTime:yyyyMMdd-HHmmss}-{run.Id}.warc", ct);
    }

    public async Task<WarcFile> LeadAsync(Viewer viewer, string leadId, CancellationToken ct)
    {
        WatchRoles.Require(viewer, "Downloading a lead's WARC file", WatchRoles.LeadReaders);
        var lead = await leads.GetAsync(viewer, leadId, ct) ?? throw new NotFoundException("lead", leadId);
        var snapshot = await snapshots.GetAsync(lead.SnapshotId, ct) ?? throw new NotFoundException("snapshot", lead.SnapshotId);
        return await WriteAsync(viewer, [snapshot], $"lead/{lead.Id}", $"watch-lead-{lead.Id}.warc", ct);
    }

    private async Task<WarcFile> WriteAsync(Viewer viewer, List<Snapshot> items, string entity, string fileName, CancellationToken ct)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"assettrace-{Guid.NewGuid():N}.warc"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await export.WriteAsync(items, file, ct);
            file.Position = 0;
            var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
            file.Position = 0;
            var record = JsonSerializer.Serialize(new { file = fileName, snapshots = items.Select(s => new { s.Id, s.Url, s.Sha256 }), bytes = file.Length, sha256 = sha });
            await database.WriteAsync(async (c, t) => await audit.AppendAsync(c, t, new AuditRecord(viewer.Name, "watch.warc.downloaded", entity, null, record, null), ct), ct);
            return new WarcFile(file, fileName, items.Count, sha);
        }
        catch (SnapshotTamperedException e)
        {
            await file.DisposeAsync();
            logger.LogError("A WARC export for {Viewer} found an altered snapshot: {Finding}", viewer.Name, e.Message);
            var finding = JsonSerializer.Serialize(new { e.Snapshot.Url, stored = e.Snapshot.Sha256, actual = e.ActualSha256, export = entity });
            // Written apart from the refused download, so the finding stays in the log whatever the caller does next.
            await database.WriteAsync(async (c, t) => await audit.AppendAsync(c, t, new AuditRecord(viewer.Name, "watch.snapshot.tampered", $"snapshot/{e.Snapshot.Id}", null, finding, null), CancellationToken.None), CancellationToken.None);
            throw;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A WARC file written whole, to be sent: its stream (deleted when disposed), name, count of response records and SHA-256.</summary>
public sealed record WarcFile(Stream Content, string FileName, int Records, string Sha256) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
