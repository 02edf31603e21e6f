using AssetTrace.Analytics.RedFlags;
using AssetTrace.Graph.Model;

namespace AssetTrace.UnitTests.Analytics;

public sealed class RedFlagTests
{
    private static readonly SecrecyJurisdictions Secrecy = new(new Dictionary<string, string> { ["VG"] = "British Virgin Islands" });

    private static readonly RedFlagOptions Options = new() { MassRegistrationCompanies = 3, LongChainHops = 3, TransferWindowDays = 90 };

    private static List<RedFlagKind> Kinds(SnapshotBuilder b, string id, DateOnly? caseOpened = null) =>
        [.. RedFlagDetector.Detect(b.Graph, id, null, caseOpened, Secrecy, Options).Select(f => f.Kind).Distinct().Order()];

    [Fact]
    public void A_plain_domestic_holding_raises_nothing() =>
        Assert.Empty(Kinds(new SnapshotBuilder().Person("P").CompanyIn("KZ", "A").Owns("P", "A", 100), "A"));

    [Fact]
    public void Secrecy_jurisdictions_nominees_and_long_chains_in_the_ownership_are_flagged()
    {
        var b = new SnapshotBuilder().Person("P", "N").CompanyIn("VG", "Bvi").CompanyIn("CY", "Cy").CompanyIn("GB", "Uk")
            .Asset(NodeKind.RealEstate, "Flat")
            .Owns("P", "Bvi", 100).Owns("Bvi", "Cy", 100).Owns("Cy", "Uk", 100).Owns("Uk", "Flat", 100)
            .Edge(EdgeKind.DirectorOf, "N", "Bvi", e => e.Nominee = true)
            .Edge(EdgeKind.NomineeFor, "N", "P");

        var flags = RedFlagDetector.Detect(b.Graph, "Flat", null, null, Secrecy, Options);

        Assert.Equal([RedFlagKind.SecrecyJurisdiction, RedFlagKind.NomineeDirector, RedFlagKind.NomineeArrangement, RedFlagKind.LongChain],
            flags.Select(f => f.Kind));
        Assert.Equal(["P", "Bvi", "Cy", "Uk", "Flat"], flags.Single(f => f.Kind == RedFlagKind.LongChain).NodeIds);
    }

    [Fact]
    public void Circular_ownership_and_mass_registration_addresses_are_flagged()
    {
        var b = new SnapshotBuilder().Person("P").Company("A", "B", "C1", "C2").Asset(NodeKind.Address, "Chambers")
            .Owns("P", "A", 80).Owns("B", "A", 20).Owns("A", "B", 100)
            .Edge(EdgeKind.RegisteredAt, "A", "Chambers").Edge(EdgeKind.RegisteredAt, "C1", "Chambers").Edge(EdgeKind.RegisteredAt, "C2", "Chambers");

        Assert.Equal([RedFlagKind.CircularOwnership, RedFlagKind.MassRegistrationAddress], Kinds(b, "B"));
    }

    [Fact]
    public void Transfers_in_the_window_before_a_case_was_opened_are_flagged()
    {
        var b = new SnapshotBuilder().Person("P").Asset(NodeKind.BankAccount, "Acc").Company("Out")
            .Edge(EdgeKind.HoldsAccount, "P", "Acc")
            .Edge(EdgeKind.TransferredTo, "Acc", "Out", e => { e.Amount = 2_400_000; e.Currency = "CHF"; e.Date = new DateOnly(2025, 11, 20); });

        Assert.Equal([RedFlagKind.TransferBeforeCase], Kinds(b, "P", new DateOnly(2026, 1, 15)));
        Assert.Empty(Kinds(b, "P", new DateOnly(2026, 6, 1)));
        Assert.Empty(Kinds(b, "P"));
    }
}
