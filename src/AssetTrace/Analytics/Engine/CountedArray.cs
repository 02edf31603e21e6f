namespace AssetTrace.Analytics.Engine;

/// <summary>
/// A growable array and its count, held by value in the node that owns it: a node's edges (<see cref="EdgeArray"/>)
/// and links (<see cref="LinkArray"/>). A <see cref="List{T}"/> would add an object of 32 bytes and one more
/// reference to follow per list, several lists per node, millions of nodes (#18).
/// </summary>
/// <remarks>A mutable struct: keep it in a field and call it there, never through a copy.</remarks>
internal struct CountedArray<T>
{
    private T[]? _items;
    private int _count;

    public readonly int Count => _count;

    /// <summary>The array behind the items, or null before the first; only its first <see cref="Count"/> are items.</summary>
    public readonly T[]? Items => _items;

    public readonly ReadOnlySpan<T> Span => new(_items, 0, _count);

    /// <summary>Room for this many items in all, made at once; nothing when there is room already.</summary>
    public void Reserve(int capacity)
    {
        if (capacity > (_items?.Length ?? 0))
        {
            Array.Resize(ref _items, capacity);
        }
    }

    public void Add(T item)
    {
        if (_items is null || _count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(2, _count * 2));
        }
        _items[_count++] = item;
    }

    /// <summary>Removes the item at <paramref name="at"/> and keeps the others in their order.</summary>
    public void RemoveAt(int at)
    {
        _count--;
        Array.Copy(_items!, at + 1, _items!, at, _count - at);
        _items![_count] = default!;
    }

    public readonly void Set(int at, T item) => _items![at] = item;
}
