using System.Globalization;
using AssetTrace.Analytics.Engine;
using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Ownership;

/// <summary>Why an entity is controlled: by whom (the controlling nodes), the reason, and the edges that show it.</summary>
public sealed record ControlStep(string NodeId, string Reason, IReadOnlyList<string> EdgeIds, IReadOnlyList<string> ControllerIds);

/// <summary>
/// Control, kept apart from ownership. A party controls an entity when it holds a majority of
/// the votes there directly or through entities it already controls (shares add up across
/// them), when it has a CONTROLS edge to it (or a votingShare above 50%), or when someone
/// acting for it (NOMINEE_FOR) holds or directs it. Computed as a fixpoint: control spreads
/// until nothing more is added.
/// </summary>
/// <remarks>
/// Every rule only grows with the set of controllers, so the fixpoint is reached with a work
/// list: an entity is looked at again only when one of the parties holding, controlling or
/// directing it has just become a controller. The cost follows what the party reaches, not the
/// size of the candidate set times the number of rounds.
/// </remarks>
public static class ControlAnalysis
{
    // The working sets of Controlled, kept per thread: holdings work it out for every person asked
    // about. Each call starts by clearing them.
    [ThreadStatic]
    private static HashSet<int>? t_controllers;

    [ThreadStatic]
    private static Queue<SnapshotNode>? t_pending;

    /// <summary>
    /// Everything <paramref name="party"/> controls among <paramref name="candidates"/>, with the
    /// step that brought each in. Uses the lower bound of share ranges: control must be certain.
    /// </summary>
    public static Dictionary<SnapshotNode, ControlStep> Controlled(SnapshotNode party, IReadOnlySet<SnapshotNode> candidates, DateOnly? asOf)
    {
        // By index, so that what the party reaches outside the candidates is never read.
        var isCandidate = candidates.Select(c => c.Index).ToHashSet();
        var (controllers, pending) = (t_controllers ??= [], t_pending ??= new Queue<SnapshotNode>());
        controllers.Clear();
        pending.Clear();
        controllers.Add(party.Index);
        var steps = new Dictionary<SnapshotNode, ControlStep>();
        var actedFor = false;
        // Nominees act for the party: what they hold or direct counts as the party's.
        Reconsider(party);
        foreach (var nominee in GraphSnapshot.Incoming(party, EdgeKind.NomineeFor, asOf))
        {
            if (controllers.Add(nominee.Source.Index))
            {
                actedFor = true;
                steps[nominee.Source] = NomineeStep(party, nominee);
                Reconsider(nominee.Source);
            }
        }
        while (pending.TryDequeue(out var entity))
        {
            if (controllers.Contains(entity.Index))
            {
                continue;
            }
            if (ControlStepFor(entity, controllers, steps, asOf) is { } step)
            {
                controllers.Add(entity.Index);
                steps[entity] = step;
                Reconsider(entity);
            }
        }
        if (actedFor)
        {
            // Nominees are in the steps only to explain what they brought in; they are persons, never controlled.
            foreach (var nominee in steps.Keys.Where(k => k.Kind == NodeKind.Person).ToList())
            {
                steps.Remove(nominee);
            }
        }
        return steps;

        // The entities a new controller may tip: those it owns, controls or directs. Persons are never controlled.
        void Reconsider(SnapshotNode controller)
        {
            foreach (ref readonly var link in controller.OwnsOutLinks.Span)
            {
                Tip(link);
            }
            foreach (ref readonly var link in controller.ControlOutLinks.Span)
            {
                Tip(link);
            }
        }

        void Tip(in Link link)
        {
            if (isCandidate.Contains(link.OtherIndex) && !controllers.Contains(link.OtherIndex) && link.Other.Kind != NodeKind.Person)
            {
                pending.Enqueue(link.Other);
            }
        }
    }

