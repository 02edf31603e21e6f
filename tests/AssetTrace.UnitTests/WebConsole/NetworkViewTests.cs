using System.Text.Json;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Analytics.RedFlags;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.WebConsole.Network;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.UnitTests.WebConsole;

/// <summary>
/// The network view's "show more" (#13): a node with more links than one expansion draws a page,
/// remembers where it stopped, continues from there, and stops offering more after the last page.
/// </summary>
public sealed class NetworkViewTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_node_with_more_links_than_one_expansion_continues_where_it_stopped_and_then_offers_no_more()
    {
        var view = new NetworkView("hub", ConsoleText.English);
        var start = view.Start(Node("hub", "Hub Holdings Ltd"));
        Assert.Single(start);
        Assert.True(view.CanExpand("hub", out var first));
        Assert.Null(first);

        var page1 = view.Add("hub", new Page<Neighbour>([Link("hub", "a"), Link("hub", "b")], TotalCount: 3, EndCursor: "after-b", HasNextPage: true));
        Assert.Equal(4, page1.Count); // two nodes and two edges
        Assert.True(view.CanExpand("hub", out var next));
        Assert.Equal("after-b", next);
        Assert.Equal(["hub"], view.NodesWithMore);
        Assert.Equal(new NetworkView.Expansion(2, 3, "after-b"), view.ExpansionOf("hub"));

        var page2 = view.Add("hub", new Page<Neighbour>([Link("hub", "c")], TotalCount: 3, EndCursor: "after-c", HasNextPage: false));
        Assert.Equal(2, page2.Count);
        Assert.False(view.CanExpand("hub", out _));
        Assert.Empty(view.NodesWithMore);
        Assert.Equal(4, view.Nodes.Count);
    }

    [Fact]
    public void A_node_or_link_already_drawn_is_not_sent_to_the_drawing_again()
    {
        var view = new NetworkView("a", ConsoleText.English);
        view.Start(Node("a", "A"));
        view.Add("a", new Page<Neighbour>([Link("a", "b")], 1, null, false));

        // Expanding b finds the same link back to a: nothing new to draw.
        var fresh = view.Add("b", new Page<Neighbour>([new Neighbour(Edge("a", "b"), Node("a", "A"), Direction.Incoming)], 1, null, false));
        Assert.Empty(fresh);
        Assert.Equal(2, view.Nodes.Count);
    }

    [Fact]
    public void Ownership_links_carry_their_share_and_intelligence_is_flagged_for_the_dashed_style()
    {
        var evidence = GraphElement.Of(Edge("p", "c", ShareRange.Exact(60), SourceKind.OfficialRegistry, UsageRestriction.Evidence), ConsoleText.English);
        var intelligence = GraphElement.Of(Edge("p", "c", new ShareRange(25, 50), SourceKind.NetworkAnswer, UsageRestriction.IntelligenceOnly), ConsoleText.English);

        var first = JsonSerializer.SerializeToElement(evidence.Data);
        var second = JsonSerializer.SerializeToElement(intelligence.Data);
        Assert.Equal("owns 60 %", first.GetProperty("label").GetString());
        Assert.False(first.GetProperty("intelligence").GetBoolean());
        Assert.Equal("owns 25–50 %", second.GetProperty("label").GetString());
        Assert.True(second.GetProperty("intelligence").GetBoolean());
    }

    [Fact]
    public void Every_kind_of_fact_has_a_name_in_each_language_and_none_is_its_code()
    {
        foreach (var text in new[] { ConsoleText.Russian, ConsoleText.English })
        {
            foreach (var kind in Enum.GetValues<EdgeKind>())
            {
                Assert.False(string.IsNullOrWhiteSpace(text.Of(kind)), $"{text.Code}: {kind}");
                Assert.NotEqual(Codes.Of(kind), text.Of(kind));
            }
        }
        Assert.Equal("номинал в интересах", ConsoleText.Russian.Of(EdgeKind.NomineeFor));
    }

    [Fact]
    public void A_name_in_another_script_is_labelled_with_its_transliteration_too()
    {
        var label = JsonSerializer.SerializeToElement(GraphElement.Of(Node("s", "Серік Ахметов"), true).Data).GetProperty("label").GetString();
        Assert.Equal("Серік Ахметов\nSerik Akhmetov", label);
        Assert.Equal("Marcus Pellow", JsonSerializer.SerializeToElement(GraphElement.Of(Node("m", "Marcus Pellow"), false).Data).GetProperty("label").GetString());
    }

    [Fact]
    public void An_indirect_holding_is_drawn_dashed_with_its_compounded_share_once_both_ends_are_in_view()
    {
        var view = new NetworkView("serik", ConsoleText.English);
        view.Start(Node("serik", "Serik"));
        view.Add("serik", new Page<Neighbour>([Link("serik", "steppe")], 1, null, false));
        Holding[] holdings =
        [
            Holding("steppe", 60, Path("serik", "steppe")),
            Holding("kestrel", 60, Path("serik", "steppe", "kestrel")),
        ];
        OwnerShare[] owners = [new("mother", NodeKind.Person, "Mother", 20, 30, false, false, [Path("mother", "holding", "serik")])];

        // Neither the held company nor the owner is in view yet: nothing to draw, and the direct holding never is.
        Assert.Empty(view.AddIndirect("serik", holdings, owners));
        Assert.Empty(view.IndirectInView);

        var fresh = view.Add("steppe", new Page<Neighbour>([Link("steppe", "kestrel")], 1, null, false));
        var indirect = Assert.Single(fresh, e => e.Group == "edges" && JsonSerializer.SerializeToElement(e.Data).TryGetProperty("indirect", out _));
        var data = JsonSerializer.SerializeToElement(indirect.Data);
        Assert.Equal("serik", data.GetProperty("source").GetString());
        Assert.Equal("kestrel", data.GetProperty("target").GetString());
        Assert.Equal("indirectly 60 %", data.GetProperty("label").GetString());
        Assert.Equal([new NetworkView.IndirectHolding("serik", "kestrel", "60 %")], view.IndirectInView);

        // Found again from the other end (the company's owners), it is not drawn twice.
        Assert.Empty(view.AddIndirect("kestrel", [], [new OwnerShare("serik", NodeKind.Person, "Serik", 60, 60, false, false, [Path("serik", "steppe", "kestrel")])]));

        // The owner through a range of shares, once in view.
        var owner = view.Add("serik", new Page<Neighbour>([new Neighbour(Edge("mother", "serik"), Node("mother", "Mother"), Direction.Incoming)], 2, null, false));
        Assert.Contains(owner, e => JsonSerializer.SerializeToElement(e.Data).GetProperty("id").GetString() == "indirect:mother>serik"
            && JsonSerializer.SerializeToElement(e.Data).GetProperty("label").GetString() == "indirectly 20–30 %");
    }

    [Fact]
    public void Red_flags_name_the_nodes_in_view_in_the_page_language_and_a_flag_found_twice_counts_once()
    {
        var view = new NetworkView("serik", ConsoleText.Russian);
        view.Start(Node("serik", "Serik"));
        view.Add("serik", new Page<Neighbour>([Link("serik", "steppe")], 1, null, false));
        var secrecy = new RedFlag(RedFlagKind.SecrecyJurisdiction, "Steppe is registered in the BVI.", ["steppe"], []);
        var nominee = new RedFlag(RedFlagKind.NomineeDirector, "Pellow is a nominee director of Steppe.", ["pellow", "steppe"], ["e"]);

        view.AddRedFlags([secrecy, nominee]);
        view.AddRedFlags([secrecy]);

        Assert.Equal(2, view.RedFlags.Count());
        Assert.Equal(["номинальный директор", "юрисдикция с режимом секретности"], view.FlagsOf("steppe"));
        // Only nodes in view are outlined: Pellow is not drawn yet.
        Assert.Equal(new Dictionary<string, string> { ["steppe"] = "номинальный директор; юрисдикция с режимом секретности" }, view.FlaggedInView());
    }

    [Fact]
    public void Every_node_and_red_flag_kind_has_a_name_in_each_language()
    {
        foreach (var text in new[] { NetworkText.Russian, NetworkText.English })
        {
            Assert.All(Enum.GetValues<NodeKind>(), kind => Assert.False(string.IsNullOrWhiteSpace(text.Of(kind))));
            Assert.All(Enum.GetValues<RedFlagKind>(), kind => Assert.False(string.IsNullOrWhiteSpace(text.Of(kind))));
            Assert.All(Enum.GetValues<UsageRestriction>(), kind => Assert.False(string.IsNullOrWhiteSpace(text.Interchange.Restrictions[kind])));
        }
        Assert.Equal(NetworkText.English.Interchange.Counts.Keys.Order(), new AssetTrace.Interchange.Import.ImportReport { RunId = "r", Format = "f" }.Counts().Select(c => c.Key).Order());
        Assert.Equal(NetworkText.Russian.Interchange.Counts.Keys.Order(), NetworkText.English.Interchange.Counts.Keys.Order());
    }

    private static Holding Holding(string id, double percent, params OwnershipPath[] paths) =>
        new(id, NodeKind.Company, id, percent, percent, false, false, [], paths);

    private static OwnershipPath Path(params string[] nodes) =>
        new(nodes, [.. nodes.Skip(1).Select((n, i) => $"{nodes[i]}-{n}")], null, null);

    private static Neighbour Link(string from, string to) => new(Edge(from, to), Node(to, to.ToUpperInvariant()), Direction.Outgoing);

    private static Node Node(string id, string name) =>
        new(id, NodeKind.Company, name, JsonDocument.Parse("{}").RootElement, null, null, Provenance(SourceKind.OfficialRegistry, UsageRestriction.Evidence), Stamp());

    private static Edge Edge(string from, string to, ShareRange? share = null, SourceKind source = SourceKind.OfficialRegistry, UsageRestriction restriction = UsageRestriction.Evidence) =>
        new($"{from}-{to}", EdgeKind.Owns, from, to, JsonDocument.Parse("{}").RootElement, share, null, null, Provenance(source, restriction), Stamp());

    private static Provenance Provenance(SourceKind source, UsageRestriction restriction) => new(source, "ref", At, "tester", restriction);

    private static Stamp Stamp() => new(1, At, "tester", At, "tester");
}
