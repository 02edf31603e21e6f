namespace AssetTrace.Analytics.Engine;

/// <summary>
/// A node's edges out or in (<see cref="SnapshotNode.Out"/>, <see cref="SnapshotNode.In"/>), held in the node as a
/// <see cref="CountedArray{T}"/>: two <see cref="List{T}"/> objects per node would be 0.5 GiB at ten million nodes (#18).
/// </summary>
/// <remarks>A mutable struct: keep it in a field and call it there, never through a copy.</remarks>
internal struct EdgeArray
{
    private CountedArray<SnapshotEdge> _edges;

    public readonly EdgeList List => new(_edges.Items, _edges.Count);

    /// <summary>Room for this many edges in all, made at once; nothing when there is room already.</summary>
    public void Reserve(int capacity) => _edges.Reserve(capacity);

    public void Add(SnapshotEdge edge) => _edges.Add(edge);

    /// <summary>Removes the edge and keeps the others in their order.</summary>
    public void Remove(SnapshotEdge edge)
    {
        var at = _edges.Items is null ? -1 : Array.IndexOf(_edges.Items, edge, 0, _edges.Count);
        if (at >= 0)
        {
            _edges.RemoveAt(at);
        }
    }
}

/// <summary>The edges of an <see cref="EdgeArray"/> as they are when asked for, to read like a list.</summary>
public readonly struct EdgeList : IReadOnlyList<SnapshotEdge>
{
    private readonly SnapshotEdge[]? _items;
    private readonly int _count;

    internal EdgeList(SnapshotEdge[]? items, int count) => (_items, _count) = (items, count);

    public int Count => _count;

    public SnapshotEdge this[int index] =>
        (uint)index < (uint)_count ? _items![index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"the list holds {_count} edges");

    public Enumerator GetEnumerator() => new(_items, _count);

    IEnumerator<SnapshotEdge> IEnumerable<SnapshotEdge>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator : IEnumerator<SnapshotEdge>
    {
        private readonly SnapshotEdge[]? _items;
        private readonly int _count;
        private int _at;

        internal Enumerator(SnapshotEdge[]? items, int count) => (_items, _count, _at) = (items, count, -1);

        public readonly SnapshotEdge Current => _items![_at];

        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext() => ++_at < _count;

        public void Reset() => _at = -1;

        public readonly void Dispose()
        {
        }
    }
}
