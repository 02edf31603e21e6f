using AssetTrace.Analytics.Engine;
using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Ownership;

/// <summary>
/// Who controls each entity of a region, by the rules of <see cref="ControlAnalysis"/>, found for
/// every party at once instead of one party at a time: a company with eighty shareholders upstream
/// needs one sweep here, and the step-by-step explanation only for the few who turn out to control it.
/// </summary>
/// <remarks>
/// A party P controls an entity E when E acts as P's nominee, or when, counting as P's own the party
/// itself, those acting as its nominees and the entities P already controls: one of them has a CONTROLS edge to E (voting share
/// unknown or above 50%); a nominee of P sits on E's board; or together they hold more than 50% of
/// E's shares at their lower bound. The parties that may control E are therefore among E's direct
/// holders, controllers and directors, those they act for, and the controllers of the entities among
/// them; sweeping the region owners first, again while a sweep gave a controller to an entity that one already
/// swept holds, controls or directs, gives the same least fixpoint as
/// <see cref="ControlAnalysis.Controlled"/> computes for each party.
/// </remarks>
internal static class ControllingParties
{
    // The working sets of a sweep, kept per thread: a sweep runs for every beneficial-owner query.
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>For every entity someone controls, the persons who control it.</summary>
    /// <param name="entities">The entities that may be controlled (persons are skipped), best owners first.</param>
    public static Dictionary<SnapshotNode, HashSet<SnapshotNode>> All(IReadOnlyList<SnapshotNode> entities, DateOnly? asOf)
    {
        var scratch = t_scratch ??= new Scratch();
        try
        {
            return Sweep(entities, asOf, scratch);
        }
        finally
        {
            scratch.Clear();
        }
    }

    private static Dictionary<SnapshotNode, HashSet<SnapshotNode>> Sweep(IReadOnlyList<SnapshotNode> entities, DateOnly? asOf, Scratch scratch)
    {
        // The answer, made afresh for each sweep: it outlives the sweep, the working sets do not.
        var controllers = new Dictionary<SnapshotNode, HashSet<SnapshotNode>>();
        var (votes, decided, position) = (scratch.Votes, scratch.Decided, scratch.Position);
        for (var i = 0; i < entities.Count; i++)
        {
            position.TryAdd(entities[i].Index, i);
        }
        var again = true;
        while (again)
        {
            again = false;
            for (var at = 0; at < entities.Count; at++)
            {
                var entity = entities[at];
                if (entity.Kind == NodeKind.Person)
                {
                    continue;
                }
                votes.Clear();
                decided.Clear();
                // An entity acting as someone's nominee is theirs to direct.
                AddPrincipals(entity, asOf, decided);
                foreach (ref readonly var link in entity.OwnsInLinks.Span)
                {
                    Count(link, EdgeKind.Owns, asOf, controllers, scratch);
                }
                foreach (ref readonly var link in entity.ControlInLinks.Span)
                {
                    Count(link, link.Edge.Kind, asOf, controllers, scratch);
                }
                foreach (var (party, held) in votes)
                {
                    if (held > 0.5)
                    {
                        decided.Add(party);
                    }
                }
                controllers.TryGetValue(entity, out var known);
                foreach (var party in decided)
                {
                    if (party.Kind == NodeKind.Person && known?.Contains(party) != true)
                    {
                        if (known is null)
                        {
                            known = [];
                            controllers[entity] = known;
                        }
                        known.Add(party);
                        // Only an entity already swept past can change with this: then one more sweep is needed.
                        again = again || Feeds(entity, at, position);
                    }
                }
            }
        }
        return controllers;
    }

    /// <summary>What one edge into an entity gives: a vote share to the parties it counts for, or control outright.</summary>
    /// <param name="link">A link into the entity, from its source.</param>
    private static void Count(in Link link, EdgeKind kind, DateOnly? asOf, Dictionary<SnapshotNode, HashSet<SnapshotNode>> controllers, Scratch scratch)
    {
        if (!link.IsValidOn(asOf))
        {
            return;
        }
        var (votes, decided, parties, principals) = (scratch.Votes, scratch.Decided, scratch.Parties, scratch.Principals);
        var source = link.Other;
        controllers.TryGetValue(source, out var above);
        if (above is null && !source.HasOut(EdgeKind.NomineeFor))
        {
            // The common case: the source counts for itself alone, if it is a person, and for nobody else.
            if (source.Kind != NodeKind.Person)
            {
                return;
            }
            switch (kind)
            {
                case EdgeKind.Controls when link.Edge.VotingShare is null || link.Edge.VotingShare > 0.5:
                    decided.Add(source);
                    break;
                case EdgeKind.Owns when link.ShareLow is { } held:
                    votes[source] = votes.GetValueOrDefault(source) + held;
                    break;
            }
            return;
        }
        // The parties for whom this edge's source counts as their own: itself, those it acts for, those who control it.
        principals.Clear();
        AddPrincipals(source, asOf, principals);
        parties.Clear();
        parties.UnionWith(principals);
        if (source.Kind == NodeKind.Person)
        {
            parties.Add(source);
        }
        if (above is not null)
        {
            parties.UnionWith(above);
        }
        switch (kind)
        {
            case EdgeKind.Controls when link.Edge.VotingShare is null || link.Edge.VotingShare > 0.5:
                decided.UnionWith(parties);
                break;
            case EdgeKind.DirectorOf when source.Kind == NodeKind.Person:
                // A director gives control of the board to those the director is a nominee for.
                decided.UnionWith(principals);
                break;
            case EdgeKind.Owns when link.ShareLow is { } share:
                foreach (var party in parties)
                {
                    votes[party] = votes.GetValueOrDefault(party) + share;
                }
                break;
        }
    }

    /// <param name="position">Each entity's place in the sweep, by its <see cref="SnapshotNode.Index"/>: the edges' far ends are not read.</param>
    private static bool Feeds(SnapshotNode entity, int at, Dictionary<int, int> position)
    {
        foreach (ref readonly var link in entity.OwnsOutLinks.Span)
        {
            if (position.TryGetValue(link.OtherIndex, out var p) && p <= at)
            {
                return true;
            }
        }
        foreach (ref readonly var link in entity.ControlOutLinks.Span)
        {
            if (position.TryGetValue(link.OtherIndex, out var p) && p <= at)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Adds those the node acts for as a nominee.</summary>
    private static void AddPrincipals(SnapshotNode node, DateOnly? asOf, HashSet<SnapshotNode> into)
    {
        if (!node.HasOut(EdgeKind.NomineeFor))
        {
            return;
        }
        foreach (var edge in node.Out)
        {
            if (edge.Kind == EdgeKind.NomineeFor && edge.IsValidOn(asOf))
            {
                into.Add(edge.Target);
            }
        }
    }

    private sealed class Scratch
    {
        public Dictionary<SnapshotNode, double> Votes { get; } = [];

        public HashSet<SnapshotNode> Decided { get; } = [];

        public HashSet<SnapshotNode> Parties { get; } = [];

        public HashSet<SnapshotNode> Principals { get; } = [];

        public Dictionary<int, int> Position { get; } = [];

        public void Clear()
        {
            Votes.Clear();
            Decided.Clear();
            Parties.Clear();
            Principals.Clear();
            Position.Clear();
        }
    }
}
