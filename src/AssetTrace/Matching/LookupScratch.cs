using System.Numerics;
using System.Runtime.InteropServices;

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

    /// <summary>Per slot, the query words it shares, a bit each.</summary>
    public uint[] Bits { get; private set; } = [];

    /// <summary>Per slot, the places in its names of the words that agreed with any query word (<see cref="MatchIndex.Posting"/>).</summary>
    public ushort[] Words { get; private set; } = [];

    /// <summary>The slots marked, each once, in the order first marked.</summary>
    public List<int> Touched { get; } = [];

    public static LookupScratch For(int slots)
    {
        var scratch = t_current ??= new LookupScratch();
        if (scratch.Bits.Length < slots)
        {
            var length = Math.Max(slots, scratch.Bits.Length * 2);
            scratch.Bits = new uint[length];
            scratch.Words = new ushort[length];
        }
        return scratch;
    }

    /// <summary>Marks the slots of <paramref name="postings"/> (<see cref="MatchIndex.Posting"/>) with <paramref name="bits"/>.</summary>
    public void Mark(List<int> postings, uint bits)
    {
        var marks = Bits;
        var words = Words;
        foreach (var posting in postings)
        {
            var slot = posting >> MatchIndex.WordBits;
            if (marks[slot] == 0)
            {
                Touched.Add(slot);
            }
            marks[slot] |= bits;
            words[slot] |= (ushort)(1 << (posting & MatchIndex.ManyWords));
        }
    }

    /// <summary>
    /// Marks with <paramref name="bits"/> the slots of <paramref name="postings"/> that are among <paramref name="marked"/>
    /// (sorted, each already marked), and no others (#14). A key's postings are in slot order, since an entry always
    /// takes a new slot at the end: a long list is searched for each marked slot instead of being read through.
    /// </summary>
    public void MarkAmong(List<int> postings, uint bits, int[] marked)
    {
        var all = CollectionsMarshal.AsSpan(postings);
        if (all.Length / (BitOperations.Log2((uint)all.Length) + 1) <= marked.Length)
        {
            foreach (var posting in all)
            {
                MarkIfMarked(posting, bits);
            }
            return;
        }
        var from = 0;
        foreach (var slot in marked)
        {
            from += FirstAtOrAfter(all[from..], slot);
            for (var i = from; i < all.Length && all[i] >> MatchIndex.WordBits == slot; i++)
            {
                MarkIfMarked(all[i], bits);
            }
            if (from == all.Length)
            {
                return;
            }
        }
    }

    private void MarkIfMarked(int posting, uint bits)
    {
        var slot = posting >> MatchIndex.WordBits;
        if (Bits[slot] != 0)
        {
            Bits[slot] |= bits;
            Words[slot] |= (ushort)(1 << (posting & MatchIndex.ManyWords));
        }
    }

    /// <summary>The index of the first posting of <paramref name="slot"/> or a later slot.</summary>
    private static int FirstAtOrAfter(ReadOnlySpan<int> postings, int slot)
    {
        int low = 0, high = postings.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (postings[middle] >> MatchIndex.WordBits < slot)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    public void Clear()
    {
        foreach (var slot in Touched)
        {
            Bits[slot] = 0;
            Words[slot] = 0;
        }
        Touched.Clear();
    }
}
