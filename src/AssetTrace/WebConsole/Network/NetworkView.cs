using System.Globalization;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Analytics.RedFlags;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.WebConsole.Components;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.WebConsole.Network;

/// <summary>
/// What the network page has drawn (#13): the nodes and edges so far, and for each expanded node
/// where its list of links stops, so "show more" fetches the next page instead of all its links.
/// Beside the links, what the ownership analytics found around each node in focus: indirect holdings
/// (drawn once both ends are in view) and red flags. Only what the viewer's reads returned ever enters it.
/// </summary>
public sealed class NetworkView(string centreId, ConsoleText text)
{
    /// <summary>Links drawn per expansion: a node with thousands shows this many, then "show more".</summary>
    public const int LinksPerExpansion = 50;

    private readonly Dictionary<string, Node> _nodes = [];
    private readonly HashSet<string> _edges = [];
    private readonly Dictionary<string, Expansion> _expansions = [];
    private readonly Dictionary<string, IndirectHolding> _indirect = [];
    private readonly List<IndirectHolding> _indirectDrawn = [];
    private readonly Dictionary<(RedFlagKind, string), RedFlag> _flags = [];

    public sealed record Expansion(int Shown, int Total, string? NextCursor);

    /// <summary>The owner holds the held node only through a chain of two or more links, with the compounded share.</summary>
    public sealed record IndirectHolding(string OwnerId, string HeldId, string Share)
    {
        public string EdgeId => $"indirect:{OwnerId}>{HeldId}";
    }

    /// <summary>Indirect holdings drawn so far, in the order they were drawn.</summary>
    public IReadOnlyList<IndirectHolding> IndirectInView => _indirectDrawn;

    /// <summary>The red flags found around the nodes in focus, each once.</summary>
    public IEnumerable<RedFlag> RedFlags => _flags.Values;

    public IReadOnlyCollection<Node> Nodes => _nodes.Values;

    public string CentreId => centreId;

    /// <summary>The cursor to continue the node's links from: null to start; nothing left when it was fully expanded.</summary>
    public bool CanExpand(string nodeId, out string? after)
    {
        if (_expansions.TryGetValue(nodeId, out var expansion))
        {
            after = expansion.NextCursor;
            return after is not null;
        }
        after = null;
        return true;
    }

    public Expansion? ExpansionOf(string nodeId) => _expansions.GetValueOrDefault(nodeId);

    public IEnumerable<string> NodesWithMore => _expansions.Where(e => e.Value.NextCursor is not null).Select(e => e.Key);

    /// <summary>Adds the centre node; returns it as a drawing element.</summary>
    public List<GraphElement> Start(Node centre)
    {
        _nodes[centre.Id] = centre;
        return [GraphElement.Of(centre, centre.Id == centreId)];
    }

    /// <summary>Adds a page of a node's links; returns only what was not drawn yet.</summary>
    public List<GraphElement> Add(string nodeId, Page<Neighbour> page)
    {
        var shown = (_expansions.GetValueOrDefault(nodeId)?.Shown ?? 0) + page.Items.Count;
        _expansions[nodeId] = new Expansion(shown, page.TotalCount, page.HasNextPage ? page.EndCursor : null);
        var fresh = new List<GraphElement>();
        foreach (var neighbour in page.Items)
        {
            if (_nodes.TryAdd(neighbour.Node.Id, neighbour.Node))
            {
                fresh.Add(GraphElement.Of(neighbour.Node, false));
            }
            if (_edges.Add(neighbour.Edge.Id))
            {
                fresh.Add(GraphElement.Of(neighbour.Edge, text));
            }
        }
        // A node that just came into view may complete an indirect holding found earlier.
        fresh.AddRange(DrawableIndirect());
        return fresh;
    }

