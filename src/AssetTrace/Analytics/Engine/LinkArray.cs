namespace AssetTrace.Analytics.Engine;

/// <summary>
/// A node's links of one sort (see <see cref="Link"/>), held in the node itself as a <see cref="CountedArray{T}"/>.
/// A walk over the ownership graph reads these at every step; a <see cref="List{T}"/>
/// would add one more object, and at a million nodes one more cache miss, between the node and its links.
/// </summary>
/// <remarks>A mutable struct: keep it in a field and call it there, never through a copy.</remarks>
internal struct LinkArray
{
    private CountedArray<Link> _links;

    public readonly ReadOnlySpan<Link> Span => _links.Span;

    public readonly IEnumerable<SnapshotEdge> AsEnumerable() =>
        _links.Items is null ? [] : _links.Items.Take(_links.Count).Select(link => link.Edge);

    public readonly bool Contains(SnapshotEdge edge) => IndexOf(edge) >= 0;

    /// <summary>Room for this many links in all, made at once; nothing when there is room already.</summary>
    public void Reserve(int capacity) => _links.Reserve(capacity);

    public void Add(Link link) => _links.Add(link);

    /// <summary>Removes the edge's link and keeps the others in their order.</summary>
    public bool Remove(SnapshotEdge edge)
    {
        var at = IndexOf(edge);
        if (at < 0)
        {
            return false;
        }
        _links.RemoveAt(at);
        return true;
    }

    /// <summary>Replaces the edge's link, if it has one here, in its place.</summary>
    public readonly void Refresh(Link link)
    {
        var at = IndexOf(link.Edge);
        if (at >= 0)
        {
            _links.Set(at, link);
        }
    }

    private readonly int IndexOf(SnapshotEdge edge)
    {
        var links = _links.Span;
        for (var i = 0; i < links.Length; i++)
        {
            if (ReferenceEquals(links[i].Edge, edge))
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>The edges of a node's links, to read with foreach like a list of edges.</summary>
public readonly ref struct EdgeView
{
    private readonly ReadOnlySpan<Link> _links;

    internal EdgeView(ReadOnlySpan<Link> links) => _links = links;

    public int Length => _links.Length;

    public SnapshotEdge this[int index] => _links[index].Edge;

    public Enumerator GetEnumerator() => new(_links);

    public SnapshotEdge[] ToArray()
    {
        var edges = new SnapshotEdge[_links.Length];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = _links[i].Edge;
        }
        return edges;
    }

    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<Link> _links;
        private int _at;

        internal Enumerator(ReadOnlySpan<Link> links)
        {
            _links = links;
            _at = -1;
        }

        public readonly SnapshotEdge Current => _links[_at].Edge;

        public bool MoveNext() => ++_at < _links.Length;
    }
}
