using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;

namespace AssetTrace.UnitTests.Analytics;

public sealed class BeneficialOwnerTests
{
    [Fact]
    public void Persons_at_or_above_the_threshold_are_beneficial_owners_with_their_chains()
    {
        // P1: 60% × 50% = 30% (over 25%); P2: 40% × 50% = 20% (under); P3: 50% direct.
        var b = new SnapshotBuilder().Person("P1", "P2", "P3").Company("H", "T")
            .Owns("P1", "H", 60).Owns("P2", "H", 40).Owns("H", "T", 50).Owns("P3", "T", 50);

        var owners = BeneficialOwnerFinder.Find(b.Graph, "T", 25, null, 5);

        Assert.Equal(["P3", "P1"], owners.Select(o => o.PersonId));
        var p1 = owners.Single(o => o.PersonId == "P1");
        Assert.Equal(30, p1.LowPercent, 9);
        var path = Assert.Single(p1.Paths);
        Assert.Equal(["P1", "H", "T"], path.NodeIds);
        Assert.Equal(30, path.HighPercent!.Value, 9);
        Assert.Equal(2, path.EdgeIds.Count);
        Assert.Contains("P2", BeneficialOwnerFinder.Find(b.Graph, "T", 20, null, 0).Select(o => o.PersonId));
    }

    [Fact]
    public void Control_through_a_controlled_company_adds_its_votes()
    {
        // P holds 30% of T and 60% of A; A holds 30% of T. P controls A, so P commands 60% of T's votes,
        // though its effective ownership is 30% + 0.6 × 30% = 48%.
        var b = new SnapshotBuilder().Person("P", "Q").Company("A", "T")
            .Owns("P", "T", 30).Owns("P", "A", 60).Owns("A", "T", 30).Owns("Q", "T", 40);

        var p = BeneficialOwnerFinder.Find(b.Graph, "T", 50, null, 0).Single();

        Assert.Equal("P", p.PersonId);
        Assert.True(p.ByControl);
        Assert.False(p.ByOwnership);
        Assert.Equal(48, p.HighPercent, 9);
        Assert.Equal(["A", "T"], p.Control.Select(s => s.NodeId));
    }

    [Fact]
    public void A_nominee_shareholder_and_director_gives_control_to_the_person_behind_them()
    {
        var b = new SnapshotBuilder().Person("Boss", "Nominee").CompanyIn("VG", "Shell")
            .Owns("Nominee", "Shell", 100)
            .Edge(EdgeKind.NomineeFor, "Nominee", "Boss")
            .Edge(EdgeKind.DirectorOf, "Nominee", "Shell", e => e.Nominee = true);

        var owners = BeneficialOwnerFinder.Find(b.Graph, "Shell", 25, null, 0).ToDictionary(o => o.PersonId);

        Assert.True(owners["Boss"].ByControl);
        Assert.Equal(0, owners["Boss"].HighPercent);
        Assert.True(owners["Nominee"].ByOwnership);
    }

    [Fact]
    public void A_declared_beneficial_owner_is_reported_even_without_a_chain()
    {
        var b = new SnapshotBuilder().Person("P").Company("T").Edge(EdgeKind.BeneficialOwnerOf, "P", "T", e => { e.ShareLow = 0.75; e.ShareHigh = 0.75; });

        var owner = BeneficialOwnerFinder.Find(b.Graph, "T", 25, null, 0).Single();

        Assert.True(owner.Declared);
        Assert.Equal(75, owner.DeclaredPercent!.Value, 9);
        Assert.False(owner.ByOwnership);
    }
}
