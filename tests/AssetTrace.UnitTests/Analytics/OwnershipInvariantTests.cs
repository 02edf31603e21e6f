using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;

namespace AssetTrace.UnitTests.Analytics;

/// <summary>Properties that must hold on any graph, checked on seeded random ones.</summary>
public sealed class OwnershipInvariantTests
{
    /// <summary>
    /// Layers of companies, each fully owned (shares summing to exactly 100%) by companies of
    /// higher layers or by persons at the top, so persons are the complete set of ultimate owners.
    /// </summary>
    private static SnapshotBuilder RandomDag(int seed, bool withCycles)
    {
        var random = new Random(seed);
        var b = new SnapshotBuilder();
        var persons = Enumerable.Range(0, 6).Select(i => $"P{i}").ToArray();
        b.Person(persons);
        var layers = new List<string[]>();
        for (var layer = 0; layer < 5; layer++)
        {
            var companies = Enumerable.Range(0, 4).Select(i => $"L{layer}C{i}").ToArray();
            b.Company(companies);
            layers.Add(companies);
        }
        for (var layer = 0; layer < layers.Count; layer++)
        {
            foreach (var company in layers[layer])
            {
                var pool = layer == 0 ? persons : [.. layers[layer - 1], .. persons];
                var owners = pool.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
                var weights = owners.Select(_ => random.Next(1, 10)).ToArray();
                var total = weights.Sum();
                for (var i = 0; i < owners.Length; i++)
                {
                    b.Owns(owners[i], company, 100.0 * weights[i] / total);
                }
            }
        }
        if (withCycles)
        {
            // A ring X → Y → Z → X of cross-holdings, each company still fully declared:
            // part owned by a person, the rest by the previous company in the ring.
            string[] ring = ["X", "Y", "Z"];
            b.Company([.. ring, "RingT"]);
            for (var i = 0; i < ring.Length; i++)
            {
                var own = random.Next(50, 90);
                b.Owns(persons[i], ring[i], own).Owns(ring[(i + 2) % 3], ring[i], 100 - own).Owns(ring[i], "RingT", 100.0 / 3);
            }
        }
        return b;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Ultimate_owners_of_a_fully_declared_acyclic_company_sum_to_100_percent(int seed)
    {
        var b = RandomDag(seed, withCycles: false);
        foreach (var target in b.Graph.Nodes.Where(n => n.Id.StartsWith("L4", StringComparison.Ordinal)))
        {
            var shares = ShareFlow.Compute(target, FlowDirection.Upstream, null).Shares;
            var persons = shares.Where(s => s.Key.Kind == NodeKind.Person).Sum(s => s.Value.Low);
            Assert.Equal(1.0, persons, 9);
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Ultimate_owners_of_a_company_held_through_a_ring_of_cross_holdings_sum_to_100_percent(int seed)
    {
        var b = RandomDag(seed, withCycles: true);
        var flow = ShareFlow.Compute(b.Graph.Find("RingT")!, FlowDirection.Upstream, null);

        Assert.True(flow.Converged);
        Assert.Single(flow.Cycles);
        Assert.Equal(1.0, flow.Shares.Where(s => s.Key.Kind == NodeKind.Person).Sum(s => s.Value.Low), 9);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void No_owner_is_above_100_percent_and_low_never_exceeds_high(int seed)
    {
        var b = RandomDag(seed, withCycles: true);
        foreach (var target in b.Graph.Nodes.Where(n => n.Kind == NodeKind.Company))
        {
            foreach (var (_, share) in ShareFlow.Compute(target, FlowDirection.Upstream, null).Shares)
            {
                Assert.InRange(share.Low, 0, 1 + 1e-9);
                Assert.InRange(share.High, share.Low - 1e-12, 1 + 1e-9);
            }
        }
    }
}
