using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Engine;

/// <summary>
/// The whole graph in memory, with adjacency in both directions, as of a change counter of the
/// store. Calculations read it under <see cref="SnapshotProvider"/>'s read lock; only the
/// provider changes it, by applying the rows that changed since <see cref="Version"/>.
/// </summary>
public sealed partial class GraphSnapshot
{
    private readonly Dictionary<string, SnapshotNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SnapshotEdge> _edges = new(StringComparer.Ordinal);
    // Every node and edge in the order added, none ever removed (a deletion is a mark): the snapshot file is written
    // from them a slice at a time, and a position stays the same thing while rows are added between slices (#18).
    private readonly List<SnapshotNode> _nodeOrder = [];
    private readonly List<SnapshotEdge> _edgeOrder = [];
    private readonly Dictionary<string, int> _caseNumbers = new(StringComparer.Ordinal);
    private readonly List<string> _caseIds = [];

    public long Version { get; internal set; }

    public int NodeCount => _nodes.Count;

    public int EdgeCount => _edges.Count;

    /// <summary>A live node visible to the calculation's viewer; null for a hidden one, as for one that does not exist.</summary>
    public SnapshotNode? Find(string id) => _nodes.TryGetValue(id, out var node) && !node.Deleted && Sight.Sees(node.Restriction) ? node : null;

    public IEnumerable<SnapshotNode> Nodes => _nodes.Values.Where(n => !n.Deleted && Sight.Sees(n.Restriction));

    public SnapshotEdge? FindEdge(string id) => _edges.TryGetValue(id, out var edge) && !edge.Deleted && edge.IsVisible ? edge : null;

    /// <summary>The number this snapshot gives a case in <see cref="SnapshotNode.Restriction"/>; 0 for none or for a case it has no restricted fact of.</summary>
    internal int CaseNumberOf(string? caseId) => caseId is not null && _caseNumbers.TryGetValue(caseId, out var number) ? number : 0;

    /// <summary>The case a restriction number stands for; null for 0 (open).</summary>
    internal string? CaseIdOf(int number) => number == 0 ? null : _caseIds[number - 1];

    /// <summary>Every node kept, restricted and deleted ones too, in the order they were added: for the snapshot file (#18), never for an answer.</summary>
    internal IReadOnlyList<SnapshotNode> StoredNodes => _nodeOrder;

    /// <summary>Every edge kept, as <see cref="StoredNodes"/>.</summary>
    internal IReadOnlyList<SnapshotEdge> StoredEdges => _edgeOrder;

    /// <summary>Numbers a case the first time a fact restricted to it is loaded.</summary>
    internal int NumberCase(string? caseId)
    {
        if (caseId is null)
        {
            return 0;
        }
        if (!_caseNumbers.TryGetValue(caseId, out var number))
        {
            number = _caseNumbers.Count + 1;
            _caseNumbers.Add(caseId, number);
            _caseIds.Add(caseId);
        }
        return number;
    }

    /// <summary>Adds a node or updates the one with the same id.</summary>
    public SnapshotNode Upsert(string id, Action<SnapshotNode> set)
    {
        if (!_nodes.TryGetValue(id, out var node))
        {
            node = new SnapshotNode { Index = _nodes.Count, Id = id };
            _nodes.Add(id, node);
            _nodeOrder.Add(node);
        }
        var (kind, from, to, restriction) = (node.Kind, node.ValidFrom, node.ValidTo, node.Restriction);
        set(node);
        if (node.Deleted)
        {
            foreach (var edge in node.Out.Concat(node.In).ToList())
            {
                edge.Deleted = true;
                Detach(edge, edge.Kind);
            }
        }
        else
        {
            if (node.Kind != kind)
            {
                RefreshBoardSeats(node);
            }
            if (node.ValidFrom != from || node.ValidTo != to || node.Restriction != restriction)
            {
                // The links of its edges carry a copy of the node's validity and restriction.
                foreach (var edge in node.Out.Concat(node.In))
                {
                    Relink(edge);
                }
            }
        }
        return node;
    }

    /// <summary>Adds an edge not in the snapshot yet between two nodes already in it.</summary>
    private void AddEdge(string id, SnapshotNode source, SnapshotNode target, Action<SnapshotEdge> set)
    {
        var edge = new SnapshotEdge { Id = id, Source = source, Target = target };
        _edges.Add(id, edge);
        _edgeOrder.Add(edge);
        set(edge);
        if (!edge.Deleted)
        {
            Attach(edge);
        }
    }

