using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>
/// Where the new rows of an import run go: on PostgreSQL into a <see cref="CopyBuffer"/> written
/// with binary COPY at the end of each chunk; on SQLite (in-process, where a statement costs no
/// round trip) straight through the prepared statements. Any other statement, and any read the
/// session did not read ahead, must come after <see cref="FlushAsync"/>, so that it sees the rows.
/// Every key and id written is also told to <see cref="RunWrites"/>, so later chunks know what they may find.
/// </summary>
internal sealed class BulkRowWriter(BulkStatements sql, CopyBuffer? copy, ImportRun run, long seq, RunWrites writes)
{
    /// <summary>Writes every row held and waits until they are in the store.</summary>
    public Task FlushAsync(CancellationToken ct) => copy?.FlushAsync(ct) ?? Task.CompletedTask;

    /// <summary>Starts writing the rows held; reads and statements must <see cref="WaitAsync"/> (or flush) before they use the connection.</summary>
    public Task BeginFlushAsync(CancellationToken ct) => copy?.BeginFlushAsync(ct) ?? Task.CompletedTask;

    /// <summary>Returns when the rows sent so far are in the store and the connection is free.</summary>
    public Task WaitAsync() => copy?.WaitAsync() ?? Task.CompletedTask;

    public async Task InsertNodeAsync(Node node, CancellationToken ct)
    {
        writes.Wrote(node.Id);
        if (copy is null)
        {
            await SetNodeParameters(sql.InsertNode, node).Set("kind", Codes.Of(node.Kind)).ExecuteAsync(ct);
            return;
        }
        copy.Node(node, run, seq);
    }

    public async Task InsertEdgeAsync(Edge edge, CancellationToken ct)
    {
        writes.Wrote(edge.Id);
        if (copy is null)
        {
            await SetEdgeParameters(sql.InsertEdge, edge).Set("kind", Codes.Of(edge.Kind)).ExecuteAsync(ct);
            return;
        }
        copy.Edge(edge, run, seq);
    }

    /// <summary>A node's or an edge's version row, the reason naming the run.</summary>
    public async Task InsertVersionAsync(bool isNode, string id, int version, ChangeKind change, string state, string reason, CancellationToken ct)
    {
        if (copy is null)
        {
            await (isNode ? sql.InsertNodeVersion : sql.InsertEdgeVersion).Set("id", id).Set("version", version).Set("change", Codes.Of(change))
                .Set("state", state).Set("at", run.Now).Set("by", run.Options.Actor).Set("reason", reason).ExecuteAsync(ct);
            return;
        }
        copy.Version(isNode, id, version, change, state, run, reason);
    }

    /// <summary>Search keys of a node that has none (new, or its keys just deleted).</summary>
    public async Task InsertNameKeysAsync(string nodeId, IEnumerable<string> keys, CancellationToken ct)
    {
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (copy is null)
            {
                await sql.InsertNameKey.Set("key", key).Set("id", nodeId).ExecuteAsync(ct);
            }
            else
            {
                copy.NameKey(key, nodeId);
            }
        }
    }

    /// <summary>Identifiers of a node that has none (new, or its identifiers just deleted).</summary>
    public async Task InsertIdentifiersAsync(string nodeId, IEnumerable<string> identifiers, CancellationToken ct)
    {
        foreach (var identifier in identifiers.Distinct(StringComparer.Ordinal))
        {
            if (copy is null)
            {
                await sql.InsertIdentifier.Set("identifier", identifier).Set("id", nodeId).ExecuteAsync(ct);
            }
            else
            {
                copy.Identifier(identifier, nodeId);
            }
        }
    }

    /// <summary>Maps a source record onto what it became (an upsert: a known record keeps its <c>owns</c>).</summary>
    /// <param name="isNew">The store is known to hold no row for the record yet.</param>
    public async Task RememberRecordAsync(string key, string type, string id, bool owns, string? asOf, bool isNew, CancellationToken ct)
    {
        writes.Wrote(key);
        if (copy is null)
        {
            await sql.InsertRecord.Set("key", key).Set("type", type).Set("id", id).Set("owns", owns).Set("asOf", asOf).Set("run", run.RunId).ExecuteAsync(ct);
            return;
        }
        copy.Record(key, type, id, owns, asOf, run.RunId, isNew);
    }

    public PreparedCommand SetNodeParameters(PreparedCommand command, Node node) =>
        command.Set("id", node.Id).Set("name", node.Name).Set("properties", new Storage.Json(node.Properties.GetRawText()))
            .Set("validFrom", node.ValidFrom).Set("validTo", node.ValidTo)
            .Set("source", Codes.Of(node.Provenance.Source)).Set("ref", node.Provenance.Reference).Set("obtained", node.Provenance.ObtainedAt)
            .Set("recordedBy", node.Provenance.RecordedBy).Set("restriction", Codes.Of(node.Provenance.Restriction))
            .Set("now", run.Now).Set("actor", run.Options.Actor).Set("seq", seq);

    public PreparedCommand SetEdgeParameters(PreparedCommand command, Edge edge) =>
        command.Set("id", edge.Id).Set("sourceId", edge.SourceId).Set("targetId", edge.TargetId)
            .Set("properties", new Storage.Json(edge.Properties.GetRawText())).Set("shareLow", edge.Share?.Low).Set("shareHigh", edge.Share?.High)
            .Set("validFrom", edge.ValidFrom).Set("validTo", edge.ValidTo)
            .Set("source", Codes.Of(edge.Provenance.Source)).Set("ref", edge.Provenance.Reference).Set("obtained", edge.Provenance.ObtainedAt)
            .Set("recordedBy", edge.Provenance.RecordedBy).Set("restriction", Codes.Of(edge.Provenance.Restriction))
            .Set("now", run.Now).Set("actor", run.Options.Actor).Set("seq", seq);
}
