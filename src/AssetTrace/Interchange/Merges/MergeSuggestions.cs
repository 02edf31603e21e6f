using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Interchange.Merges;

/// <summary>
/// Suggested merges raised by imports (same name keys and birth date; ICIJ same_as). Nothing is
/// merged until an analyst accepts: then the suggested node's edges move to the candidate, the
/// candidate gains what it lacked, the suggested node is deleted, its source records map to the
/// candidate, and one audit entry records the decision. A rejection is audited too.
/// </summary>
public sealed class MergeSuggestions(Database database, AuditLog audit, TimeProvider clock)
{

    // Of the table aliased m: reads join the two nodes, to keep what the viewer may not see.
    private const string Columns = "m.id, m.node_id, m.candidate_id, m.reason, m.status, m.import_run, m.created_at, m.decided_at, m.decided_by, m.decision_note";

    /// <summary>Suggestions whose two nodes the viewer may both see: a suggestion names both, and why they look alike.</summary>
    public Task<List<MergeSuggestion>> ListAsync(Viewer viewer, MergeStatus? status, int limit, CancellationToken ct)
    {
        var parameters = new List<(string, object?)> { ("status", status is { } s ? Codes.Of(s) : ""), ("limit", limit) };
        var visible = BothVisible(viewer, parameters);
        return database.ReadAsync(c => c.QueryAsync(null, $"""
            SELECT {Columns} FROM merge_suggestions m JOIN nodes a ON a.id = m.node_id JOIN nodes b ON b.id = m.candidate_id
            WHERE {(status is null ? "1 = 1" : "m.status = @status")} AND {visible} ORDER BY m.created_at, m.id LIMIT @limit
            """, Read, ct, [.. parameters]), ct);
    }

    private static string BothVisible(Viewer viewer, List<(string, object?)> parameters) =>
        $"{VisibilitySql.Visible("a", viewer, parameters)} AND {VisibilitySql.Visible("b", viewer, parameters)}";

    public async Task<MergeSuggestion> DecideAsync(string id, bool accept, string note, Viewer viewer, CancellationToken ct)
    {
        var actor = viewer.Name;
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new UserInputException("note", "say why the two are (or are not) the same; it is kept with the decision.");
        }
        TextHygiene.Require("note", note, TextKind.FreeText, TextLimits.Reason);
        var decided = await database.WriteAsync(async (c, t) =>
        {
            var parameters = new List<(string, object?)> { ("id", id) };
            var visible = BothVisible(viewer, parameters);
            var rows = await c.QueryAsync(t, $"""
                SELECT {Columns} FROM merge_suggestions m JOIN nodes a ON a.id = m.node_id JOIN nodes b ON b.id = m.candidate_id
                WHERE m.id = @id AND {visible}
                """, Read, ct, [.. parameters]);
            var suggestion = rows.Count == 1 ? rows[0] : throw new NotFoundException("merge suggestion", id);
            if (suggestion.Status != MergeStatus.Open)
            {
                throw new ConflictException($"The merge suggestion '{id}' was already {Codes.Of(suggestion.Status)} by {suggestion.DecidedBy} at {suggestion.DecidedAt:u}.");
            }
            var now = clock.GetUtcNow();
            JsonObject details = new() { ["node"] = suggestion.NodeId, ["candidate"] = suggestion.CandidateId, ["reason"] = suggestion.Reason };
            if (accept)
            {
                details["moved"] = await NodeMerge.MergeAsync(c, t, suggestion.NodeId, suggestion.CandidateId, actor, now, $"merge accepted: {note}", ct);
            }
            await c.ExecuteAsync(t, """
                UPDATE merge_suggestions SET status = @status, decided_at = @now, decided_by = @actor, decision_note = @note WHERE id = @id
                """, ct, ("status", Codes.Of(accept ? MergeStatus.Accepted : MergeStatus.Rejected)), ("now", now), ("actor", actor), ("note", note), ("id", id));
            await audit.AppendAsync(c, t, new AuditRecord(actor, accept ? "merge.accepted" : "merge.rejected", $"merge-suggestion/{id}", null, details.ToJsonString(), note), ct);
            return suggestion with { Status = accept ? MergeStatus.Accepted : MergeStatus.Rejected, DecidedAt = now, DecidedBy = actor, DecisionNote = note };
        }, ct);
        return decided;
    }

    private static MergeSuggestion Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Codes.Parse<MergeStatus>(r.GetString(4)), r.NullableString(5),
        r.Instant(6), r.NullableInstant(7), r.NullableString(8), r.NullableString(9));
}

