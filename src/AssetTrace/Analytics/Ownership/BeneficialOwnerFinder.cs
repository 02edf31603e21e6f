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
                flow.InCycle(s.Key), maxPaths == 0 ? [] : OwnershipPath.Between(target, s.Key, FlowDirection.Upstream, asOf, false, maxPaths)))];
    }

    /// <param name="thresholdPercent">25 is common; registers differ.</param>
    public static List<BeneficialOwner> Find(GraphSnapshot graph, string targetId, double thresholdPercent, DateOnly? asOf, int maxPaths)
    {
        var target = Require(graph, targetId);
        var flow = ShareFlow.Compute(target, FlowDirection.Upstream, asOf);
        var threshold = thresholdPercent / 100 - 1e-9;

        // Persons who may control the target: owners upstream, nominators of anyone upstream, and controllers via CONTROLS.
        var upstream = flow.Shares.Keys.Append(target).ToHashSet();
        var candidates = new HashSet<SnapshotNode>(flow.Shares.Keys.Where(n => n.Kind == NodeKind.Person));
        foreach (var node in upstream.ToList())
        {
            foreach (var edge in GraphSnapshot.Incoming(node, EdgeKind.Controls, asOf).Concat(GraphSnapshot.Incoming(node, EdgeKind.DirectorOf, asOf)))
            {
                upstream.Add(edge.Source);
                if (edge.Source.Kind == NodeKind.Person)
                {
                    candidates.Add(edge.Source);
                }
            }
        }
        foreach (var nominee in upstream.Where(n => n.Kind == NodeKind.Person).ToList())
        {
            foreach (var edge in GraphSnapshot.Outgoing(nominee, EdgeKind.NomineeFor, asOf))
            {
                candidates.Add(edge.Target);
            }
        }
        var declared = GraphSnapshot.Incoming(target, EdgeKind.BeneficialOwnerOf, asOf).ToDictionary(e => e.Source, e => e);
        candidates.UnionWith(declared.Keys);

        var owners = new List<BeneficialOwner>();
        foreach (var person in candidates.Where(p => p.Kind == NodeKind.Person))
        {
            var share = flow.Shares.GetValueOrDefault(person);
            var control = MayControl(person, upstream, asOf) ? ControlAnalysis.Controlled(person, upstream, asOf) : [];
            var controls = control.ContainsKey(target);
            var isDeclared = declared.TryGetValue(person, out var declaration);
            var byOwnership = share.High >= threshold;
            if (!byOwnership && !controls && !isDeclared)
            {
                continue;
            }
            owners.Add(new BeneficialOwner(
                person.Id, person.Name, share.Low * 100, share.High * 100, share.UnknownInChain,
                byOwnership, share.Low >= threshold, controls, isDeclared, declaration?.ShareHigh * 100,
                controls ? ControlChain(control, target) : [],
                maxPaths == 0 ? [] : OwnershipPath.Between(target, person, FlowDirection.Upstream, asOf, false, maxPaths)));
        }
        return [.. owners.OrderByDescending(o => o.HighPercent).ThenBy(o => o.Name, StringComparer.Ordinal)];
    }

    /// <summary>The steps of control that lead to the target, from the person's side down to it.</summary>
    private static List<ControlStep> ControlChain(Dictionary<SnapshotNode, ControlStep> control, SnapshotNode target)
    {
        var byId = control.Values.ToDictionary(c => c.NodeId);
        var chain = new List<ControlStep>();
        var pending = new Queue<string>([target.Id]);
        var seen = new HashSet<string>();
        while (pending.TryDequeue(out var id))
        {
            if (seen.Add(id) && byId.TryGetValue(id, out var step))
            {
                chain.Add(step);
                foreach (var controller in step.ControllerIds)
                {
                    pending.Enqueue(controller);
                }
            }
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>
    /// Whether any rule of <see cref="ControlAnalysis"/> could apply: the person, or someone acting
    /// as their nominee, holds or controls something upstream, or the nominee sits on a board there.
    /// A director acting for nobody who owns nothing upstream cannot control it, and skipping the
    /// fixpoint for such candidates keeps targets with large boards fast.
    /// </summary>
    private static bool MayControl(SnapshotNode person, HashSet<SnapshotNode> upstream, DateOnly? asOf)
    {
        var nominees = GraphSnapshot.Incoming(person, EdgeKind.NomineeFor, asOf).Select(e => e.Source).ToList();
        return person.Out.Any(e => e.Kind is EdgeKind.Owns or EdgeKind.Controls && e.IsValidOn(asOf) && upstream.Contains(e.Target))
            || nominees.Any(n => n.Out.Any(e => e.Kind is EdgeKind.Owns or EdgeKind.Controls or EdgeKind.DirectorOf && e.IsValidOn(asOf) && upstream.Contains(e.Target)));
    }

    internal static SnapshotNode Require(GraphSnapshot graph, string id) =>
        graph.Find(id) ?? throw new Common.NotFoundException("node", id);
}
