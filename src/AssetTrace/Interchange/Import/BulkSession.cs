using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;
using AssetTrace.Graph.Store.Bulk;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// One import run inside one write transaction: maps source records onto nodes and edges,
/// validates them against the model, and hands the rows, versions, search keys and identifiers
/// to the store's <see cref="BulkRowWriter"/>, which stamps them with the one change_seq of the transaction.
/// </summary>
internal sealed partial class BulkSession(
    DbConnection connection,
    DbTransaction transaction,
    BulkStatements sql,
    BulkRowWriter rows,
    GraphInputValidator validator,
    ImportRun run,
    ImportReport report,
    RunWrites writes)
{
    private const string NodeType = "node";
    private const string EdgeType = "edge";
    // Record ids whose nodes are remembered (about 80 bytes each); more than a chunk names, so the two-generation cache never drops
    // what a chunk read ahead. Files tend to list their nodes before the links among them, and a link whose end has been dropped
    // costs the store a lookup.
    private const int CacheLimit = 400_000;

    /// <summary>Items applied together: read ahead with a few queries, their new rows written together.</summary>
    public const int ChunkSize = 5_000;

    // Record key → (node id, kind); a miss is read ahead with the chunk that needs it.
    private readonly RecentRecordNodes _nodes = new(CacheLimit);
    private readonly List<EdgeRecord> _deferred = [];
    private readonly ImportLookups _lookups = new(rows.WaitAsync);

    /// <summary>Applies a chunk of items (at most <see cref="ChunkSize"/>) in file order.</summary>
    public async Task ApplyChunkAsync(IReadOnlyList<ImportItem> chunk, CancellationToken ct)
    {
        await ReadAheadAsync(chunk, ct);
        foreach (var item in chunk)
        {
            await ApplyOneAsync(item, ct);
        }
        await EndChunkAsync(ct);
    }

    private async Task ApplyOneAsync(ImportItem item, CancellationToken ct)
    {
        report.ItemsRead++;
        try
        {
            switch (item)
            {
                case NodeRecord node:
                    await WriteNodeAsync(node, ct);
                    break;
                case EdgeRecord edge:
                    if (await ResolveAsync(edge.SourceRecordId, ct) is null || await ResolveAsync(edge.TargetRecordId, ct) is null)
                    {
                        // The node may come later in the file (BODS does not require an order): try again at the end.
                        report.ItemsRead--;
                        _deferred.Add(edge);
                        return;
                    }
                    await WriteEdgeAsync(edge, ct);
                    break;
                case SupersedeRecord supersede:
                    await SupersedeAsync(supersede, ct);
                    break;
                case SanctionRecord sanction:
                    await WriteSanctionAsync(sanction, ct);
                    break;
                case SameAsRecord same:
                    await SuggestSameAsync(same, ct);
                    break;
                case IgnoredRecord ignored:
                    report.Ignored++;
                    report.Notes[ignored.Reason] = report.Notes.GetValueOrDefault(ignored.Reason) + 1;
                    break;
                case BadRecord bad:
                    Problem(bad.Location, bad.Reason);
                    break;
            }
        }
        catch (UserInputException e)
        {
            Problem(item.Location, string.Join("; ", e.Errors.Select(f => $"{f.Field.Replace("input.", "", StringComparison.Ordinal)}: {f.Message}")));
        }
    }

    /// <summary>Applies the edges that waited for a node named later in the file; those still dangling are problems.</summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        foreach (var chunk in _deferred.Chunk(run.Options.ChunkSize))
        {
            await ReadAheadAsync(chunk, ct);
            foreach (var edge in chunk)
            {
                await ApplyDeferredAsync(edge, ct);
            }
            await EndChunkAsync(ct);
        }
        _deferred.Clear();
        // What follows the session uses the connection.
        await rows.FlushAsync(ct);
        await SuggestMergesAsync(ct);
    }

    private async Task ApplyDeferredAsync(EdgeRecord edge, CancellationToken ct)
    {
        report.ItemsRead++;
        var source = await ResolveAsync(edge.SourceRecordId, ct);
        var target = await ResolveAsync(edge.TargetRecordId, ct);
        if ((source is null || target is null) && edge.IgnoreIfDangling is { } note)
        {
            report.Ignored++;
            report.Notes[note] = report.Notes.GetValueOrDefault(note) + 1;
            return;
        }
        if (source is null || target is null)
        {
            Problem(edge.Location, $"refers to record '{(source is null ? edge.SourceRecordId : edge.TargetRecordId)}', which is neither in this file nor imported before (dangling reference).");
            return;
        }
        try
        {
            await WriteEdgeAsync(edge, ct);
        }
        catch (UserInputException e)
        {
            Problem(edge.Location, e.Message.Replace("input.", "", StringComparison.Ordinal));
        }
    }

    private void Problem(RecordLocation location, string reason)
    {
        report.Skipped++;
        report.AddProblem(location, reason, run.Options.MaxReportedErrors);
        if (run.Options.Strict)
        {
            throw new StrictModeStop(new ImportProblem(location, reason));
        }
    }

    private string Key(string recordId) => $"{run.Format}:{recordId}";

    private async Task<(string Id, NodeKind Kind)?> ResolveAsync(string recordId, CancellationToken ct)
    {
        var key = Key(recordId);
        if (_nodes.TryGet(key, out var known))
        {
            return known;
        }
        var mapped = await FindRecordAsync(key, NodeType, ct);
        if (mapped is null)
        {
            return null;
        }
        var node = await LoadNodeAsync(mapped.Value.Id, ct);
        if (node is null || node.Value.Deleted)
        {
            return null;
        }
        return Remember(key, node.Value.Node.Id, node.Value.Node.Kind);
    }

    private (string, NodeKind) Remember(string key, string id, NodeKind kind)
    {
        _nodes.Add(key, (id, kind));
        return (id, kind);
    }

    private async Task<MappedRecord?> FindRecordAsync(string key, string type, CancellationToken ct)
    {
        if (_lookups.TryRecord(key, type, out var known))
        {
            return known;
        }
        await rows.FlushAsync(ct);
        var found = await sql.FindRecord.Set("key", key).Set("type", type)
            .QueryAsync(r => new MappedRecord(r.GetString(0), r.GetBoolean(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)), ct);
        MappedRecord? mapped = found.Count == 0 ? null : found[0];
        _lookups.SetRecord(key, type, mapped);
        return mapped;
    }

    /// <summary>Like the upsert it stands for: a record already mapped keeps its <c>owns</c> and supersession.</summary>
    private async Task RememberRecordAsync(string key, string type, string id, bool owns, string? asOf, CancellationToken ct)
    {
        var looked = _lookups.TryRecord(key, type, out var known);
        await rows.RememberRecordAsync(key, type, id, owns, asOf, run.RunId, isNew: looked && known is null, ct);
        if (looked)
        {
            _lookups.SetRecord(key, type, known is { } mapped ? mapped with { Id = id, AsOf = asOf } : new MappedRecord(id, owns, asOf, null));
        }
    }

    /// <summary>A statement older than the one last applied to the record (a file read again, statements out of order) changes nothing.</summary>
    private bool Outdated(ImportItem item, MappedRecord? applied)
    {
        if (applied?.SupersededBy is not null)
        {
            report.Outdated++;
            return true;
        }
        var appliedAsOf = applied?.AsOf;
        if (item.AsOf is null || appliedAsOf is null || string.CompareOrdinal(item.AsOf, appliedAsOf) >= 0)
        {
            return false;
        }
        report.Outdated++;
        return true;
    }

    private async Task<(Node Node, bool Deleted)?> LoadNodeAsync(string id, CancellationToken ct)
    {
        if (_lookups.TryNode(id, out var known))
        {
            return known;
        }
        var found = await rows.LoadNodeAsync(id, ct);
        if (found is { } node)
        {
            _lookups.SetNode(node.Node, node.Deleted);
        }
        return found;
    }

    private async Task<(Edge Edge, bool Deleted)?> LoadEdgeAsync(string id, CancellationToken ct)
    {
        if (_lookups.TryEdge(id, out var known))
        {
            return known;
        }
        var found = await rows.LoadEdgeAsync(id, ct);
        if (found is { } edge)
        {
            _lookups.SetEdge(edge.Edge, edge.Deleted);
        }
        return found;
    }

    private Provenance NewProvenance(string recordId) =>
        new(SourceKind.BulkImport, $"{run.Format}:{run.FileName}#{recordId}", run.Options.ObtainedAt ?? run.Now, run.Options.Actor, run.Options.Restriction);

    private Stamp Bumped(Stamp stamp) => stamp with { Version = stamp.Version + 1, UpdatedAt = run.Now, UpdatedBy = run.Options.Actor };

    /// <summary>Kept with every version the run writes: "why did this change" names the run and its file.</summary>
    private string VersionReason => $"import run {run.RunId} ({run.Format}, {run.FileName})";

    private static JsonElement ToElement(JsonObject properties) => JsonSerializer.SerializeToElement(ImportedText.Fold(properties));

    private static bool SameJson(JsonElement a, JsonElement b) =>
        JsonNode.DeepEquals(JsonNode.Parse(a.GetRawText()), JsonNode.Parse(b.GetRawText()));

    /// <summary>Thrown by strict mode at the first problem; the transaction rolls back.</summary>
    internal sealed class StrictModeStop(ImportProblem problem) : Exception(problem.ToString())
    {
        public ImportProblem Problem { get; } = problem;
    }
}
