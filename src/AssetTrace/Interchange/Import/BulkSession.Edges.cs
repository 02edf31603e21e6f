using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;

namespace AssetTrace.Interchange.Import;

internal sealed partial class BulkSession
{
    private async Task WriteEdgeAsync(EdgeRecord record, CancellationToken ct)
    {
        var (sourceId, sourceKind) = (await ResolveAsync(record.SourceRecordId, ct))!.Value;
        var (targetId, targetKind) = (await ResolveAsync(record.TargetRecordId, ct))!.Value;
        if (sourceKind == NodeKind.Company && record.IfSourceIsCompany is { } alternative)
        {
            record = record with { Kind = alternative.Kind, Properties = alternative.Properties, IfSourceIsCompany = null };
        }
        var properties = ToElement(record.Properties);
        validator.ValidateEdge(record.Kind, sourceKind, targetKind, properties, record.ValidFrom, record.ValidTo);
        GraphInputValidator.CheckEnds(record.Kind, sourceId, targetId, sourceKind, properties);
        var key = Key(record.RecordId);
        var mapped = await FindRecordAsync(key, EdgeType, ct);
        if (Outdated(record, mapped))
        {
            return;
        }
        var existing = mapped is null ? null : await LoadEdgeAsync(mapped.Value.Id, ct);
        if (existing is null || existing.Value.Deleted || existing.Value.Edge.Kind != record.Kind)
        {
            var id = InterchangeIds.For(run.Format, record.RecordId);
            if (await LoadEdgeAsync(id, ct) is not null)
            {
                id = InterchangeIds.For(run.Format, $"{record.RecordId}@{run.RunId}");
            }
            var edge = new Edge(id, record.Kind, sourceId, targetId, properties, GraphInputValidator.ShareOf(properties), record.ValidFrom, record.ValidTo,
                NewProvenance(record.RecordId), new Stamp(1, run.Now, run.Options.Actor, run.Now, run.Options.Actor));
            await rows.CreateEdgeAsync(edge, VersionReason, ct);
            _lookups.SetEdge(edge);
            await RememberRecordAsync(key, EdgeType, id, owns: true, record.AsOf, ct);
            report.EdgesCreated++;
            return;
        }
        var current = existing.Value.Edge;
        await RememberRecordAsync(key, EdgeType, current.Id, owns: true, record.AsOf ?? mapped?.AsOf, ct);
        if (current.SourceId == sourceId && current.TargetId == targetId && SameJson(current.Properties, properties)
            && current.ValidFrom == record.ValidFrom && current.ValidTo == record.ValidTo)
        {
            report.EdgesUnchanged++;
            return;
        }
        var next = current with
        {
            SourceId = sourceId,
            TargetId = targetId,
            Properties = properties,
            Share = GraphInputValidator.ShareOf(properties),
            ValidFrom = record.ValidFrom,
            ValidTo = record.ValidTo,
            Provenance = NewProvenance(record.RecordId),
            Stamp = Bumped(current.Stamp),
        };
        await rows.ChangeEdgeAsync(next, VersionReason, ct);
        _lookups.SetEdge(next);
        report.EdgesUpdated++;
    }

    /// <summary>
    /// The new record takes over what the old one became (its node, its edges by suffix); the old
    /// record's edges the new one does not produce again are deleted, with the reason kept.
    /// </summary>
    private async Task SupersedeAsync(SupersedeRecord record, CancellationToken ct)
    {
        var oldKey = Key(record.OldRecordId);
        await rows.FlushAsync(ct);
        var mapped = await sql.FindRecordRange.Set("from", oldKey).Set("to", oldKey + "0")
            .QueryAsync(r => (Key: r.GetString(0), Type: r.GetString(1), Id: r.GetString(2), Owns: r.GetBoolean(3)), ct);
        var found = false;
        foreach (var row in mapped)
        {
            string? suffix;
            if (row.Key == oldKey)
            {
                suffix = null;
            }
            else if (row.Key.StartsWith(oldKey + "/", StringComparison.Ordinal))
            {
                suffix = row.Key[(oldKey.Length + 1)..];
            }
            else
            {
                continue;
            }
            found = true;
            await rows.FlushAsync(ct);
            await sql.MarkSuperseded.Set("by", record.NewRecordId).Set("key", row.Key).Set("type", row.Type).ExecuteAsync(ct);
            _lookups.ForgetRecord(row.Key, row.Type);
            if (row.Type == EdgeType && suffix is not null && !record.KeptEdgeSuffixes.Contains(suffix))
            {
                await RemoveEdgeAsync(row.Id, $"replaced by statement {record.NewRecordId} in {run.FileName}", ct);
                continue;
            }
            var newKey = Key(suffix is null ? record.NewRecordId : $"{record.NewRecordId}/{suffix}");
            await RememberRecordAsync(newKey, row.Type, row.Id, row.Owns, record.AsOf, ct);
        }
        report.Superseded++;
        if (!found)
        {
            // Replacing a statement never imported is normal (an update file on its own); nothing to take over.
            return;
        }
    }

    private async Task RemoveEdgeAsync(string id, string reason, CancellationToken ct)
    {
        if (await LoadEdgeAsync(id, ct) is not { Deleted: false } live)
        {
            return;
        }
        var gone = live.Edge with { Stamp = Bumped(live.Edge.Stamp) };
        await rows.DeleteEdgeAsync(gone, reason, ct);
        _lookups.SetEdge(gone, deleted: true);
        report.EdgesRemoved++;
    }

    private async Task WriteSanctionAsync(SanctionRecord record, CancellationToken ct)
    {
        if (await ResolveAsync(record.NodeRecordId, ct) is not { } node)
        {
            Problem(record.Location, $"the listed record '{record.NodeRecordId}' was not imported.");
            return;
        }
        await rows.FlushAsync(ct);
        await sql.UpsertSanction.Set("nodeId", node.Id).Set("list", record.ListName).Set("reference", record.Reference)
            .Set("listedOn", record.ListedOn).Set("program", record.Program).Set("details", record.Details.ToJsonString())
            .Set("ref", $"{run.Format}:{run.FileName}#{record.Reference}").Set("run", run.RunId).ExecuteAsync(ct);
        report.SanctionListings++;
    }

}
