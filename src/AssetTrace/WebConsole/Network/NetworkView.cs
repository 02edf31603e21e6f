using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.WebConsole.Components;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.WebConsole.Network;

/// <summary>
/// What the network page has drawn (#13): the nodes and edges so far, and for each expanded node
/// where its list of links stops, so "show more" fetches the next page instead of all its links.
/// Only what the viewer's reads returned ever enters it.
/// </summary>
public sealed class NetworkView(string centreId, ConsoleText text)
{
    /// <summary>Links drawn per expansion: a node with thousands shows this many, then "show more".</summary>
    public const int LinksPerExpansion = 25;

    private readonly Dictionary<string, Node> _nodes = [];
    private readonly HashSet<string> _edges = [];
    private readonly Dictionary<string, Expansion> _expansions = [];

    public sealed record Expansion(int Shown, int Total, string? NextCursor);

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
        return fresh;
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

    private static string Label(string name)
    {
        var latin = NameDisplay.Transliteration(name);
        return latin.Length == 0 ? name : $"{name}\n{latin}";
    }
}