    /// <summary>
    /// The steps of control from <paramref name="party"/>'s side down to <paramref name="target"/>, given
    /// who controls each entity upstream (<see cref="ControllingParties.All"/>): each step is worked
    /// out for the entities on the way only, walking back from the target along the controllers
    /// each step names, instead of spreading control down from the party over all it holds.
    /// </summary>
    internal static List<ControlStep> Chain(SnapshotNode party, SnapshotNode target, Dictionary<SnapshotNode, HashSet<SnapshotNode>> controllersOf, DateOnly? asOf)
    {
        // The party's own: itself, those acting as its nominees, and every entity it controls.
        var own = new HashSet<int> { party.Index };
        var nominees = new Dictionary<SnapshotNode, ControlStep>();
        foreach (var nominee in GraphSnapshot.Incoming(party, EdgeKind.NomineeFor, asOf))
        {
            if (own.Add(nominee.Source.Index))
            {
                nominees[nominee.Source] = NomineeStep(party, nominee);
            }
        }
        foreach (var (entity, parties) in controllersOf)
        {
            if (parties.Contains(party))
            {
                own.Add(entity.Index);
            }
        }
        var chain = new List<ControlStep>();
        var pending = new List<SnapshotNode> { target };
        var met = new HashSet<SnapshotNode>();
        for (var i = 0; i < pending.Count; i++)
        {
            var entity = pending[i];
            if (met.Add(entity) && entity.Kind != NodeKind.Person && controllersOf.GetValueOrDefault(entity)?.Contains(party) == true
                && (nominees.GetValueOrDefault(entity) ?? ControlStepFor(entity, own, nominees, asOf, pending)) is { } step)
            {
                // An entity acting as the party's nominee names the party, where the chain ends.
                chain.Add(step);
            }
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>Why someone acting as the party's nominee counts as the party's own.</summary>
    private static ControlStep NomineeStep(SnapshotNode party, SnapshotEdge nominee) =>
        new(nominee.Source.Id, $"acts as nominee for {party.Name}", [nominee.Id], [party.Id]);

    /// <param name="next">When given, receives the controlling nodes the step names, in the order of its <see cref="ControlStep.ControllerIds"/>.</param>
    private static ControlStep? ControlStepFor(SnapshotNode entity, HashSet<int> controllers, Dictionary<SnapshotNode, ControlStep> steps, DateOnly? asOf,
        List<SnapshotNode>? next = null)
    {
        foreach (ref readonly var link in entity.ControlInLinks.Span)
        {
            var edge = link.Edge;
            if (edge.Kind == EdgeKind.Controls && (edge.VotingShare is null || edge.VotingShare > 0.5)
                && controllers.Contains(link.OtherIndex) && link.IsValidOn(asOf))
            {
                next?.Add(edge.Source);
                return new ControlStep(entity.Id, $"{edge.Source.Name} controls it{(edge.Role is null ? "" : $" ({edge.Role})")}", [edge.Id], [edge.Source.Id]);
            }
        }
        var votes = 0.0;
        var holders = 0;
        foreach (ref readonly var link in entity.OwnsInLinks.Span)
        {
            if (Holds(link, controllers, asOf) is { } share)
            {
                votes += share;
                holders++;
            }
        }
        foreach (ref readonly var link in entity.ControlInLinks.Span)
        {
            // A director who is someone's nominee gives that someone control of the board.
            var edge = link.Edge;
            if (edge.Kind == EdgeKind.DirectorOf && edge.Source.Kind == NodeKind.Person && controllers.Contains(link.OtherIndex)
                && steps.TryGetValue(edge.Source, out var nominee) && link.IsValidOn(asOf))
            {
                return new ControlStep(entity.Id, $"{edge.Source.Name} directs it as a nominee", [edge.Id, .. nominee.EdgeIds], [.. nominee.ControllerIds]);
            }
        }
        if (votes <= 0.5)
        {
            return null;
        }
        var (edgeIds, holderIds, names) = (new string[holders], new string[holders], new string[holders]);
        var at = 0;
        foreach (ref readonly var link in entity.OwnsInLinks.Span)
        {
            if (Holds(link, controllers, asOf) is not null)
            {
                (edgeIds[at], holderIds[at], names[at]) = (link.EdgeId, link.Other.Id, link.Other.Name);
                next?.Add(link.Other);
                at++;
            }
        }
        return new ControlStep(entity.Id, string.Create(CultureInfo.InvariantCulture, $"a majority of {votes * 100:0.##}% held by {string.Join(", ", names)}"), edgeIds, holderIds);
    }

    /// <summary>The share a controller holds through the link, valid on the date; null when the link counts for no controller.</summary>
    private static double? Holds(in Link link, HashSet<int> controllers, DateOnly? asOf) =>
        controllers.Contains(link.OtherIndex) && link.IsValidOn(asOf) ? link.ShareLow : null;
}
