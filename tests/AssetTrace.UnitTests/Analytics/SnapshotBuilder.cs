using AssetTrace.Analytics.Engine;
using AssetTrace.Graph.Model;

namespace AssetTrace.UnitTests.Analytics;

/// <summary>Small graphs for hand-computed cases, written as owner → owned with shares in percent.</summary>
public sealed class SnapshotBuilder
{
    private int _edges;

    public GraphSnapshot Graph { get; } = new();

    public SnapshotBuilder Person(params string[] ids) => Nodes(NodeKind.Person, null, ids);

    public SnapshotBuilder Company(params string[] ids) => Nodes(NodeKind.Company, null, ids);

    public SnapshotBuilder CompanyIn(string country, params string[] ids) => Nodes(NodeKind.Company, country, ids);

    public SnapshotBuilder Asset(NodeKind kind, string id, decimal? value = null, string? currency = null, DateOnly? valueDate = null)
    {
        Graph.Upsert(id, n => { n.Kind = kind; n.Name = id; n.Value = value; n.ValueCurrency = currency; n.ValueDate = valueDate; });
        return this;
    }

    public SnapshotBuilder Owns(string owner, string owned, double? percent, DateOnly? from = null, DateOnly? to = null) =>
        Range(owner, owned, percent, percent, from, to);

    public SnapshotBuilder Range(string owner, string owned, double? lowPercent, double? highPercent, DateOnly? from = null, DateOnly? to = null) =>
        Edge(EdgeKind.Owns, owner, owned, e =>
        {
            e.ShareLow = lowPercent / 100;
            e.ShareHigh = highPercent / 100;
            e.ValidFrom = from;
            e.ValidTo = to;
        });

    public SnapshotBuilder Edge(EdgeKind kind, string from, string to, Action<SnapshotEdge>? set = null)
    {
        Graph.UpsertEdge($"e{++_edges}:{from}-{kind}-{to}", from, to, e =>
        {
            e.Kind = kind;
            set?.Invoke(e);
        });
        return this;
    }

    private SnapshotBuilder Nodes(NodeKind kind, string? country, string[] ids)
    {
        foreach (var id in ids)
        {
            Graph.Upsert(id, n => { n.Kind = kind; n.Name = id; n.Country = country; });
        }
        return this;
    }
}
