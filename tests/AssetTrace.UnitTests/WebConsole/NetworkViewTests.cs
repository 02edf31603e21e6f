using System.Text.Json;
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

    private static Neighbour Link(string from, string to) => new(Edge(from, to), Node(to, to.ToUpperInvariant()), Direction.Outgoing);

    private static Node Node(string id, string name) =>
        new(id, NodeKind.Company, name, JsonDocument.Parse("{}").RootElement, null, null, Provenance(SourceKind.OfficialRegistry, UsageRestriction.Evidence), Stamp());

    private static Edge Edge(string from, string to, ShareRange? share = null, SourceKind source = SourceKind.OfficialRegistry, UsageRestriction restriction = UsageRestriction.Evidence) =>
        new($"{from}-{to}", EdgeKind.Owns, from, to, JsonDocument.Parse("{}").RootElement, share, null, null, Provenance(source, restriction), Stamp());

    private static Provenance Provenance(SourceKind source, UsageRestriction restriction) => new(source, "ref", At, "tester", restriction);

    private static Stamp Stamp() => new(1, At, "tester", At, "tester");
}
