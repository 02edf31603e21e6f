namespace AssetTrace.Matching;

/// <summary>
/// One instance of each often-repeated short value (a node kind, a country, a birth date, a case id) while the
/// match index reads millions of nodes: read from the store, each row's copy would otherwise be kept with its entry,
/// some 40 bytes apiece, a few hundred MiB at ten million names. Not thread-safe: one reader fills it.
/// </summary>
/// <remarks>Bounded, so that a store full of distinct values costs a fixed table, not a second copy of them.</remarks>
internal sealed class SharedStrings(int capacity = SharedStrings.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>The instance already seen equal to <paramref name="value"/>, or <paramref name="value"/> kept for next time.</summary>
    public string? Share(string? value)
    {
        if (value is null || value.Length > 32)
        {
            return value;
        }
        if (_values.TryGetValue(value, out var shared))
        {
            return shared;
        }
        if (_values.Count < capacity)
        {
            _values[value] = value;
        }
        return value;
    }
}
