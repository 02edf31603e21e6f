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
public static class ControlAnalysis
{
    /// <summary>
    /// Everything <paramref name="party"/> controls among <paramref name="candidates"/>, with the
    /// step that brought each in. Uses the lower bound of share ranges: control must be certain.
    /// </summary>
    public static Dictionary<SnapshotNode, ControlStep> Controlled(SnapshotNode party, IReadOnlyCollection<SnapshotNode> candidates, DateOnly? asOf)
    {
        var controllers = new HashSet<SnapshotNode> { party };
        var steps = new Dictionary<SnapshotNode, ControlStep>();
        // Nominees act for the party: what they hold or direct counts as the party's.
        foreach (var nominee in GraphSnapshot.Incoming(party, EdgeKind.NomineeFor, asOf))
        {
            controllers.Add(nominee.Source);
            steps[nominee.Source] = new ControlStep(nominee.Source.Id, $"acts as nominee for {party.Name}", [nominee.Id], [party.Id]);
        }
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var entity in candidates)
            {
                // Persons are never controlled here; companies and assets are.
                if (controllers.Contains(entity) || entity.Kind == NodeKind.Person)
                {
                    continue;
                }
                var step = ControlStepFor(entity, controllers, steps, asOf);
                if (step is not null)
                {
                    controllers.Add(entity);
                    steps[entity] = step;
                    changed = true;
                }
            }
        }
        foreach (var nominee in steps.Keys.Where(k => k.Kind == NodeKind.Person).ToList())
        {
            steps.Remove(nominee);
        }
        return steps;
    }

    private static ControlStep? ControlStepFor(SnapshotNode entity, HashSet<SnapshotNode> controllers, Dictionary<SnapshotNode, ControlStep> steps, DateOnly? asOf)
    {
        foreach (var edge in GraphSnapshot.Incoming(entity, EdgeKind.Controls, asOf).Where(e => controllers.Contains(e.Source)))
        {
            if (edge.VotingShare is null || edge.VotingShare > 0.5)
            {
                return new ControlStep(entity.Id, $"{edge.Source.Name} controls it{(edge.Role is null ? "" : $" ({edge.Role})")}", [edge.Id], [edge.Source.Id]);
            }
        }
        foreach (var edge in GraphSnapshot.Incoming(entity, EdgeKind.DirectorOf, asOf).Where(e => controllers.Contains(e.Source) && steps.ContainsKey(e.Source) && e.Source.Kind == NodeKind.Person))
        {
            // A director who is someone's nominee gives that someone control of the board.
            return new ControlStep(entity.Id, $"{edge.Source.Name} directs it as a nominee", [edge.Id, .. steps[edge.Source].EdgeIds], [.. steps[edge.Source].ControllerIds]);
        }
        var holdings = GraphSnapshot.Incoming(entity, EdgeKind.Owns, asOf).Where(e => controllers.Contains(e.Source) && e.ShareLow is not null).ToList();
        var votes = holdings.Sum(e => e.ShareLow!.Value);
        return votes > 0.5
            ? new ControlStep(entity.Id, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a majority of {votes * 100:0.##}% held by {string.Join(", ", holdings.Select(h => h.Source.Name))}"),
                [.. holdings.Select(h => h.Id)], [.. holdings.Select(h => h.Source.Id)])
            : null;
    }
}
