using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Graph.Model;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>
/// One write an analyst makes (#18): a new OWNS edge with a share from a person to an owned company or asset, or the
/// share of the edge written just before changed. What the target's beneficial owners must then show is
/// <see cref="Owner"/> with at least <see cref="Share"/> percent. A change of share <see cref="FollowsPrevious"/>: it is
/// sent only once the edge it changes has been written.
/// </summary>
internal sealed record OwnershipWrite(string Mutation, object Variables, string Target, string Owner, double Share, bool FollowsPrevious)
{
    private const string Provenance = "provenance: { source: MANUAL_ENTRY, restriction: EVIDENCE, reference: \"scale-out benchmark (#18)\" }";

    private const string Create =
        "mutation($id: ID!, $owner: ID!, $target: ID!) { createEdge(input: { id: $id, kind: OWNS, sourceId: $owner, targetId: $target, " +
        "properties: { share: 30 }, " + Provenance + " }) { id } }";

    private const string ChangeShare =
        "mutation($id: ID!) { updateEdge(input: { id: $id, reason: \"share corrected\", properties: { share: 40 } }) { id } }";

    /// <summary>
    /// Writes without end, for the targets the report samples and persons drawn with <paramref name="seed"/>: create,
    /// change its share, create the next. The edge ids start with <paramref name="prefix"/>, one per phase.
    /// </summary>
    public static IEnumerable<OwnershipWrite> Sequence(GeneratedGraph graph, Samples samples, string prefix, int seed)
    {
        var random = new Random(seed);
        var persons = Enumerable.Range(0, graph.Nodes.Count).Where(i => graph.Nodes[i].Kind == NodeKind.Person).ToArray();
        for (var n = 0; ; n++)
        {
            var id = $"{prefix}-{n}";
            var owner = GeneratedGraph.NodeId(persons[random.Next(persons.Length)]);
            var target = samples.OwnershipTargets[n % samples.OwnershipTargets.Count];
            yield return new OwnershipWrite(Create, new { id, owner, target }, target, owner, 30, FollowsPrevious: false);
            yield return new OwnershipWrite(ChangeShare, new { id }, target, owner, 40, FollowsPrevious: true);
        }
    }
}
