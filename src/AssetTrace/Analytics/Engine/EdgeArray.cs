namespace AssetTrace.Analytics.Engine;

/// <summary>
/// A node's edges out or in (<see cref="SnapshotNode.Out"/>, <see cref="SnapshotNode.In"/>), held in the node as an
/// array and a count: a <see cref="List{T}"/> would add an object of 32 bytes and a reference per list, twice per
/// node, 0.5 GiB at ten million nodes (#18).
/// </summary>
/// <remarks>A mutable struct, as <see cref="LinkArray"/>: keep it in a field and call it there, never through a copy.</remarks>
internal struct EdgeArray
{
    private SnapshotEdge[]? _items;
    private int _count;

    public readonly EdgeList List => new(_items, _count);

    /// <summary>Room for this many edges in all, made at once; nothing when there is room already.</summary>
    public void Reserve(int capacity)
    {
        if (capacity > (_items?.Length ?? 0))
        {
            Array.Resize(ref _items, capacity);
        }
    }

    public void Add(SnapshotEdge edge)
    {
        if (_items is null || _count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(2, _count * 2));
        }
        _items[_count++] = edge;
    }

    /// <summary>Removes the edge and keeps the others in their order.</summary>
    public void Remove(SnapshotEdge edge)
    {
        var at = _items is null ? -1 : Array.IndexOf(_items, edge, 0, _count);
        if (at < 0)
        {
            return;
        }
        _count--;
        Array.Copy(_items!, at + 1, _items!, at, _count - at);
        _items![_count] = null!;
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
