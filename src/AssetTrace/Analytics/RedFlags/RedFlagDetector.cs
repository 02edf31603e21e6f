using System.Globalization;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.RedFlags;

/// <summary>
/// Red flags around a node: over its owners (upstream) and, for persons and companies, over
/// what they hold (downstream). Each flag names the nodes and edges that raise it.
/// </summary>
public static class RedFlagDetector
{
    /// <param name="caseOpenedOn">When given, transfers in the window before it are flagged.</param>
    public static List<RedFlag> Detect(GraphSnapshot graph, string nodeId, DateOnly? asOf, DateOnly? caseOpenedOn, SecrecyJurisdictions secrecy, RedFlagOptions options)
    {
        var subject = BeneficialOwnerFinder.Require(graph, nodeId);
        var owners = ShareFlow.Compute(subject, FlowDirection.Upstream, asOf);
        var holdings = ShareFlow.Compute(subject, FlowDirection.Downstream, asOf, accountsAsHoldings: true);
        var region = owners.Shares.Keys.Concat(holdings.Shares.Keys).Append(subject).ToHashSet();
        var flags = new List<RedFlag>();

        foreach (var node in region.Where(n => n.Kind == NodeKind.Company && secrecy.Contains(n.Country)).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            flags.Add(new RedFlag(RedFlagKind.SecrecyJurisdiction, $"{node.Name} is registered in {secrecy.Title(node.Country!)}.", [node.Id], []));
        }

        foreach (var cycle in owners.Cycles.Concat(holdings.Cycles).DistinctBy(c => string.Join(',', c.Select(n => n.Id).Order())))
        {
            var edges = cycle.SelectMany(n => GraphSnapshot.Outgoing(n, EdgeKind.Owns, asOf)).Where(e => cycle.Contains(e.Target)).Select(e => e.Id).ToList();
            flags.Add(new RedFlag(RedFlagKind.CircularOwnership, $"Circular ownership among {string.Join(", ", cycle.Select(n => n.Name))}.", [.. cycle.Select(n => n.Id)], edges));
        }

        foreach (var edge in region.SelectMany(n => GraphSnapshot.Incoming(n, EdgeKind.DirectorOf, asOf)).Where(e => e.Nominee).Distinct())
        {
            flags.Add(new RedFlag(RedFlagKind.NomineeDirector, $"{edge.Source.Name} is a nominee director of {edge.Target.Name}.", [edge.Source.Id, edge.Target.Id], [edge.Id]));
        }
        var people = region.Concat(region.SelectMany(n => GraphSnapshot.Incoming(n, EdgeKind.DirectorOf, asOf).Select(e => e.Source))).ToHashSet();
        foreach (var edge in people.SelectMany(n => n.Out.Concat(n.In)).Where(e => e.Kind == EdgeKind.NomineeFor && e.IsValidOn(asOf)).Distinct())
        {
            flags.Add(new RedFlag(RedFlagKind.NomineeArrangement, $"{edge.Source.Name} acts as nominee for {edge.Target.Name}.", [edge.Source.Id, edge.Target.Id], [edge.Id]));
        }

        foreach (var address in region.Where(n => n.Kind == NodeKind.Company).SelectMany(n => GraphSnapshot.Outgoing(n, EdgeKind.RegisteredAt, asOf)).Select(e => e.Target).Distinct())
        {
            var registered = GraphSnapshot.Incoming(address, EdgeKind.RegisteredAt, asOf).Count(e => e.Source.Kind == NodeKind.Company);
            if (registered >= options.MassRegistrationCompanies)
            {
                flags.Add(new RedFlag(RedFlagKind.MassRegistrationAddress,
                    string.Create(CultureInfo.InvariantCulture, $"{registered} companies are registered at {address.Name}."), [address.Id], []));
            }
        }

        foreach (var (flow, direction) in new[] { (owners, "owners"), (holdings, "holdings") })
        {
            var longest = Longest(flow, asOf);
            if (longest is not null && longest.Hops >= options.LongChainHops)
            {
                flags.Add(new RedFlag(RedFlagKind.LongChain,
                    string.Create(CultureInfo.InvariantCulture, $"A chain of {longest.Hops} links separates {subject.Name} from some of its {direction}."),
                    longest.NodeIds, longest.EdgeIds));
            }
        }

        if (caseOpenedOn is { } opened)
        {
            var from = opened.AddDays(-options.TransferWindowDays);
            var transfers = region.SelectMany(n => n.Out.Concat(n.In))
                .Where(e => e.Kind == EdgeKind.TransferredTo && !e.Deleted && e.Date is { } d && d >= from && d <= opened)
                .Distinct();
            foreach (var edge in transfers)
            {
                flags.Add(new RedFlag(RedFlagKind.TransferBeforeCase,
                    string.Create(CultureInfo.InvariantCulture, $"{edge.Amount:N0} {edge.Currency} moved from {edge.Source.Name} to {edge.Target.Name} on {edge.Date:yyyy-MM-dd}, {opened.DayNumber - edge.Date!.Value.DayNumber} days before the case was opened."),
                    [edge.Source.Id, edge.Target.Id], [edge.Id]));
            }
        }
        return flags;
    }

    /// <summary>The longest of the shortest chains from the seed to the nodes of the flow (breadth-first depth), read owner → owned.</summary>
    private static OwnershipPath? Longest(FlowResult flow, DateOnly? asOf)
    {
        var depth = new Dictionary<SnapshotNode, (int Depth, SnapshotNode? From, SnapshotEdge? Edge)> { [flow.Seed] = (0, null, null) };
        var queue = new Queue<SnapshotNode>([flow.Seed]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var (next, edge) in ShareFlow.Expand(node, flow.Direction, asOf, flow.AccountsAsHoldings))
            {
                if (!depth.ContainsKey(next) && flow.Shares.ContainsKey(next))
                {
                    depth[next] = (depth[node].Depth + 1, node, edge);
                    queue.Enqueue(next);
                }
            }
        }
        var deepest = depth.MaxBy(d => d.Value.Depth);
        if (deepest.Value.Depth == 0)
        {
            return null;
        }
        var nodes = new List<string>();
        var edges = new List<string>();
        for (var at = deepest.Key; at is not null; at = depth[at].From)
        {
            nodes.Add(at.Id);
            if (depth[at].Edge is { } e)
            {
                edges.Add(e.Id);
            }
        }
        if (flow.Direction == FlowDirection.Downstream)
        {
            nodes.Reverse();
            edges.Reverse();
        }
        return new OwnershipPath(nodes, edges, null, null);
    }
}
