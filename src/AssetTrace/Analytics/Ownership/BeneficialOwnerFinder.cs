using AssetTrace.Analytics.Engine;
using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Ownership;

/// <summary>
/// The owners of a company or asset, and its beneficial owners: natural persons at or above a
/// threshold of effective ownership, or who control it, or whom a register declares.
/// </summary>
public static class BeneficialOwnerFinder
{
    /// <summary>Every owner reached upstream, natural or not, largest first.</summary>
    public static List<OwnerShare> Owners(GraphSnapshot graph, string targetId, DateOnly? asOf, int maxPaths)
    {
        var target = Require(graph, targetId);
        var flow = ShareFlow.Compute(target, FlowDirection.Upstream, asOf);
        return [.. flow.Shares
            .OrderByDescending(s => s.Value.High).ThenBy(s => s.Key.Id, StringComparer.Ordinal)
            .Select(s => new OwnerShare(s.Key.Id, s.Key.Kind, s.Key.Name, s.Value.Low * 100, s.Value.High * 100, s.Value.UnknownInChain,
                flow.InCycle(s.Key), maxPaths == 0 ? [] : OwnershipPath.Between(flow, s.Key, maxPaths)))];
    }

    /// <param name="thresholdPercent">25 is common; registers differ.</param>
    public static List<BeneficialOwner> Find(GraphSnapshot graph, string targetId, double thresholdPercent, DateOnly? asOf, int maxPaths)
    {
        var target = Require(graph, targetId);
        var flow = ShareFlow.Compute(target, FlowDirection.Upstream, asOf);
        var threshold = thresholdPercent / 100 - 1e-9;

        // Persons who may control the target: owners upstream, nominators of anyone upstream, and controllers via CONTROLS.
        // Upstream is the flow's region and those beside it who control or direct part of it (usually
        // nobody), known by node index, so that what a controller reaches outside it is never read.
        var region = flow.Region;
        HashSet<int>? beside = null;
        var candidates = new HashSet<SnapshotNode>();
        for (var x = 1; x < region.Count; x++)
        {
            if (region.Nodes[x].Kind == NodeKind.Person)
            {
                candidates.Add(region.Nodes[x]);
            }
        }
        // Control is swept owners first: those who control or direct from outside the ownership chains, then the chains from the top down.
        var sweepOrder = new List<SnapshotNode>();
        for (var i = -1; i < flow.SolvedOrder.Count; i++)
        {
            var node = i < 0 ? target : flow.SolvedOrder[i];
            foreach (ref readonly var link in node.ControlInLinks.Span)
            {
                if (link.IsValidOn(asOf))
                {
                    if (!region.Local.ContainsKey(link.OtherIndex) && (beside ??= []).Add(link.OtherIndex))
                    {
                        sweepOrder.Add(link.Other);
                    }
                    if (link.Other.Kind == NodeKind.Person)
                    {
                        candidates.Add(link.Other);
                    }
                }
            }
        }
        for (var i = flow.SolvedOrder.Count - 1; i >= 0; i--)
        {
            sweepOrder.Add(flow.SolvedOrder[i]);
        }
        sweepOrder.Add(target);
        // The persons upstream are the candidates so far (and the target, if it is one): those they act for as nominees are candidates too.
        List<SnapshotNode>? principals = null;
        foreach (var person in candidates)
        {
            AddPrincipals(person, asOf, ref principals);
        }
        if (target.Kind == NodeKind.Person)
        {
            AddPrincipals(target, asOf, ref principals);
        }
        if (principals is not null)
        {
            candidates.UnionWith(principals);
        }
        var controllersOf = ControllingParties.All(sweepOrder, asOf);
        var controllers = controllersOf.GetValueOrDefault(target);
        if (controllers is not null)
        {
            // Whoever controls the target is a candidate, also when reaching it only through someone else's board.
            candidates.UnionWith(controllers);
        }
        // A register may declare the same person twice (two filings): the first declaration is shown.
        var declared = new Dictionary<SnapshotNode, SnapshotEdge>();
        foreach (var edge in GraphSnapshot.Incoming(target, EdgeKind.BeneficialOwnerOf, asOf))
        {
            if (declared.TryAdd(edge.Source, edge))
            {
                candidates.Add(edge.Source);
            }
        }

        var owners = new List<BeneficialOwner>();
        foreach (var person in candidates)
        {
            if (person.Kind != NodeKind.Person)
            {
                continue;
            }
            var share = flow.Shares.GetValueOrDefault(person);
            var controls = controllers?.Contains(person) == true;
            var isDeclared = declared.TryGetValue(person, out var declaration);
            var byOwnership = share.High >= threshold;
            if (!byOwnership && !controls && !isDeclared)
            {
                continue;
            }
            owners.Add(new BeneficialOwner(
                person.Id, person.Name, share.Low * 100, share.High * 100, share.UnknownInChain,
                byOwnership, share.Low >= threshold, controls, isDeclared, declaration?.ShareHigh * 100,
                // The explanation is worked out only for those the sweep found in control.
                controls ? ControlAnalysis.Chain(person, target, controllersOf, asOf) : [],
                maxPaths == 0 ? [] : OwnershipPath.Between(flow, person, maxPaths)));
        }
        owners.Sort(static (a, b) =>
            b.HighPercent.CompareTo(a.HighPercent) is var byShare and not 0 ? byShare
            : string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName
            : string.CompareOrdinal(a.PersonId, b.PersonId));
        return owners;
    }

    private static void AddPrincipals(SnapshotNode person, DateOnly? asOf, ref List<SnapshotNode>? into)
    {
        foreach (var edge in GraphSnapshot.Outgoing(person, EdgeKind.NomineeFor, asOf))
        {
            (into ??= []).Add(edge.Target);
        }
    }

    internal static SnapshotNode Require(GraphSnapshot graph, string id) =>
        graph.Find(id) ?? throw new Common.NotFoundException("node", id);
}
