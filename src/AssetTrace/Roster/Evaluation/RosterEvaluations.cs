using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Roster.Entries;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.Options;

namespace AssetTrace.Roster.Evaluation;

/// <summary>
/// The subject's declarations (documents stored whole with their SHA-256) and the evaluation of
/// each asset, explained or unexplained, with the evaluator and reason. Recorded by the authorised body.
/// </summary>
public sealed class RosterEvaluations(Database database, RosterStore store, IOptions<RosterOptions> options, TimeProvider clock)
{
    public const string Declaration = "declaration";
    public const string CourtApplication = "court_application";
    public const string PdfType = "application/pdf";

    /// <summary>Stores a document of the subject's declaration; the first one puts the entry under evaluation.</summary>
    public async Task<RosterDocument> AddDeclarationAsync(string id, string fileName, string contentType, byte[] content, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        RosterRoles.Require(actor, "Recording a declaration", RosterRoles.AuthorisedBody);
        CheckFile(fileName, contentType, content);
        RosterDocument? document = null;
        await store.ChangeAsync(id, actor, expectedVersion, "declaration_received",
            string.Create(CultureInfo.InvariantCulture, $"{fileName} ({content.Length} bytes, SHA-256 {Convert.ToHexStringLower(SHA256.HashData(content))})"), async (entry, c, t) =>
            {
                if (!RosterTransitions.DeadlineRuns.Contains(entry.Stage))
                {
                    throw new ConflictException($"Roster entry {entry.Label} is {entry.Stage}: declarations are received while the deadline runs.");
                }
                document = await InsertDocumentAsync(c, t, entry.Id, Declaration, fileName, contentType, content, actor.Name, clock.GetUtcNow(), ct);
                return entry with { Stage = RosterStage.UnderEvaluation };
            }, ct);
        return document!;
    }

