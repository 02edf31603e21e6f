using AssetTrace.Benchmarks.Generation;
using AssetTrace.Graph.Model;

namespace AssetTrace.Benchmarks.Measuring;

/// <summary>
/// The queries of a run, drawn from the generated graph with their own seed, so both stores and
/// the baselines answer exactly the same ones.
/// </summary>
public sealed class Samples
{
    /// <summary>The date every ownership query is asked for: historic links (ended 2015) are left out.</summary>
    public static readonly DateOnly AsOf = new(2026, 1, 1);

    public const int MaxHops = 12;

    private Samples(List<string> ownershipTargets, List<string> loadTargets, List<string> holders, List<(int From, int To)> pathPairs, List<string> nameQueries)
    {
        OwnershipTargets = ownershipTargets;
        LoadTargets = loadTargets;
        Holders = holders;
        PathPairs = pathPairs;
        NameQueries = nameQueries;
    }

    /// <summary>Companies and assets with at least one owner on <see cref="AsOf"/>.</summary>
    public IReadOnlyList<string> OwnershipTargets { get; }

    /// <summary>More targets of the same kind for the GraphQL load, so that few of its requests are answered from the cache.</summary>
    public IReadOnlyList<string> LoadTargets { get; }

    /// <summary>Persons who own or hold something.</summary>
    public IReadOnlyList<string> Holders { get; }

    /// <summary>Node indexes joined by a walk of 1–12 links, so a path of at most 12 hops exists.</summary>
    public IReadOnlyList<(int From, int To)> PathPairs { get; }

    public IReadOnlyList<string> NameQueries { get; }

    public static Samples Draw(GeneratedGraph graph, int count, int seed)
    {
        var random = new Random(seed ^ 0x5eed);
        var owned = new bool[graph.Nodes.Count];
        var holds = new bool[graph.Nodes.Count];
        foreach (var edge in graph.Edges)
        {
            if (edge.Kind == EdgeKind.Owns && (edge.ValidTo is null || edge.ValidTo >= AsOf))
            {
                owned[edge.Target] = true;
            }
            if (edge.Kind is EdgeKind.Owns or EdgeKind.HoldsAccount && graph.Nodes[edge.Source].Kind == NodeKind.Person)
            {
                holds[edge.Source] = true;
            }
        }
        var targets = Draw(random, 100_000, Enumerable.Range(0, owned.Length).Where(i => owned[i]).ToList());
        var holders = Draw(random, count, Enumerable.Range(0, holds.Length).Where(i => holds[i]).ToList());
        return new Samples(
            [.. targets.Take(count).Select(GeneratedGraph.NodeId)],
            [.. targets.Skip(count).Select(GeneratedGraph.NodeId)],
            [.. holders.Select(GeneratedGraph.NodeId)],
            DrawPathPairs(graph, count, random),
            DrawNameQueries(graph, count, random));
    }

    private static List<int> Draw(Random random, int count, List<int> from)
    {
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(from));
        return from.Take(count).ToList();
    }

    /// <summary>A random start with at least one link, and where a random walk of 1–12 steps from it ends (not the start itself).</summary>
    private static List<(int, int)> DrawPathPairs(GeneratedGraph graph, int count, Random random)
    {
        var adjacency = Adjacency.Of(graph);
        var pairs = new List<(int, int)>(count);
        while (pairs.Count < count)
        {
            var start = random.Next(graph.Nodes.Count);
            if (adjacency.Degree(start) == 0)
            {
                continue;
            }
            var at = start;
            var steps = random.Next(1, MaxHops + 1);
            for (var i = 0; i < steps; i++)
            {
                at = adjacency.Neighbour(at, random.Next(adjacency.Degree(at)));
            }
            if (at != start)
            {
                pairs.Add((start, at));
            }
        }
        return pairs;
    }

    /// <summary>
    /// What an analyst would type: one or two words of a person's or company's name, in the other
    /// script or another romanisation than the one stored half of the time.
    /// </summary>
    private static List<string> DrawNameQueries(GeneratedGraph graph, int count, Random random)
    {
        var queries = new List<string>(count);
        while (queries.Count < count)
        {
            var node = graph.Nodes[random.Next(graph.Nodes.Count)];
            if (node.Kind is not (NodeKind.Person or NodeKind.Company))
            {
                continue;
            }
            var words = node.Name.Split([' ', '«', '»', ','], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length > 3).OrderByDescending(w => w.Length).Take(random.Next(1, 3)).ToList();
            if (words.Count == 0)
            {
                continue;
            }
            var query = string.Join(' ', words);
            query = random.Next(2) == 0 ? NamePools.Latin(query, random.Next(5)) : query;
            // Words that are only a legal form ("Limited", "Holdings GmbH") leave the matcher nothing to search for,
            // and the API refuses them: an analyst would not type them alone either.
            if (AssetTrace.Matching.ParsedName.Parse(query).Words.Count > 0)
            {
                queries.Add(query);
            }
        }
        return queries;
    }

    /// <summary>Undirected adjacency of the generated graph in compressed rows.</summary>
    private sealed class Adjacency
    {
        private readonly int[] _offsets;
        private readonly int[] _neighbours;

        private Adjacency(int[] offsets, int[] neighbours)
        {
            _offsets = offsets;
            _neighbours = neighbours;
        }

        public int Degree(int node) => _offsets[node + 1] - _offsets[node];

        public int Neighbour(int node, int i) => _neighbours[_offsets[node] + i];

        public static Adjacency Of(GeneratedGraph graph)
        {
            var offsets = new int[graph.Nodes.Count + 1];
            foreach (var edge in graph.Edges)
            {
                offsets[edge.Source + 1]++;
                offsets[edge.Target + 1]++;
            }
            for (var i = 1; i < offsets.Length; i++)
            {
                offsets[i] += offsets[i - 1];
            }
            var next = offsets[..^1];
            var neighbours = new int[offsets[^1]];
            foreach (var edge in graph.Edges)
            {
                neighbours[next[edge.Source]++] = edge.Target;
                neighbours[next[edge.Target]++] = edge.Source;
            }
            return new Adjacency(offsets, neighbours);
        }
    }
}