/// <summary>Moves one node into another inside a write transaction (see <see cref="MergeSuggestions"/>).</summary>
internal static class NodeMerge
{
    public static async Task<int> MergeAsync(DbConnection c, DbTransaction t, string goneId, string keptId, string actor, DateTimeOffset now, string reason, CancellationToken ct)
    {
        var gone = await LoadAsync(c, t, goneId, ct);
        var kept = await LoadAsync(c, t, keptId, ct);
        if (gone.Kind != kept.Kind)
        {
            throw new UserInputException("id", $"'{goneId}' is a {gone.Kind} and '{keptId}' a {kept.Kind}: only nodes of one kind can be merged.");
        }
        var seq = await GraphVersion.BumpAsync(c, t, ct);
        var edges = await c.QueryAsync(t, $"SELECT {GraphRows.EdgeColumns} FROM edges e WHERE NOT e.deleted AND (e.source_id = @id OR e.target_id = @id)",
            GraphRows.ReadEdge, ct, ("id", goneId));
        foreach (var edge in edges)
        {
            var next = edge with
            {
                SourceId = edge.SourceId == goneId ? keptId : edge.SourceId,
                TargetId = edge.TargetId == goneId ? keptId : edge.TargetId,
                Stamp = edge.Stamp with { Version = edge.Stamp.Version + 1, UpdatedAt = now, UpdatedBy = actor },
            };
            var loop = next.SourceId == next.TargetId;
            await c.ExecuteAsync(t, $"""
                UPDATE edges SET source_id = @s, target_id = @t, {(loop ? "deleted = true, " : "")}version = version + 1, updated_at = @now, updated_by = @actor, change_seq = @seq WHERE id = @id
                """, ct, ("s", next.SourceId), ("t", next.TargetId), ("now", now), ("actor", actor), ("seq", seq), ("id", edge.Id));
            await Version(c, t, "edge_versions", "edge_id", edge.Id, next.Stamp.Version, loop ? ChangeKind.Deleted : ChangeKind.Updated, GraphState.Of(next), actor, now, reason, ct);
        }
        // The kept node gains the other's name as an alternate and any property it lacked.
        var merged = JsonNode.Parse(kept.Properties.GetRawText())!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(gone.Properties.GetRawText())!.AsObject())
        {
            if (name != "name" && name != "alternateNames" && !merged.ContainsKey(name))
            {
                merged[name] = value?.DeepClone();
            }
        }
        if (kept.Kind is NodeKind.Person or NodeKind.Company)
        {
            var alternates = (merged["alternateNames"] as JsonArray)?.Select(a => a!.GetValue<string>()).ToList() ?? [];
            alternates.AddRange(new[] { gone.Name }.Concat(gone.Properties.TryGetProperty("alternateNames", out var a) ? a.EnumerateArray().Select(e => e.GetString()!) : []));
            var distinct = alternates.Where(x => x != kept.Name).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count > 0)
            {
                merged["alternateNames"] = new JsonArray([.. distinct.Select(x => (JsonNode)x)]);
            }
        }
        var keptNext = kept with
        {
            Properties = JsonSerializer.SerializeToElement(merged),
            Stamp = kept.Stamp with { Version = kept.Stamp.Version + 1, UpdatedAt = now, UpdatedBy = actor },
        };
        await c.ExecuteAsync(t, "UPDATE nodes SET properties = @p, version = version + 1, updated_at = @now, updated_by = @actor, change_seq = @seq WHERE id = @id", ct,
            ("p", new Json(keptNext.Properties.GetRawText())), ("now", now), ("actor", actor), ("seq", seq), ("id", keptId));
        await Version(c, t, "node_versions", "node_id", keptId, keptNext.Stamp.Version, ChangeKind.Updated, GraphState.Of(keptNext), actor, now, reason, ct);
        await c.ExecuteAsync(t, "DELETE FROM node_name_keys WHERE node_id = @id", ct, ("id", keptId));
        foreach (var key in GraphStore.SearchKeys(keptNext))
        {
            await c.ExecuteAsync(t, "INSERT INTO node_name_keys (name_key, node_id) VALUES (@k, @id) ON CONFLICT DO NOTHING", ct, ("k", key), ("id", keptId));
        }
        var goneNext = gone with { Stamp = gone.Stamp with { Version = gone.Stamp.Version + 1, UpdatedAt = now, UpdatedBy = actor } };
        await c.ExecuteAsync(t, "UPDATE nodes SET deleted = true, version = version + 1, updated_at = @now, updated_by = @actor, change_seq = @seq WHERE id = @id", ct,
            ("now", now), ("actor", actor), ("seq", seq), ("id", goneId));
        await Version(c, t, "node_versions", "node_id", goneId, goneNext.Stamp.Version, ChangeKind.Deleted, GraphState.Of(goneNext), actor, now, reason, ct);
        await c.ExecuteAsync(t, "DELETE FROM node_name_keys WHERE node_id = @id", ct, ("id", goneId));
        // Later imports of the merged node's records land on the kept one.
        await c.ExecuteAsync(t, "UPDATE interchange_records SET entity_id = @kept, owns = @owns WHERE entity_id = @gone AND entity_type = 'node'", ct,
            ("kept", keptId), ("owns", false), ("gone", goneId));
        await c.ExecuteAsync(t, """
            UPDATE sanction_listings SET node_id = @kept WHERE node_id = @gone
            AND NOT EXISTS (SELECT 1 FROM sanction_listings k WHERE k.node_id = @kept AND k.list_name = sanction_listings.list_name AND k.reference = sanction_listings.reference)
            """, ct, ("kept", keptId), ("gone", goneId));
        await c.ExecuteAsync(t, "UPDATE merge_suggestions SET status = @superseded WHERE status = @open AND (node_id = @gone OR candidate_id = @gone)", ct,
            ("superseded", Codes.Of(MergeStatus.Superseded)), ("open", Codes.Of(MergeStatus.Open)), ("gone", goneId));
        return edges.Count;
    }

    private static async Task<Node> LoadAsync(DbConnection c, DbTransaction t, string id, CancellationToken ct) =>
        (await c.QueryAsync(t, $"SELECT {GraphRows.NodeColumns} FROM nodes n WHERE n.id = @id AND NOT n.deleted", GraphRows.ReadNode, ct, ("id", id))).SingleOrDefault()
        ?? throw new NotFoundException("node", id);

    private static Task<int> Version(DbConnection c, DbTransaction t, string table, string key, string id, int version, ChangeKind change, string state,
        string actor, DateTimeOffset now, string reason, CancellationToken ct) =>
        c.ExecuteAsync(t, $"INSERT INTO {table} ({key}, version, change, state, changed_at, changed_by, reason) VALUES (@id, @v, @change, @state, @at, @by, @reason)", ct,
            ("id", id), ("v", version), ("change", Codes.Of(change)), ("state", state), ("at", now), ("by", actor), ("reason", reason));
}
