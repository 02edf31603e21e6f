using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;

namespace AssetTrace.UnitTests.Analytics;

/// <summary>
/// The one-sweep control of beneficial-owner queries against the rules applied one party at a time
/// (<see cref="ControlAnalysis.Controlled"/>), on seeded random graphs with every way to control:
/// majorities through chains, CONTROLS edges with and without a voting share, nominee directors and
/// nominee holders, and cross-holdings.
/// </summary>
public sealed class ControlSweepTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    private static GraphSnapshot RandomGraph(int seed)
    {
        var random = new Random(seed);
        var b = new SnapshotBuilder();
        var persons = Enumerable.Range(0, 8).Select(i => $"P{i}").ToArray();
        var companies = Enumerable.Range(0, 24).Select(i => $"C{i:D2}").ToArray();
        b.Person(persons).Company(companies);
        for (var i = 0; i < companies.Length; i++)
        {
            // Owners from companies further down the list or persons, and now and then one from above: a cycle.
            var pool = companies.Skip(i + 1).Concat(persons).Concat(random.Next(6) == 0 ? companies.Take(i) : []).ToArray();
            foreach (var owner in pool.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
            {
                b.Owns(owner, companies[i], random.Next(5, 60));
            }
            if (random.Next(5) == 0)
            {
                var controller = random.Next(2) == 0 ? persons[random.Next(persons.Length)] : companies[random.Next(companies.Length)];
                double? votes = random.Next(3) switch { 0 => null, 1 => 0.4, _ => 0.7 };
                b.Edge(EdgeKind.Controls, controller, companies[i], e => e.VotingShare = votes);
            }
            if (random.Next(3) == 0)
            {
                b.Edge(EdgeKind.DirectorOf, persons[random.Next(persons.Length)], companies[i]);
            }
        }
        for (var i = 0; i < 4; i++)
        {
            // Someone acting for someone else: a person, or now and then a company.
            var nominee = random.Next(4) == 0 ? companies[random.Next(companies.Length)] : persons[random.Next(persons.Length)];
            var principal = persons[random.Next(persons.Length)];
            if (nominee != principal)
            {
                b.Edge(EdgeKind.NomineeFor, nominee, principal);
            }
        }
        return b.Graph;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Beneficial_owners_by_control_are_those_the_rules_give_party_by_party(int seed)
    {
        var graph = RandomGraph(seed);
        var checkedControl = 0;
        foreach (var target in graph.Nodes.Where(n => n.Kind == NodeKind.Company).ToList())
        {
            var found = BeneficialOwnerFinder.Find(graph, target.Id, 25, null, 0).Where(o => o.ByControl).Select(o => o.PersonId).Order().ToList();

            // The same region the finder considers: the owners upstream, and who controls or directs any of them.
            var flow = ShareFlow.Compute(target, FlowDirection.Upstream, null);
            var upstream = flow.Shares.Keys.Append(target).ToHashSet();
            foreach (var node in upstream.ToList())
            {
                upstream.UnionWith(node.In.Where(e => e.Kind is EdgeKind.Controls or EdgeKind.DirectorOf).Select(e => e.Source));
            }
            var expected = graph.Nodes.Where(p => p.Kind == NodeKind.Person)
                .Where(p => ControlAnalysis.Controlled(p, upstream, null).ContainsKey(target))
                .Select(p => p.Id).Order().ToList();

            Assert.True(expected.SequenceEqual(found), $"{target.Id}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", found)}]; "
                + string.Join(" | ", expected.Except(found).Select(p => string.Join(" ; ", ControlAnalysis.Controlled(graph.Find(p)!, upstream, null).Values.Select(s => $"{s.NodeId}: {s.Reason} [{string.Join(",", s.ControllerIds)}]")))));
            checkedControl += expected.Count;
        }
        Assert.True(checkedControl > 0, "the seed made no controlled company: the check would be empty");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_controlling_owners_chain_leads_from_the_owner_to_the_target_through_entities_it_controls(int seed)
    {
        var graph = RandomGraph(seed);
        var chains = 0;
        foreach (var target in graph.Nodes.Where(n => n.Kind == NodeKind.Company).ToList())
        {
            foreach (var owner in BeneficialOwnerFinder.Find(graph, target.Id, 25, null, 0).Where(o => o.ByControl))
            {
                var person = graph.Find(owner.PersonId)!;
                var controlled = ControlAnalysis.Controlled(person, graph.Nodes.ToHashSet(), null).Keys.Select(n => n.Id).ToHashSet();
                var nominees = GraphSnapshot.Incoming(person, EdgeKind.NomineeFor, null).Select(e => e.Source.Id);
                // A step may name as controllers the owner, those acting for it, and the entities of the chain's other steps.
                var named = new HashSet<string>([person.Id, .. nominees, .. owner.Control.Select(c => c.NodeId)]);
                Assert.NotEmpty(owner.Control);
                Assert.Equal(target.Id, owner.Control[^1].NodeId);
                foreach (var step in owner.Control)
                {
                    Assert.Contains(step.NodeId, controlled);
                    Assert.All(step.ControllerIds, id => Assert.Contains(id, named));
                    Assert.NotEmpty(step.EdgeIds);
                }
                chains++;
            }
        }
        Assert.True(chains > 0, "the seed made no controlling owner: the check would be empty");
    }
}
