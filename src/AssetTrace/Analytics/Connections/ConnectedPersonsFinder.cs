using AssetTrace.Analytics.Engine;
using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Connections;

/// <summary>How two persons are linked in one hop.</summary>
public enum ConnectionKind
{
    Family,
    Associate,
    Nominee,
    SharedDirectorship,
    SharedAddress,
}

/// <summary>One hop between two persons: what links them, through which node, by which edges.</summary>
public sealed record ConnectionStep(string FromId, string ToId, ConnectionKind Kind, string? ThroughId, IReadOnlyList<string> EdgeIds);

/// <summary>A person within k hops, with one shortest chain of hops that links them.</summary>
public sealed record ConnectedPerson(string PersonId, string Name, int Hops, IReadOnlyList<ConnectionStep> Chain);

/// <summary>
/// Persons connected with a person: family, associates, nominees, and persons who sit on the
/// board of the same company or are registered at the same address. The same law that puts a
/// person on the roster reaches "persons connected with them".
/// </summary>
public static class ConnectedPersonsFinder
{
    /// <summary>Addresses with more registrations than this are mass-registration addresses: sharing one says nothing.</summary>
    public const int MaxSharedAddressRegistrations = 10;

    public static List<ConnectedPerson> Find(GraphSnapshot graph, string personId, int hops, DateOnly? asOf)
    {
        var start = graph.Find(personId) ?? throw new Common.NotFoundException("node", personId);
        var chains = new Dictionary<SnapshotNode, List<ConnectionStep>> { [start] = [] };
        var frontier = new List<SnapshotNode> { start };
        for (var hop = 1; hop <= hops && frontier.Count > 0; hop++)
        {
            var next = new List<SnapshotNode>();
            foreach (var person in frontier)
            {
                foreach (var step in Steps(person, asOf))
                {
                    var other = graph.Find(step.ToId)!;
                    if (!chains.ContainsKey(other))
                    {
                        chains[other] = [.. chains[person], step];
                        next.Add(other);
                    }
                }
            }
            frontier = next;
        }
        return [.. chains.Where(c => c.Key != start)
            .OrderBy(c => c.Value.Count).ThenBy(c => c.Key.Name, StringComparer.Ordinal)
            .Select(c => new ConnectedPerson(c.Key.Id, c.Key.Name, c.Value.Count, c.Value))];
    }

    /// <summary>Family, associates and nominees one hop away: the circle whose assets are counted with a person's.</summary>
    public static List<SnapshotNode> CloseCircle(SnapshotNode person, DateOnly? asOf) =>
        [.. Steps(person, asOf)
            .Where(s => s.Kind is ConnectionKind.Family or ConnectionKind.Associate or ConnectionKind.Nominee)
            .Select(s => person.Out.Concat(person.In).First(e => e.Id == s.EdgeIds[0]).OtherEnd(person))
            .Distinct()];

    private static IEnumerable<ConnectionStep> Steps(SnapshotNode person, DateOnly? asOf)
    {
        foreach (var edge in person.Out.Concat(person.In).Where(e => e.IsValidOn(asOf)))
        {
            var other = edge.OtherEnd(person);
            if (other.Kind != NodeKind.Person || !other.IsValidOn(asOf))
            {
                continue;
            }
            var kind = edge.Kind switch
            {
                EdgeKind.FamilyOf => ConnectionKind.Family,
                EdgeKind.AssociateOf => ConnectionKind.Associate,
                EdgeKind.NomineeFor => ConnectionKind.Nominee,
                _ => (ConnectionKind?)null,
            };
            if (kind is not null)
            {
                yield return new ConnectionStep(person.Id, other.Id, kind.Value, null, [edge.Id]);
            }
        }
        foreach (var (kind, through) in new[] { (ConnectionKind.SharedDirectorship, EdgeKind.DirectorOf), (ConnectionKind.SharedAddress, EdgeKind.RegisteredAt) })
        {
            foreach (var mine in GraphSnapshot.Outgoing(person, through, asOf))
            {
                var shared = GraphSnapshot.Incoming(mine.Target, through, asOf).ToList();
                if (kind == ConnectionKind.SharedAddress && shared.Count > MaxSharedAddressRegistrations)
                {
                    continue;
                }
                foreach (var theirs in shared.Where(e => e.Source != person && e.Source.Kind == NodeKind.Person))
                {
                    yield return new ConnectionStep(person.Id, theirs.Source.Id, kind, mine.Target.Id, [mine.Id, theirs.Id]);
                }
            }
        }
    }
}
