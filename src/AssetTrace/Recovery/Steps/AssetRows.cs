using System.Data.Common;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Recovery.Steps;

/// <summary>Reading the recovery tables back into <see cref="AssetRecovery"/> and <see cref="AssetMove"/>.</summary>
internal static class AssetRows
{
    /// <summary>The move's columns in the order <see cref="ReadMove"/> reads them.</summary>
    public const string MoveColumns = "id, seq, step, on_date, value, currency, justifications, unrestrained_reason, corrects, note, recorded_at, recorded_by, case_id, node_id";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static (string CaseId, string NodeId, AssetMove Move) ReadMove(DbDataReader r) =>
        (r.GetString(12), r.GetString(13), new AssetMove(r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : Codes.Parse<RecoveryStep>(r.GetString(2)),
            r.GetFieldValue<DateOnly>(3), r.NullableDecimal(4), r.NullableString(5),
            JsonSerializer.Deserialize<List<Justification>>(r.GetString(6), Json) ?? [], r.NullableString(7), r.NullableString(8), r.NullableString(9),
            r.Instant(10), r.GetString(11)));

    /// <summary>
    /// The assets of the given cases (all of one case when <paramref name="nodeId"/> is null), with their moves, that
    /// <paramref name="viewer"/> may see. A node is recorded only while open or restricted to the asset's own case, but it may be
    /// restricted to another case afterwards: the asset is then left out, name, moves and all, as the graph leaves the node out.
    /// </summary>
    public static async Task<List<AssetRecovery>> LoadAsync(DbConnection c, DbTransaction? t, Viewer viewer, IReadOnlyCollection<string> caseIds, string? nodeId,
        CancellationToken ct)
    {
        if (caseIds.Count == 0)
        {
            return [];
        }
        var (list, caseParameters) = SqlList.Of("c", caseIds);
        var parameters = caseParameters.Append(("node", (object?)nodeId)).ToList();
        var visible = $"(n.id IS NULL OR {VisibilitySql.Visible("n", viewer, parameters)})";
        var node = nodeId is null ? "" : " AND a.node_id = @node";
        var all = parameters.ToArray();
        var assets = await c.QueryAsync(t, $"""
            SELECT a.case_id, a.node_id, COALESCE(n.name, a.node_id), a.step, a.country, a.channel, a.version
            FROM recovery_assets a LEFT JOIN nodes n ON n.id = a.node_id
            WHERE a.case_id IN ({list}){node} AND {visible} ORDER BY a.case_id, n.name, a.node_id
            """, r => new AssetRecovery(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : Codes.Parse<RecoveryStep>(r.GetString(3)),
                r.NullableString(4), Codes.Parse<DiscoveryChannel>(r.GetString(5)), r.GetInt32(6), []), ct, all);
        // Moves go only to the assets read above, so a hidden asset's moves are never handed out.
        var moves = (await c.QueryAsync(t, $"SELECT {MoveColumns} FROM recovery_moves a WHERE a.case_id IN ({list}){node} ORDER BY seq", ReadMove, ct, all))
            .ToLookup(m => (m.CaseId, m.NodeId), m => m.Move);
        return [.. assets.Select(a => a with { Moves = [.. moves[(a.CaseId, a.NodeId)]] })];
    }
}
