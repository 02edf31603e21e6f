using System.Text.Json.Nodes;
using AssetTrace.Audit;
using AssetTrace.Graph.Schema;
using AssetTrace.Graph.Store.Bulk;
using AssetTrace.Matching;
using AssetTrace.Storage;
using Microsoft.Extensions.Options;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// Writes the records of one import run into the graph in ONE transaction: every node and edge
/// is validated like a typed-in one and gets its version row, search keys and the run's
/// change_seq, and the run gets one audit entry (<c>import.completed</c>) with file, format,
/// SHA-256 and counts. A failure, or strict mode meeting a bad record, rolls everything back.
/// </summary>
public sealed class GraphBulkWriter(Database database, GraphInputValidator validator, AuditLog audit, IOptions<MatchingOptions> matching, TimeProvider clock)
{
    // Chunks parsed ahead of the one being written: one keeps the reader busy while a chunk is flushed, a second absorbs uneven chunks.
    private const int ChunksReadAhead = 2;

    /// <param name="items">Read lazily inside the transaction, so the input is streamed, never held whole.</param>
    /// <param name="files">Called after the items are read: the files with their sizes and hashes.</param>
    public async Task<ImportReport> WriteAsync(string format, string fileName, IAsyncEnumerable<ImportItem> items, Func<IReadOnlyList<ImportedFile>> files,
        ImportOptions options, CancellationToken ct)
    {
        var run = new ImportRun(Guid.CreateVersion7().ToString(), format, fileName, clock.GetUtcNow(), options, matching.Value.Threshold);
        var report = new ImportReport { RunId = run.RunId, Format = format };
        try
        {
            await database.WriteAsync(async (c, t) =>
            {
                // The store writes the graph's rows (Graph/Store/Bulk); the session decides what each record becomes.
                await using var rows = await BulkRowWriter.OpenAsync(c, t, run.Format, ct);
                await using var statements = new BulkStatements(c, t);
                var session = new BulkSession(c, t, statements, rows, validator, run, report, rows.Writes);
                await foreach (var chunk in ItemChunkReader.ReadAsync(items, run.Options.ChunkSize, ChunksReadAhead, ct))
                {
                    await session.ApplyChunkAsync(chunk, ct);
                }
                await session.FinishAsync(ct);
                await rows.FinishAsync(ct);
                report.Files.AddRange(files());
                report.Committed = true;
                // One entry per run, not per row: a million-row leak would otherwise bury every other action in the
                // log, and hashing each entry serially is the slowest part of a write. Each row still has its version
                // (node_versions/edge_versions) naming this run, so "why did this change" stays answerable.
                await audit.AppendAsync(c, t, new AuditRecord(options.Actor, "import.completed", $"import/{run.RunId}", null,
                    Summary(report).ToJsonString(), $"import of {fileName} ({format})"), ct);
                await RecordRunAsync(c, t, run, report, "completed", ct);
                return true;
            }, ct);
            Operations.Telemetry.AssetTraceTelemetry.Interchange("import", format, report.ItemsRead, clock.GetUtcNow() - run.Now);
        }
        catch (BulkSession.StrictModeStop stop)
        {
            await RecordFailureAsync(run, report, files, $"strict mode stopped at the first problem: {stop.Problem}", ct);
        }
        catch (ImportFormatException e)
        {
            report.AddProblem(e.Location, e.Message, options.MaxReportedErrors);
            await RecordFailureAsync(run, report, files, $"the file cannot be read: {e.Message}", ct);
        }
        return report;
    }

    private static JsonObject Summary(ImportReport report)
    {
        var summary = report.ToJson();
        summary.Remove("problems");
        summary["problemsShown"] = report.Problems.Count;
        return summary;
    }

    private async Task RecordFailureAsync(ImportRun run, ImportReport report, Func<IReadOnlyList<ImportedFile>> files, string reason, CancellationToken ct)
    {
        report.Committed = false;
        report.FailureReason = reason;
        if (report.Files.Count == 0)
        {
            report.Files.AddRange(files());
        }
        // The graph is untouched; the attempt itself is still recorded and audited.
        await database.WriteAsync(async (c, t) =>
        {
            await audit.AppendAsync(c, t, new AuditRecord(run.Options.Actor, "import.failed", $"import/{run.RunId}", null,
                Summary(report).ToJsonString(), reason), ct);
            await RecordRunAsync(c, t, run, report, "failed", ct);
            return true;
        }, ct);
    }

    private Task<int> RecordRunAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, ImportRun run, ImportReport report, string outcome, CancellationToken ct) =>
        c.ExecuteAsync(t, """
            INSERT INTO import_runs (id, format, file_name, sha256, started_at, finished_at, actor, outcome, report)
            VALUES (@id, @format, @file, @sha, @started, @finished, @actor, @outcome, @report)
            """, ct, ("id", run.RunId), ("format", run.Format), ("file", run.FileName),
            ("sha", string.Join(",", report.Files.Select(f => f.Sha256))), ("started", run.Now), ("finished", clock.GetUtcNow()),
            ("actor", run.Options.Actor), ("outcome", outcome), ("report", report.ToJson().ToJsonString()));
}
