namespace AssetTrace.Interchange.Import;

internal sealed partial class BulkSession
{
    // Persons this run created with a birth date: their duplicates are looked for once the run has written everything (#12).
    private readonly List<string> _mergeChecks = [];

    /// <summary>Reads what the chunk's items will ask: their record maps, the nodes and edges those name or their ids would take, their identifiers.</summary>
    private async Task ReadAheadAsync(IEnumerable<ImportItem> chunk, CancellationToken ct)
    {
        var records = new HashSet<(string Key, string Type)>();
        var parties = new HashSet<string>(StringComparer.Ordinal);
        var nodeIds = new HashSet<string>(StringComparer.Ordinal);
        var edgeIds = new HashSet<string>(StringComparer.Ordinal);
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        void Party(string recordId)
        {
            var key = Key(recordId);
            // TryGet keeps a known end among the newest entries, so it is still there when the chunk asks for it.
            if (!_nodes.TryGet(key, out _))
            {
                parties.Add(key);
            }
        }
        foreach (var item in chunk)
        {
            switch (item)
            {
                case NodeRecord node:
                    records.Add((Key(node.RecordId), NodeType));
                    nodeIds.Add(InterchangeIds.For(run.Format, node.RecordId));
                    identifiers.UnionWith(NodeIdentifiers.Of(node.Kind, node.Properties));
                    break;
                case EdgeRecord edge:
                    records.Add((Key(edge.RecordId), EdgeType));
                    edgeIds.Add(InterchangeIds.For(run.Format, edge.RecordId));
                    Party(edge.SourceRecordId);
                    Party(edge.TargetRecordId);
                    break;
                case SameAsRecord same:
                    Party(same.RecordId);
                    Party(same.OtherRecordId);
                    break;
                case SanctionRecord sanction:
                    Party(sanction.NodeRecordId);
                    break;
            }
        }
        // A record the chunk also writes is read in full below; the others are only edge ends, which need no more than id and kind.
        foreach (var (key, type) in records)
        {
            if (type == NodeType)
            {
                parties.Remove(key);
            }
        }
        await _lookups.ReadAheadAsync(connection, transaction, records, parties, nodeIds, edgeIds, identifiers, writes.MayExist, ct);
        foreach (var (key, id, kind) in _lookups.LiveParties)
        {
            _nodes.Add(key, (id, kind));
        }
    }

    /// <summary>Starts writing the chunk's rows, so the next chunk is worked out while the store takes them.</summary>
    private async Task EndChunkAsync(CancellationToken ct)
    {
        await rows.BeginFlushAsync(ct);
        _lookups.Clear();
    }

    /// <summary>
    /// Suggests merges for the persons the run created, on the graph as the run leaves it (see MergeCandidates), so the
    /// suggestions do not depend on the order of the records or on how they were chunked (#12).
    /// </summary>
    private async Task SuggestMergesAsync(CancellationToken ct)
    {
        var created = _mergeChecks.ToHashSet(StringComparer.Ordinal);
        foreach (var id in _mergeChecks)
        {
            foreach (var (candidate, match) in await MergeCandidates.FindAsync(connection, transaction, id, created, run.MatchThreshold, ct))
            {
                report.MergesSuggested += await sql.InsertSuggestion.Set("id", $"{id}~{candidate}").Set("nodeId", id).Set("candidateId", candidate)
                    .Set("reason", MergeReason(match)).Set("score", (decimal)match.Score).Set("explanation", Merges.MergeExplanation.ToJson(match.Explanation))
                    .Set("run", run.RunId).Set("now", run.Now).ExecuteAsync(ct);
            }
        }
        _mergeChecks.Clear();
    }

    /// <summary>The suggestion's reason in one line: "name match 0.97 with 'Серік Ахметов': serik ≈ серік (transliteration 0.97); …".</summary>
    private static string MergeReason(Matching.MatchResult match) =>
        $"name match {match.Score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} with '{match.MatchedName}': {Matching.Screening.ScreeningText.Explanation(match.Explanation)}";
}
