namespace AssetTrace.Matching;

/// <summary>
/// One lookup's working memory: which query words each entry shares, one bit per word, in an array
/// indexed by slot rather than a dictionary, since a common surname among a million names marks tens of
/// thousands of entries per word and a dictionary's hashing would be most of the lookup. One per thread,
/// kept between lookups; only the slots a lookup marked are cleared after it.
/// </summary>
internal sealed class LookupScratch
{
    [ThreadStatic]
    private static LookupScratch? t_current;

    public uint[] Bits { get; private set; } = [];

    /// <summary>The slots marked, each once, in the order first marked.</summary>
    public List<int> Touched { get; } = [];

    public static LookupScratch For(int slots)
    {
        var scratch = t_current ??= new LookupScratch();
        if (scratch.Bits.Length < slots)
        {
            scratch.Bits = new uint[Math.Max(slots, scratch.Bits.Length * 2)];
        }
        return scratch;
    }

    public void Mark(List<int> slots, uint bits)
    {
        var marks = Bits;
        foreach (var slot in slots)
        {
            if (marks[slot] == 0)
            {
                Touched.Add(slot);
            }
            marks[slot] |= bits;
        }
    }

    public void Clear()
    {
        foreach (var slot in Touched)
        {
            Bits[slot] = 0;
        }
        Touched.Clear();
    }
}
