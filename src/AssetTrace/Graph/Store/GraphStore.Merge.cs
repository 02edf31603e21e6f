using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store.Tables;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Graph.Store;

public sealed partial class GraphStore
{
    /// <summary>
    /// Moves one node into another inside the caller's write transaction (a merge an analyst accepted): the gone node's
    /// edges move to the kept one (an edge that would join the kept node to itself is deleted), the kept node gains the
    /// other's names as alternates and any property it lacked, and the gone node is deleted; every change has its version
    /// row with <paramref name="reason"/>. The caller writes the one audit entry of the decision. Both nodes must be
    /// live and visible to <paramref name="actor"/>. Returns how many edges moved.
    /// </summary>
    internal async Task<int> MergeNodesAsync(DbConnection c, DbTransaction t, string goneId, string keptId, string reason, Viewer actor, CancellationToken ct)
    {
        var gone = await LoadNodeAsync(c, t, goneId, actor, ct);
        var kept = await LoadNodeAsync(c, t, keptId, actor, ct);
        if (gone.Kind != kept.Kind)
        {
            throw new UserInputException("id", $"'{goneId}' is a {gone.Kind} and '{keptId}' a {kept.Kind}: only nodes of one kind can be merged.");
        }
        var seq = await GraphVersion.BumpAsync(c, t, ct);
        var now = clock.GetUtcNow();
        var edges = await c.QueryAsync(t, $"SELECT {GraphRows.EdgeColumns} FROM edges e WHERE NOT e.deleted AND (e.source_id = @id OR e.target_id = @id)",
            GraphRows.ReadEdge, ct, ("id", goneId));
        foreach (var edge in edges)
        {
            var next = edge with
            {
                SourceId = edge.SourceId == goneId ? keptId : edge.SourceId,
                TargetId = edge.TargetId == goneId ? keptId : edge.TargetId,
                Stamp = Bumped(edge.Stamp, actor, now),
            };
            var loop = next.SourceId == next.TargetId;
            await WriteEdgeChangeAsync(c, t, next, ColumnGroup.Ends | ColumnGroup.Change, seq, ct, loop ? GraphTables.Deleted : null);
            await WriteEdgeVersionAsync(c, t, next, loop ? ChangeKind.Deleted : ChangeKind.Updated, reason, ct);
        }
        var keptNext = kept with { Properties = Merged(kept, gone), Stamp = Bumped(kept.Stamp, actor, now) };
        await WriteNodeChangeAsync(c, t, keptNext, ColumnGroup.Content | ColumnGroup.Change, seq, ct);
        await WriteNodeVersionAsync(c, t, keptNext, ChangeKind.Updated, reason, ct);
        var goneNext = gone with { Stamp = Bumped(gone.Stamp, actor, now) };
        await MarkNodeDeletedAsync(c, t, goneNext, seq, ct);
        await WriteNodeVersionAsync(c, t, goneNext, ChangeKind.Deleted, reason, ct);
        return edges.Count;
    }

    /// <summary>The kept node's properties with the other's name as an alternate and any property it lacked.</summary>
    private static JsonElement Merged(Node kept, Node gone)
    {
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
        return JsonSerializer.SerializeToElement(merged);
    }

    private static Stamp Bumped(Stamp stamp, Viewer actor, DateTimeOffset now) =>
        stamp with { Version = stamp.Version + 1, UpdatedAt = now, UpdatedBy = actor.Name };
}