    /// <summary>Adds an edge or updates the one with the same id; a deleted edge leaves the adjacency lists, a restored one returns.</summary>
    public void UpsertEdge(string id, string sourceId, string targetId, Action<SnapshotEdge> set)
    {
        if (!_edges.TryGetValue(id, out var edge))
        {
            if (_nodes.TryGetValue(sourceId, out var source) && _nodes.TryGetValue(targetId, out var target))
            {
                AddEdge(id, source, target, set);
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
        if (attached && wasAttached && edge.Kind == wasKind)
        {
            Relink(edge);
        }
        if (attached && (!wasAttached || edge.Kind != wasKind))
        {
            Attach(edge);
        }
    }

    private static void Attach(SnapshotEdge edge)
    {
        MarkRestricted(edge);
        var source = edge.Source;
        var actedForBefore = source.HasOut(EdgeKind.NomineeFor);
        source.OutEdges.Add(edge);
        edge.Target.InEdges.Add(edge);
        source.OutKinds |= 1 << (int)edge.Kind;
        edge.Target.InKinds |= 1 << (int)edge.Kind;
        if (edge.Kind == EdgeKind.Owns && source == edge.Target)
        {
            // Treasury shares (#12): kept apart, so no walk steps from a company to itself and no cycle is made.
            source.TreasuryLinks.Add(new Link(edge, source));
        }
        else if (edge.Kind == EdgeKind.Owns)
        {
            source.OwnsOutLinks.Add(new Link(edge, edge.Target));
            edge.Target.OwnsInLinks.Add(new Link(edge, source));
        }
        else if (GivesControl(edge))
        {
            source.ControlOutLinks.Add(new Link(edge, edge.Target));
            edge.Target.ControlInLinks.Add(new Link(edge, source));
        }
        if (source.HasOut(EdgeKind.NomineeFor) != actedForBefore)
        {
            RefreshBoardSeats(source);
        }
    }

    private static void Detach(SnapshotEdge edge, EdgeKind kind)
    {
        var source = edge.Source;
        var actedForBefore = source.HasOut(EdgeKind.NomineeFor);
        source.OutEdges.Remove(edge);
        edge.Target.InEdges.Remove(edge);
        source.OutKinds = Kinds(source.Out);
        edge.Target.InKinds = Kinds(edge.Target.In);
        if (kind == EdgeKind.Owns && source == edge.Target)
        {
            source.TreasuryLinks.Remove(edge);
        }
        else if (kind == EdgeKind.Owns)
        {
            source.OwnsOutLinks.Remove(edge);
            edge.Target.OwnsInLinks.Remove(edge);
        }
        else if (source.ControlOutLinks.Remove(edge))
        {
            edge.Target.ControlInLinks.Remove(edge);
        }
        if (source.HasOut(EdgeKind.NomineeFor) != actedForBefore)
        {
            RefreshBoardSeats(source);
        }
    }

    /// <summary>
    /// Whether an edge belongs in <see cref="SnapshotNode.ControlOut"/> and <see cref="SnapshotNode.ControlIn"/>:
    /// every CONTROLS edge, and a DIRECTOR_OF edge only from a person who acts as someone's nominee.
    /// Control through a board seat goes to those the director acts for, so the seat of a director
    /// who acts for nobody can give nobody control; most directors are such, and leaving them out
    /// keeps a control sweep from reading every director of every company upstream.
    /// </summary>
    private static bool GivesControl(SnapshotEdge edge) =>
        edge.Kind == EdgeKind.Controls
        || (edge.Kind == EdgeKind.DirectorOf && edge.Source.Kind == NodeKind.Person && edge.Source.HasOut(EdgeKind.NomineeFor));

    /// <summary>Puts a node's board seats in or out of the control lists after its kind or its NOMINEE_FOR edges changed.</summary>
    private static void RefreshBoardSeats(SnapshotNode director)
    {
        foreach (var edge in director.Out)
        {
            if (edge.Kind != EdgeKind.DirectorOf)
            {
                continue;
            }
            var listed = director.ControlOutLinks.Contains(edge);
            if (GivesControl(edge) && !listed)
            {
                director.ControlOutLinks.Add(new Link(edge, edge.Target));
                edge.Target.ControlInLinks.Add(new Link(edge, director));
            }
            else if (!GivesControl(edge) && listed)
            {
                director.ControlOutLinks.Remove(edge);
                edge.Target.ControlInLinks.Remove(edge);
            }
        }
    }

    /// <summary>Copies an attached edge's dates and share, and those of its ends, into its links again.</summary>
    private static void Relink(SnapshotEdge edge)
    {
        MarkRestricted(edge);
        if (edge.Kind == EdgeKind.Owns && edge.Source == edge.Target)
        {
            edge.Source.TreasuryLinks.Refresh(new Link(edge, edge.Source));
        }
        else if (edge.Kind == EdgeKind.Owns)
        {
            edge.Source.OwnsOutLinks.Refresh(new Link(edge, edge.Target));
            edge.Target.OwnsInLinks.Refresh(new Link(edge, edge.Source));
        }
        else
        {
            edge.Source.ControlOutLinks.Refresh(new Link(edge, edge.Target));
            edge.Target.ControlInLinks.Refresh(new Link(edge, edge.Source));
        }
    }

    /// <summary>Notes whether the edge or either end is restricted; its links copy the answer when they are made after it.</summary>
    private static void MarkRestricted(SnapshotEdge edge) =>
        edge.TouchesRestricted = (edge.Restriction | edge.Source.Restriction | edge.Target.Restriction) != 0;

    private static int Kinds(EdgeList edges)
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
        !node.HasOut(kind) ? [] : (kind == EdgeKind.Owns ? node.OwnsOutLinks.AsEnumerable() : node.Out).Where(e => e.Kind == kind && e.IsValidOn(asOf) && e.Target.IsValidOn(asOf));

    /// <summary>Edges of a kind arriving at a node, valid on a date.</summary>
    public static IEnumerable<SnapshotEdge> Incoming(SnapshotNode node, EdgeKind kind, DateOnly? asOf) =>
        !node.HasIn(kind) ? [] : (kind == EdgeKind.Owns ? node.OwnsInLinks.AsEnumerable() : node.In).Where(e => e.Kind == kind && e.IsValidOn(asOf) && e.Source.IsValidOn(asOf));
}
