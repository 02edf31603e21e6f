using System.Numerics;
using System.Runtime.InteropServices;

namespace AssetTrace.Matching;

/// <summary>
/// One lookup's working memory: which query words each entry shares, in an array indexed by slot rather than a
/// dictionary, since a common surname among ten million names marks tens of thousands of entries per word and a
/// dictionary's hashing would be most of the lookup. One per thread, kept between lookups, so that a lookup
/// allocates nothing in proportion to its candidates (at ten million names such arrays went to the large object
/// heap and each lookup paid for a full collection); only the slots a lookup marked are cleared after it.
/// </summary>
internal sealed class LookupScratch
{
    [ThreadStatic]
    private static LookupScratch? t_current;

    // Per slot, in one word so that marking and ranking a slot reads one place: the query words it shares, a bit
    // each, in the low half, and the places in its names of the words that agreed (MatchIndex.Posting) above them.
    private ulong[] _marks = [];
    // A bit per slot, set when first marked: read in order it gives the marked slots sorted, without sorting them.
    private ulong[] _marked = [];
    private int _lowestWord = int.MaxValue;
    private int _highestWord = -1;
    private int _markedCount;
    private int[] _slots = [];

    /// <summary>The marked slots in slot order, as of the last <see cref="Seal"/>.</summary>
    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, SlotCount);

    public int SlotCount { get; private set; }

    private double[] _quickBounds = [];

    /// <summary>A table of <paramref name="length"/> bounds, each not yet worked out (NaN), kept for the next lookup's room.</summary>
    public Span<double> QuickBounds(int length)
    {
        if (_quickBounds.Length < length)
        {
            _quickBounds = new double[length];
        }
        var bounds = _quickBounds.AsSpan(0, length);
        bounds.Fill(double.NaN);
        return bounds;
    }

    /// <summary>The candidates a lookup ranks, kept for the next lookup's room.</summary>
    public List<(int Slot, double Best)> Ranked { get; } = [];

    public static LookupScratch For(int slots)
    {
        var scratch = t_current ??= new LookupScratch();
        if (scratch._marks.Length < slots)
        {
            var length = Math.Max(slots, scratch._marks.Length * 2);
            scratch._marks = new ulong[length];
            scratch._marked = new ulong[(length >> 6) + 1];
        }
        return scratch;
    }

    /// <summary>The query words a marked slot shares, a bit each.</summary>
    public uint Bits(int slot) => (uint)_marks[slot];

    /// <summary>The places in its names of the words of a marked slot that agreed with any query word, a bit each.</summary>
    public ushort Words(int slot) => (ushort)(_marks[slot] >> 32);

    /// <summary>Marks the slots of <paramref name="postings"/> (<see cref="MatchIndex.Posting"/>) with <paramref name="bits"/>.</summary>
    public void Mark(List<int> postings, uint bits)
    {
        var marks = _marks;
        var marked = _marked;
        foreach (var posting in CollectionsMarshal.AsSpan(postings))
        {
            var slot = posting >> MatchIndex.WordBits;
            ref var mark = ref marks[slot];
            if (mark == 0)
            {
                _markedCount++;
                marked[slot >> 6] |= 1UL << slot;
                _lowestWord = Math.Min(_lowestWord, slot >> 6);
                _highestWord = Math.Max(_highestWord, slot >> 6);
            }
            mark |= bits | (1UL << (32 + (posting & MatchIndex.ManyWords)));
        }
    }

    /// <summary>
    /// Lists the slots marked so far in slot order (<see cref="Slots"/>); after it, <see cref="MarkAmong"/> may note
    /// more words on them but no new slot is marked.
    /// </summary>
    public void Seal()
    {
        if (_slots.Length < _markedCount)
        {
            _slots = new int[Math.Max(_markedCount, _slots.Length * 2)];
        }
        var at = 0;
        for (var word = _lowestWord; word <= _highestWord; word++)
        {
            for (var bits = _marked[word]; bits != 0; bits &= bits - 1)
            {
                _slots[at++] = (word << 6) + BitOperations.TrailingZeroCount(bits);
            }
        }
        SlotCount = at;
    }

    /// <summary>
    /// Marks with <paramref name="bits"/> the slots of <paramref name="postings"/> that are among the sealed
    /// <see cref="Slots"/>, and no others (#14). A key's postings are in slot order, since an entry always takes a new
    /// slot at the end: a long list is searched for each marked slot instead of being read through.
    /// </summary>
    public void MarkAmong(List<int> postings, uint bits)
    {
        var all = CollectionsMarshal.AsSpan(postings);
        var marked = Slots;
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
        ref var mark = ref _marks[posting >> MatchIndex.WordBits];
        if (mark != 0)
        {
            mark |= bits | (1UL << (32 + (posting & MatchIndex.ManyWords)));
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
        if (SlotCount == _markedCount)
        {
            foreach (var slot in Slots)
            {
                _marks[slot] = 0;
            }
        }
        else
        {
            // Not sealed (the lookup failed half-way): the bitmap says what was marked.
            for (var word = _lowestWord; word <= _highestWord; word++)
            {
                for (var bits = _marked[word]; bits != 0; bits &= bits - 1)
                {
                    _marks[(word << 6) + BitOperations.TrailingZeroCount(bits)] = 0;
                }
            }
        }
        if (_highestWord >= _lowestWord)
        {
            Array.Clear(_marked, _lowestWord, _highestWord - _lowestWord + 1);
        }
        _lowestWord = int.MaxValue;
        _highestWord = -1;
        _markedCount = SlotCount = 0;
        Ranked.Clear();
    }
}
