using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Connections;

namespace AssetTrace.Analytics.Ownership;

/// <summary>
/// Everything a person or company owns or controls, directly or indirectly, with effective
/// shares and the chains that produce them; optionally together with family and associates.
/// Accounts count as held in full by their holder.
/// </summary>
public static class HoldingsFinder
{
    public static List<Holding> Find(GraphSnapshot graph, string ownerId, bool withConnected, DateOnly? asOf, int maxPaths)
    {
        var owner = BeneficialOwnerFinder.Require(graph, ownerId);
        var members = withConnected ? [owner, .. ConnectedPersonsFinder.CloseCircle(owner, asOf)] : new List<SnapshotNode> { owner };
        var holdings = new Dictionary<SnapshotNode, (double Low, double High, bool Unknown, bool Controlled, List<MemberShare> Members, List<OwnershipPath> Paths)>();
        foreach (var member in members)
        {
            var flow = ShareFlow.Compute(member, FlowDirection.Downstream, asOf, accountsAsHoldings: true);
            var controlled = ControlAnalysis.Controlled(member, flow.Shares.Keys.ToHashSet(), asOf);
            foreach (var node in flow.Shares.Keys.Union(controlled.Keys).Where(n => n != owner && !members.Contains(n)))
            {
                var share = flow.Shares.GetValueOrDefault(node);
                var entry = holdings.TryGetValue(node, out var existing) ? existing : (0, 0, false, false, new List<MemberShare>(), new List<OwnershipPath>());
                entry.Low += share.Low;
                entry.High += share.High;
                entry.Unknown |= share.UnknownInChain;
                entry.Controlled |= controlled.ContainsKey(node);
                entry.Members.Add(new MemberShare(member.Id, share.Low * 100, share.High * 100));
                if (maxPaths > 0)
                {
                    entry.Paths.AddRange(OwnershipPath.Between(flow, node, maxPaths));
                }
                holdings[node] = entry;
            }
        }
        return [.. holdings
            .OrderByDescending(h => h.Value.High).ThenBy(h => h.Key.Id, StringComparer.Ordinal)
            .Select(h => new Holding(h.Key.Id, h.Key.Kind, h.Key.Name, Math.Min(100, h.Value.Low * 100), Math.Min(100, h.Value.High * 100),
                h.Value.Unknown, h.Value.Controlled, h.Value.Members, [.. h.Value.Paths.Take(maxPaths)]))];
    }
}