    public async Task<AssetEvaluation> EvaluateAsync(string id, string assetId, AssetVerdict verdict, string reason, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        RosterRoles.Require(actor, "Evaluating an asset", RosterRoles.AuthorisedBody);
        RosterDesk.RequireReason("reason", reason);
        AssetEvaluation? evaluation = null;
        await store.ChangeAsync(id, actor, expectedVersion, "asset_evaluated", $"{assetId}: {Codes.Of(verdict)}: {reason.Trim()}", async (entry, c, t) =>
        {
            if (entry.Stage != RosterStage.UnderEvaluation)
            {
                throw new ConflictException($"Roster entry {entry.Label} is {entry.Stage}: assets are evaluated once a declaration is received and before the deadline passes.");
            }
            if (!entry.AssetIds.Contains(assetId, StringComparer.Ordinal))
            {
                throw new UserInputException("assetId", $"'{assetId}' is not one of the assets of {entry.Label}.");
            }
            var seq = (int)(await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM roster_evaluations WHERE entry_id = @id", ct, ("id", entry.Id)) + 1);
            evaluation = new AssetEvaluation(seq, assetId, verdict, reason.Trim(), actor.Name, clock.GetUtcNow());
            await c.ExecuteAsync(t, """
                INSERT INTO roster_evaluations (entry_id, seq, asset_id, verdict, reason, evaluator, at) VALUES (@id, @seq, @asset, @verdict, @reason, @evaluator, @at)
                """, ct, ("id", entry.Id), ("seq", seq), ("asset", assetId), ("verdict", Codes.Of(verdict)), ("reason", evaluation.Reason),
                ("evaluator", actor.Name), ("at", evaluation.At));
            return entry;
        }, ct);
        return evaluation!;
    }

    /// <summary>Every evaluation of the entry, oldest first.</summary>
    public async Task<List<AssetEvaluation>> EvaluationsAsync(string id, Viewer viewer, CancellationToken ct)
    {
        await RequireVisibleAsync(id, viewer, ct);
        return await EvaluationsAsync(id, ct);
    }

    /// <summary>The assets of the entry not proven lawful: those whose latest evaluation is not "explained".</summary>
    public async Task<List<string>> UnexplainedAsync(RosterEntry entry, CancellationToken ct)
    {
        var latest = (await EvaluationsAsync(entry.Id, ct)).GroupBy(e => e.AssetId).ToDictionary(g => g.Key, g => g.Last().Verdict);
        return [.. entry.AssetIds.Where(a => latest.GetValueOrDefault(a, AssetVerdict.Unexplained) != AssetVerdict.Explained)];
    }

    public async Task<List<RosterDocument>> DocumentsAsync(string id, Viewer viewer, CancellationToken ct)
    {
        await RequireVisibleAsync(id, viewer, ct);
        return await database.ReadAsync(c => c.QueryAsync(null,
            "SELECT id, entry_id, kind, file_name, content_type, size, sha256, added_at, added_by FROM roster_documents WHERE entry_id = @id ORDER BY added_at, id",
            ReadDocument, ct, ("id", id)), ct);
    }

    /// <summary>A document and its bytes, for a viewer who may see its entry.</summary>
    public async Task<(RosterDocument Document, byte[] Content)> DocumentAsync(string documentId, Viewer viewer, CancellationToken ct)
    {
        // The role first, as for the entry's other reads: FORBIDDEN says nothing about whether the document exists.
        RosterRoles.Require(viewer, "Reading the roster", RosterRoles.Read);
        var found = (await database.ReadAsync(c => c.QueryAsync(null,
            "SELECT id, entry_id, kind, file_name, content_type, size, sha256, added_at, added_by, content FROM roster_documents WHERE id = @id",
            r => (Document: ReadDocument(r), Content: r.GetFieldValue<byte[]>(9)), ct, ("id", documentId)), ct)).SingleOrDefault();
        if (found.Document is null || await store.GetAsync(viewer, found.Document.EntryId, ct) is null)
        {
            throw new NotFoundException("roster document", documentId);
        }
        return found;
    }

    internal static async Task<RosterDocument> InsertDocumentAsync(DbConnection c, DbTransaction t, string entryId, string kind, string fileName, string contentType, byte[] content,
        string actor, DateTimeOffset at, CancellationToken ct)
    {
        var document = new RosterDocument(Guid.CreateVersion7().ToString(), entryId, kind, fileName, contentType, content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content)), at, actor);
        await c.ExecuteAsync(t, """
            INSERT INTO roster_documents (id, entry_id, kind, file_name, content_type, content, size, sha256, added_at, added_by)
            VALUES (@id, @entry, @kind, @name, @type, @content, @size, @sha, @at, @by)
            """, ct, ("id", document.Id), ("entry", entryId), ("kind", kind), ("name", fileName), ("type", contentType), ("content", content),
            ("size", (long)content.Length), ("sha", document.Sha256), ("at", document.AddedAt), ("by", actor));
        return document;
    }

    private async Task<List<AssetEvaluation>> EvaluationsAsync(string id, CancellationToken ct) =>
        await database.ReadAsync(c => c.QueryAsync(null, "SELECT seq, asset_id, verdict, reason, evaluator, at FROM roster_evaluations WHERE entry_id = @id ORDER BY seq",
            r => new AssetEvaluation(r.GetInt32(0), r.GetString(1), Codes.Parse<AssetVerdict>(r.GetString(2)), r.GetString(3), r.GetString(4), r.Instant(5)), ct, ("id", id)), ct);

    private async Task RequireVisibleAsync(string id, Viewer viewer, CancellationToken ct)
    {
        RosterRoles.Require(viewer, "Reading the roster", RosterRoles.Read);
        _ = await store.GetAsync(viewer, id, ct) ?? throw new NotFoundException("roster entry", id);
    }

    /// <summary>The largest declaration document, in bytes: the console checks it before reading an upload.</summary>
    public long MaxDocumentBytes => options.Value.MaxDocumentBytes;

    /// <summary>Refuses a document of no bytes or more than <see cref="MaxDocumentBytes"/>, naming the limit.</summary>
    public void CheckSize(long bytes)
    {
        if (bytes <= 0 || bytes > options.Value.MaxDocumentBytes)
        {
            throw new UserInputException("content", $"a document holds 1 byte to {options.Value.MaxDocumentBytes} bytes, got {bytes}.");
        }
    }

    /// <summary>
    /// A declaration is kept as evidence and handed back to whoever reads the entry: only PDF, checked by
    /// its first bytes as well as its stated type, so nothing a browser would run or show inline is stored.
    /// </summary>
    private void CheckFile(string fileName, string contentType, byte[] content)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(fileName) || fileName.IndexOfAny(['/', '\\']) >= 0 || fileName is "." or "..")
        {
            errors.Add(new FieldError("fileName", "give the file's name without a folder."));
        }
        TextHygiene.Check("fileName", fileName, TextKind.Line, RosterLimits.FileName, errors);
        if (!string.Equals(contentType, PdfType, StringComparison.Ordinal))
        {
            errors.Add(new FieldError("contentType", $"a declaration's document is a PDF ({PdfType}), got '{(contentType.Length <= 64 ? contentType : contentType[..64] + "…")}': scan or print other files to PDF."));
        }
        if (content.Length == 0 || content.Length > options.Value.MaxDocumentBytes)
        {
            errors.Add(new FieldError("content", $"a document holds 1 byte to {options.Value.MaxDocumentBytes} bytes, got {content.Length}."));
        }
        else if (!content.AsSpan().StartsWith("%PDF-"u8))
        {
            errors.Add(new FieldError("content", "the file is not a PDF (it does not begin with %PDF-): scan or print it to PDF."));
        }
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
    }

    private static RosterDocument ReadDocument(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.GetInt64(5), r.GetString(6), r.Instant(7), r.GetString(8));
}
