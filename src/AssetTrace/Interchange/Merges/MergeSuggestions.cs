using System.Data.Common;
using System.Text.Json.Nodes;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Interchange.Merges;

/// <summary>
/// Suggested merges raised by imports (the name matcher with birth dates, scored and explained; ICIJ same_as). Nothing is
/// merged until an analyst accepts: then the store merges the two nodes (<see cref="GraphStore"/>:
/// the suggested node's edges move to the candidate, the candidate gains what it lacked, the
/// suggested node is deleted), its source records and sanction listings move to the candidate,
/// other suggestions about it are superseded, and one audit entry records the decision. A
/// rejection is audited too.
/// </summary>
public sealed class MergeSuggestions(Database database, GraphStore graph, AuditLog audit, TimeProvider clock)
{

    // Of the table aliased m: reads join the two nodes, to keep what the viewer may not see.
    private const string Columns = "m.id, m.node_id, m.candidate_id, m.reason, m.status, m.import_run, m.created_at, m.decided_at, m.decided_by, m.decision_note, m.score, m.explanation";

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
                details["moved"] = await graph.MergeNodesAsync(c, t, suggestion.NodeId, suggestion.CandidateId, $"merge accepted: {note}", viewer, ct);
                await MoveImportedReferencesAsync(c, t, suggestion.NodeId, suggestion.CandidateId, ct);
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
        r.Instant(6), r.NullableInstant(7), r.NullableString(8), r.NullableString(9),
        r.IsDBNull(10) ? null : r.GetDouble(10), MergeExplanation.FromJson(r.NullableString(11)));

    /// <summary>What imports hold about the merged node now names the kept one.</summary>
    private static async Task MoveImportedReferencesAsync(DbConnection c, DbTransaction t, string goneId, string keptId, CancellationToken ct)
    {
        // Later imports of the merged node's records land on the kept one.
        await c.ExecuteAsync(t, "UPDATE interchange_records SET entity_id = @kept, owns = @owns WHERE entity_id = @gone AND entity_type = 'node'", ct,
            ("kept", keptId), ("owns", false), ("gone", goneId));
        await c.ExecuteAsync(t, """
            UPDATE sanction_listings SET node_id = @kept WHERE node_id = @gone
            AND NOT EXISTS (SELECT 1 FROM sanction_listings k WHERE k.node_id = @kept AND k.list_name = sanction_listings.list_name AND k.reference = sanction_listings.reference)
            """, ct, ("kept", keptId), ("gone", goneId));
        await c.ExecuteAsync(t, "UPDATE merge_suggestions SET status = @superseded WHERE status = @open AND (node_id = @gone OR candidate_id = @gone)", ct,
            ("superseded", Codes.Of(MergeStatus.Superseded)), ("open", Codes.Of(MergeStatus.Open)), ("gone", goneId));
    }
}
