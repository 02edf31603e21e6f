using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Engine;

/// <summary>
/// The whole graph in memory, with adjacency in both directions, as of a change counter of the
/// store. Calculations read it under <see cref="SnapshotProvider"/>'s read lock; only the
/// provider changes it, by applying the rows that changed since <see cref="Version"/>.
/// </summary>
public sealed class GraphSnapshot
{
    private readonly Dictionary<string, SnapshotNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SnapshotEdge> _edges = new(StringComparer.Ordinal);

    public long Version { get; internal set; }

    public int NodeCount => _nodes.Count;

    public int EdgeCount => _edges.Count;

    public SnapshotNode? Find(string id) => _nodes.TryGetValue(id, out var node) && !node.Deleted ? node : null;

    public IEnumerable<SnapshotNode> Nodes => _nodes.Values.Where(n => !n.Deleted);

    public SnapshotEdge? FindEdge(string id) => _edges.TryGetValue(id, out var edge) && !edge.Deleted ? edge : null;

    /// <summary>Adds a node or updates the one with the same id.</summary>
    public SnapshotNode Upsert(string id, Action<SnapshotNode> set)
    {
        if (!_nodes.TryGetValue(id, out var node))
        {
            node = new SnapshotNode { Index = _nodes.Count, Id = id };
            _nodes.Add(id, node);
        }
        set(node);
        if (node.Deleted)
        {
            foreach (var edge in node.Out.Concat(node.In).ToList())
            {
                edge.Deleted = true;
                Detach(edge, edge.Kind);
            }
        }
        return node;
    }

    /// <summary>Adds an edge or updates the one with the same id; a deleted edge leaves the adjacency lists, a restored one returns.</summary>
    public void UpsertEdge(string id, string sourceId, string targetId, Action<SnapshotEdge> set)
    {
        if (!_edges.TryGetValue(id, out var edge))
        {
            if (!_nodes.TryGetValue(sourceId, out var source) || !_nodes.TryGetValue(targetId, out var target))
            {
                return;
            }
            edge = new SnapshotEdge { Id = id, Source = source, Target = target };
            _edges.Add(id, edge);
            set(edge);
            if (!edge.Deleted)
            {
                Attach(edge);
            }
            return;
        }
        var (wasAttached, wasKind) = (!edge.Deleted, edge.Kind);
        set(edge);
        var attached = !edge.Deleted;
        // Only a change of state or kind moves an edge: its place in the lists stays otherwise.
        if (wasAttached && (!attached || edge.Kind != wasKind))
        {
            Detach(edge, wasKind);
        }
        if (attached && (!wasAttached || edge.Kind != wasKind))
        {
            Attach(edge);
        }
    }

    private static void Attach(SnapshotEdge edge)
    {
        edge.Source.Out.Add(edge);
        edge.Target.In.Add(edge);
        edge.Source.OutKinds |= 1 << (int)edge.Kind;
        edge.Target.InKinds |= 1 << (int)edge.Kind;
        if (edge.Kind == EdgeKind.Owns)
        {
            edge.Source.OwnsOut.Add(edge);
            edge.Target.OwnsIn.Add(edge);
        }
        else if (IsControl(edge.Kind))
        {
            (edge.Source.ControlOutList ??= []).Add(edge);
            (edge.Target.ControlInList ??= []).Add(edge);
        }
    }

    /// <summary>The kinds kept in <see cref="SnapshotNode.ControlOut"/> and <see cref="SnapshotNode.ControlIn"/>.</summary>
    private static bool IsControl(EdgeKind kind) => kind is EdgeKind.Controls or EdgeKind.DirectorOf;

    private static void Detach(SnapshotEdge edge, EdgeKind kind)
    {
        edge.Source.Out.Remove(edge);
        edge.Target.In.Remove(edge);
        edge.Source.OutKinds = Kinds(edge.Source.Out);
        edge.Target.InKinds = Kinds(edge.Target.In);
        if (kind == EdgeKind.Owns)
        {
            edge.Source.OwnsOut.Remove(edge);
            edge.Target.OwnsIn.Remove(edge);
        }
        else if (IsControl(kind))
        {
            edge.Source.ControlOutList?.Remove(edge);
            edge.Target.ControlInList?.Remove(edge);
        }
    }

    private static int Kinds(List<SnapshotEdge> edges)
    {
        var kinds = 0;
        foreach (var edge in edges)
        {
            kinds |= 1 << (int)edge.Kind;
        }
        return kinds;
    }

    /// <summary>Edges of a kind leaving a node, valid on a date.</summary>
    public static IEnumerable<SnapshotEdge> Outgoing(SnapshotNode node, EdgeKind kind, DateOnly? asOf) =>
        !node.HasOut(kind) ? [] : (kind == EdgeKind.Owns ? node.OwnsOut : IsControl(kind) ? node.ControlOutList ?? [] : node.Out).Where(e => e.Kind == kind && e.IsValidOn(asOf) && e.Target.IsValidOn(asOf));

    /// <summary>Edges of a kind arriving at a node, valid on a date.</summary>
    public static IEnumerable<SnapshotEdge> Incoming(SnapshotNode node, EdgeKind kind, DateOnly? asOf) =>
        !node.HasIn(kind) ? [] : (kind == EdgeKind.Owns ? node.OwnsIn : IsControl(kind) ? node.ControlInList ?? [] : node.In).Where(e => e.Kind == kind && e.IsValidOn(asOf) && e.Source.IsValidOn(asOf));
}
