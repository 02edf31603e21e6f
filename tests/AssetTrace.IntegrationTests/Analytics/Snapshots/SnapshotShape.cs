using AssetTrace.Analytics.Engine;
using static System.FormattableString;

namespace AssetTrace.IntegrationTests.Analytics.Snapshots;

/// <summary>
/// Everything a snapshot holds that a calculation reads, one line per live node and edge in a fixed order, with
/// restrictions as the case they name and the change counter: two snapshots with equal shapes answer alike (#18).
/// </summary>
internal static class SnapshotShape
{
    public static List<string> Of(GraphSnapshot g) =>
    [
        Invariant($"version {g.Version}"),
        .. g.StoredNodes.Where(n => !n.Deleted)
            .Select(n => Invariant($"node {n.Id} {n.Kind} '{n.Name}' {n.Country} {n.Value} {n.ValueCurrency} {n.ValueDate} {n.ValidFrom}..{n.ValidTo} case={g.CaseIdOf(n.Restriction)} out={n.OutKinds} in={n.InKinds} owns={Ids(n.OwnsOut)}/{Ids(n.OwnsIn)} control={Ids(n.ControlOut)}/{Ids(n.ControlIn)}"))
            .Order(StringComparer.Ordinal),
        .. g.StoredEdges.Where(e => !e.Deleted)
            .Select(e => Invariant($"edge {e.Id} {e.Kind} {e.Source.Id}->{e.Target.Id} {e.ShareLow:R}-{e.ShareHigh:R} {e.ValidFrom}..{e.ValidTo} nominee={e.Nominee} role={e.Role} voting={e.VotingShare:R} {e.Amount} {e.Currency} {e.Date} case={g.CaseIdOf(e.Restriction)} touches={e.TouchesRestricted}"))
            .Order(StringComparer.Ordinal),
    ];

    // Sorted: the order of a node's links follows the order its edges were loaded, which answers do not depend on.
    private static string Ids(EdgeView edges) => string.Join(",", edges.ToArray().Select(e => e.Id).Order(StringComparer.Ordinal));
}
