using AssetTrace.Graph.Model;

namespace AssetTrace.Interchange.Import;

internal sealed partial class BulkSession
{
    // Persons created in this chunk that may be duplicates of others, in the order they were created.
    private readonly List<(Node Node, string BirthDate)> _mergeChecks = [];
    private readonly Dictionary<string, int> _createdInChunk = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Starts writing the chunk's rows, so the next chunk is worked out while the store takes them; waits for them when
    /// the chunk created persons, whose duplicates are looked for in the store (that query needs their search keys).
    /// </summary>
    private async Task EndChunkAsync(CancellationToken ct)
    {
        if (_mergeChecks.Count == 0)
        {
            await rows.BeginFlushAsync(ct);
        }
        else
        {
            await rows.FlushAsync(ct);
        }
        foreach (var (node, birthDate) in _mergeChecks)
        {
            var order = _createdInChunk[node.Id];
            foreach (var candidate in await MergeCandidates.FindAsync(connection, transaction, node, birthDate, ct))
            {
                // A person created later in the same chunk finds this one when its own turn comes, as it would have one by one.
                if (_createdInChunk.TryGetValue(candidate, out var later) && later > order)
                {
                    continue;
                }
                await sql.InsertSuggestion.Set("id", $"{node.Id}~{candidate}").Set("nodeId", node.Id).Set("candidateId", candidate)
                    .Set("reason", $"same name keys as '{node.Name}' and birth date {birthDate}").Set("run", run.RunId).Set("now", run.Now).ExecuteAsync(ct);
                report.MergesSuggested++;
            }
        }
        _mergeChecks.Clear();
        _createdInChunk.Clear();
        _lookups.Clear();
    }
}