    /// <summary>
    /// The indirect holdings of the node in focus, as the ownership analytics computed them: what it holds
    /// and who owns it through chains only (a holding with a one-link path is already drawn as that link).
    /// Returns those whose both ends are in view; the others are drawn when their node comes into view.
    /// </summary>
    public List<GraphElement> AddIndirect(string focusId, IEnumerable<Holding> holdings, IEnumerable<OwnerShare> owners)
    {
        foreach (var holding in holdings.Where(h => h.NodeId != focusId && OnlyThroughChains(h.Paths)))
        {
            Remember(new IndirectHolding(focusId, holding.NodeId, Percent(holding.LowPercent, holding.HighPercent)));
        }
        foreach (var owner in owners.Where(o => o.NodeId != focusId && OnlyThroughChains(o.Paths)))
        {
            Remember(new IndirectHolding(owner.NodeId, focusId, Percent(owner.LowPercent, owner.HighPercent)));
        }
        return DrawableIndirect();
    }

    /// <summary>Keeps the red flags found around a node in focus; a flag found from two nodes is kept once.</summary>
    public void AddRedFlags(IEnumerable<RedFlag> flags)
    {
        foreach (var flag in flags)
        {
            _flags.TryAdd((flag.Kind, flag.Description), flag);
        }
    }

    /// <summary>The red flags naming a node, by their names in the page's language.</summary>
    public IReadOnlyList<string> FlagsOf(string nodeId) =>
        [.. _flags.Values.Where(f => f.NodeIds.Contains(nodeId)).Select(f => text.Network.Of(f.Kind)).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Each flagged node in view with what its outline's tooltip says.</summary>
    public Dictionary<string, string> FlaggedInView() =>
        _nodes.Keys.Select(id => (id, flags: FlagsOf(id))).Where(f => f.flags.Count > 0).ToDictionary(f => f.id, f => string.Join("; ", f.flags));

    public static string Percent(double low, double high) =>
        Math.Abs(low - high) < 0.005 ? string.Create(CultureInfo.InvariantCulture, $"{low:0.##} %")
        : string.Create(CultureInfo.InvariantCulture, $"{low:0.##}–{high:0.##} %");

    private static bool OnlyThroughChains(IReadOnlyList<OwnershipPath> paths) => paths.Count > 0 && paths.All(p => p.Hops >= 2);

    private void Remember(IndirectHolding holding)
    {
        if (!_indirectDrawn.Any(h => h.EdgeId == holding.EdgeId))
        {
            _indirect.TryAdd(holding.EdgeId, holding);
        }
    }

    private List<GraphElement> DrawableIndirect()
    {
        var drawable = _indirect.Values.Where(h => _nodes.ContainsKey(h.OwnerId) && _nodes.ContainsKey(h.HeldId)).ToList();
        foreach (var holding in drawable)
        {
            _indirect.Remove(holding.EdgeId);
            _indirectDrawn.Add(holding);
        }
        return [.. drawable.Select(h => GraphElement.Of(h, text))];
    }
}

/// <summary>One cytoscape element: <c>{ group, data }</c>.</summary>
public sealed record GraphElement(string Group, object Data)
{
    public static GraphElement Of(Node node, bool centre) =>
        new("nodes", new { id = node.Id, label = Label(node.Name), kind = node.Kind.ToString(), centre });

    /// <summary>Ownership edges carry their share as the label; facts that are intelligence only are drawn dashed.</summary>
    public static GraphElement Of(Edge edge, ConsoleText text) =>
        new("edges", new
        {
            id = edge.Id, source = edge.SourceId, target = edge.TargetId,
            label = edge.Share is null ? text.Of(edge.Kind) : $"{text.Of(edge.Kind)} {PropertyValues.Share(edge.Share)}",
            intelligence = edge.Provenance.Received.IsIntelligence,
        });

    /// <summary>An indirect holding: dashed, labelled with its compounded share; the toggle hides these.</summary>
    public static GraphElement Of(NetworkView.IndirectHolding holding, ConsoleText text) =>
        new("edges", new
        {
            id = holding.EdgeId, source = holding.OwnerId, target = holding.HeldId,
            label = text.Format(text.Network.IndirectLabel, holding.Share), indirect = true,
        });

    private static string Label(string name)
    {
        var latin = NameDisplay.Transliteration(name);
        return latin.Length == 0 ? name : $"{name}\n{latin}";
    }
}
