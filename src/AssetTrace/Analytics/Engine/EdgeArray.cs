namespace AssetTrace.Analytics.Engine;

/// <summary>
/// A node's edges of one sort, held in the node itself as an array and a count. A walk over the
/// ownership graph reads these at every step; a <see cref="List{T}"/> would add one more object,
/// and at a million nodes one more cache miss, between the node and its edges.
/// </summary>
/// <remarks>A mutable struct: keep it in a field and call it there, never through a copy.</remarks>
internal struct EdgeArray
{
    private SnapshotEdge[]? _items;
    private int _count;

    public readonly ReadOnlySpan<SnapshotEdge> Span => new(_items, 0, _count);

    public readonly IEnumerable<SnapshotEdge> AsEnumerable() =>
        _items is null ? [] : new ArraySegment<SnapshotEdge>(_items, 0, _count);

    public readonly bool Contains(SnapshotEdge edge) => _items is not null && Array.IndexOf(_items, edge, 0, _count) >= 0;

    public void Add(SnapshotEdge edge)
    {
        if (_items is null || _count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(2, _count * 2));
        }
        _items[_count++] = edge;
    }

    /// <summary>Removes the edge and keeps the others in their order.</summary>
    public bool Remove(SnapshotEdge edge)
    {
        var at = _items is null ? -1 : Array.IndexOf(_items, edge, 0, _count);
        if (at < 0)
        {
            return false;
        }
        _count--;
        Array.Copy(_items!, at + 1, _items!, at, _count - at);
        _items![_count] = null!;
        return true;
    }
}
