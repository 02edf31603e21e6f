using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Analytics.Engine;

/// <summary>
/// A row of the nodes or edges table as a change to apply to a snapshot: read by the whole load from
/// the store and by the catch-up through the change counter alike (<see cref="SnapshotProvider"/>).
/// </summary>
internal static class SnapshotRows
{
    // The columns ReadNode and ReadEdge read, in their order; shared by the full load and the delta load.
    public const string NodeColumns = "id, kind, name, properties, valid_from, valid_to, deleted, restricted_case";
    public const string EdgeColumns = "id, kind, source_id, target_id, share_low, share_high, valid_from, valid_to, properties, deleted, restricted_case";

    /// <summary>A node row as a change to a snapshot (the catch-up): added, or applied to the node with its id.</summary>
    public static Action<GraphSnapshot> ReadNode(DbDataReader r)
    {
        var row = NodeRow.Read(r);
        return snapshot => snapshot.Upsert(row.Id, node => row.ApplyTo(node, snapshot));
    }

    /// <summary>A live node row as a new node at <paramref name="index"/>, for a whole load (<see cref="GraphSnapshot.AddWholeNodes"/>).</summary>
    public static SnapshotNode NewNode(DbDataReader r, int index, GraphSnapshot snapshot)
    {
        var row = NodeRow.Read(r);
        var node = new SnapshotNode { Index = index, Id = row.Id };
        row.ApplyTo(node, snapshot);
        return node;
    }

    /// <summary>An edge row as a change to a snapshot (the catch-up); an edge whose end the snapshot lacks is left out.</summary>
    public static Action<GraphSnapshot> ReadEdge(DbDataReader r)
    {
        var row = EdgeRow.Read(r);
        return snapshot => snapshot.UpsertEdge(row.Id, row.SourceId, row.TargetId, edge => row.ApplyTo(edge, snapshot));
    }

    /// <summary>A live edge row as a new edge for a whole load; null when an end is not in the snapshot (deleted), as <see cref="ReadEdge"/> leaves it out.</summary>
    public static SnapshotEdge? NewEdge(DbDataReader r, GraphSnapshot snapshot)
    {
        var row = EdgeRow.Read(r);
        if (snapshot.Stored(row.SourceId) is not { } source || snapshot.Stored(row.TargetId) is not { } target)
        {
            return null;
        }
        var edge = new SnapshotEdge { Id = row.Id, Source = source, Target = target };
        row.ApplyTo(edge, snapshot);
        return edge;
    }

    private readonly record struct NodeRow(string Id, NodeKind Kind, string Name, string? Properties, DateOnly? ValidFrom, DateOnly? ValidTo, bool Deleted, string? RestrictedTo)
    {
        public static NodeRow Read(DbDataReader r)
        {
            var kind = Codes.ParseNodeKind(r.GetString(1));
            return new NodeRow(r.GetString(0), kind, r.GetString(2), kind == NodeKind.Person ? null : r.GetString(3),
                r.NullableDate(4), r.NullableDate(5), r.GetBoolean(6), r.NullableString(7));
        }

        public void ApplyTo(SnapshotNode node, GraphSnapshot snapshot)
        {
            node.Restriction = snapshot.NumberCase(RestrictedTo);
            node.Kind = Kind;
            node.Name = Name;
            node.ValidFrom = ValidFrom;
            node.ValidTo = ValidTo;
            node.Deleted = Deleted;
            if (Properties is not null)
            {
                using var json = JsonDocument.Parse(Properties);
                var p = json.RootElement;
                node.Country = Text(p, "jurisdiction") ?? Text(p, "country") ?? Text(p, "flag");
                node.Value = p.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
                node.ValueCurrency = Text(p, "valueCurrency");
                node.ValueDate = Text(p, "valueDate") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            }
        }
    }

    private readonly record struct EdgeRow(string Id, EdgeKind Kind, string SourceId, string TargetId, decimal? Low, decimal? High,
        DateOnly? ValidFrom, DateOnly? ValidTo, string? Properties, bool Deleted, string? RestrictedTo)
    {
        public static EdgeRow Read(DbDataReader r)
        {
            var kind = Codes.ParseEdgeKind(r.GetString(1));
            return new EdgeRow(r.GetString(0), kind, r.GetString(2), r.GetString(3), r.NullableDecimal(4), r.NullableDecimal(5),
                r.NullableDate(6), r.NullableDate(7), kind is EdgeKind.Owns or EdgeKind.BeneficialOwnerOf ? null : r.GetString(8),
                r.GetBoolean(9), r.NullableString(10));
        }

        public void ApplyTo(SnapshotEdge edge, GraphSnapshot snapshot)
        {
            edge.Restriction = snapshot.NumberCase(RestrictedTo);
            edge.Kind = Kind;
            edge.ShareLow = Low is null ? null : (double)Low / 100;
            edge.ShareHigh = High is null ? null : (double)High / 100;
            edge.ValidFrom = ValidFrom;
            edge.ValidTo = ValidTo;
            edge.Deleted = Deleted;
            if (Properties is not null)
            {
                using var json = JsonDocument.Parse(Properties);
                var p = json.RootElement;
                edge.Nominee = p.TryGetProperty("nominee", out var n) && n.ValueKind == JsonValueKind.True;
                edge.Role = Text(p, "relationship") ?? Text(p, "role");
                edge.VotingShare = p.TryGetProperty("votingShare", out var vs) && vs.ValueKind == JsonValueKind.Number ? vs.GetDouble() / 100 : null;
                edge.Amount = p.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDecimal() : null;
                edge.Currency = Text(p, "currency");
                edge.Date = Text(p, "date") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
