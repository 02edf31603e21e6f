using System.Numerics;
using System.Runtime.InteropServices;

namespace AssetTrace.Matching;

/// <summary>
/// Names in memory for lookup (#14). Every word's keys point to the entries that have them, and each key
/// with one letter left out points to the keys, so a lookup finds names in any script and romanisation and
/// with one typing error per word by a few dictionary probes; the candidates are then scored by
/// <see cref="NameMatcher"/>. Lookups may run together; a change may not run beside them:
/// <see cref="MatchIndexProvider"/> guards it.
/// </summary>
/// <remarks>
/// The deletion neighbourhood ("symmetric delete"): a key and the key with any one letter removed are
/// filed under the same table, and a query probes its keys and their deletions. Two keys one insertion,
/// deletion, substitution or swap apart share an entry in it. Identifiers are filed as written after
/// normalisation (<see cref="Evidence.Normalise"/>), so an identifier finds its holder whatever the name.
/// </remarks>
public sealed class MatchIndex(int commonPosting = MatchIndex.CommonPosting)
{
    /// <summary>
    /// Keys filed for more entries than this are not looked up in a query of several words; the lookup then
    /// assumes every candidate shares that word, which weakens the bound (at a million names a first name one
    /// woman in twenty bears, cut at 20,000, made every holder of the surname a candidate to score). Visiting a
    /// key's entries costs a few nanoseconds each, so only a key filed for a large share of a national register is cut.
    /// </summary>
    public const int CommonPosting = 1_000_000;
    private const int MaxPrefixKeys = 200;
    private const int MaxQueryWords = 30;
    // Queries of up to this many words get a table of bounds by shared words and levels (Ranked): 65,536 entries at most.
    private const int QuickBoundWords = 4;
    // Shorter identifiers say too little to find anyone by (Evidence ignores them too).
    private const int MinIdentifier = 4;

    // Only the entry is kept, not its parsed words: keeping every parsed word of a million names would cost
    // gigabytes. A lookup parses its candidates again, each distinct name once (Score), their words' keys cached (WordKeys).
    private readonly List<MatchEntry?> _slots = [];
    // How many initials each entry's names have at most ("S. Akhmetov": 1): query words may pair with them unindexed.
    private readonly List<byte> _initials = [];
    // How many words (initials included) each entry's shortest name has: a query of fewer words leaves the rest of
    // them unpaired, and each such word costs the score something (NameComparison), which tightens the bound.
    private readonly List<byte> _wordCounts = [];
    private readonly Dictionary<string, int> _slotOf = new(StringComparer.Ordinal);
    // Every distinct key has an id: a reading of a word (Romanisation), a word as written (marked \u0001) or an
    // identifier (marked \u0002); each key's postings list the entries that have it, once each.
    private readonly Dictionary<string, int> _keyIds = new(StringComparer.Ordinal);
    private readonly List<string> _keyNames = [];
    private readonly List<List<int>> _keyPostings = [];
    // The postings of entries whose names have initials are kept apart, by key: a query word may pair with an
    // initial, so such an entry can reach the threshold without sharing a query's rare word (see Driving).
    private readonly Dictionary<int, List<int>> _initialledPostings = [];
    // The readings in order, for a search's word prefixes.
    private readonly SortedSet<string> _readings = new(StringComparer.Ordinal);
    // Each key and its one-letter deletions, by a 64-bit hash, to the keys that have it in their neighbourhood: a
    // lookup gathers the few keys one typo away, then visits each key's entries once. (Filing entries under every
    // deletion instead made a lookup of a common surname visit its holders some thirty times.) The value is one
    // key id, or when several share the probe the complement of an index into _nearLists. A hash collision only
    // adds a key, whose entries scoring then drops.
    private readonly Dictionary<ulong, int> _near = [];
    private readonly List<List<int>> _nearLists = [];

    public int Count => _slotOf.Count;

    /// <summary>
    /// Room for <paramref name="entries"/> entries before a first load: the slot tables then grow once, rather than by
    /// doubling, each doubling leaving the old table (hundreds of MiB at ten million names) for the collector.
    /// </summary>
    public void Reserve(int entries)
    {
        _slots.Capacity = Math.Max(_slots.Capacity, entries);
        _initials.Capacity = Math.Max(_initials.Capacity, entries);
        _wordCounts.Capacity = Math.Max(_wordCounts.Capacity, entries);
        _slotOf.EnsureCapacity(entries);
    }

    /// <summary>After a load, gives back the room the postings grew into but do not use (up to half of a list).</summary>
    public void TrimExcess()
    {
        foreach (var postings in _keyPostings)
        {
            postings.TrimExcess();
        }
        foreach (var postings in _initialledPostings.Values)
        {
            postings.TrimExcess();
        }
    }

    /// <summary>Adds an entry, or replaces the one with the same id.</summary>
    public void Upsert(MatchEntry entry)
    {
        Remove(entry.Id);
        var names = entry.Subject.Names.Select(ParsedName.Parse).ToList();
        var slot = _slots.Count;
        _slots.Add(entry);
        _initials.Add((byte)Math.Min(byte.MaxValue, names.Select(n => n.Words.Count(w => w.IsInitial)).DefaultIfEmpty(0).Max()));
        _wordCounts.Add((byte)Math.Min(byte.MaxValue, names.Select(n => n.Words.Count).DefaultIfEmpty(0).Min()));
        _slotOf[entry.Id] = slot;
        // Each posting is the slot and the word's place in its name (see Posting): a lookup then knows how many
        // different words of a candidate agreed, not only which query words found it.
        var postings = new HashSet<(int Key, int Word)>();
        foreach (var name in names)
        {
            foreach (var (word, place) in name.Words.Where(w => !w.IsInitial).Select((w, i) => (w, Math.Min(i, ManyWords))))
            {
                // Every reading, and the word as written: the matcher accepts a typo against any of them.
                foreach (var key in word.Keys)
                {
                    postings.Add((KeyId(key, reading: true), place));
                }
                postings.Add((KeyId(Written + word.Text, reading: false), place));
            }
        }
        foreach (var identifier in entry.Subject.Identifiers ?? [])
        {
            if (Evidence.Normalise(identifier) is { Length: >= MinIdentifier } normalised)
            {
                postings.Add((KeyId(Identifier + normalised, reading: false), ManyWords));
            }
        }
        foreach (var (key, word) in postings)
        {
            PostingsOf(key, initialled: _initials[slot] > 0, adding: true)!.Add(Posting(slot, word));
        }
    }

    // Marks that keep a word as written and an identifier apart from every reading.
    private const char Written = '\u0001';
    private const char Identifier = '\u0002';

    /// <summary>A key's postings of entries with initials or of those without; null when there are none and none are being added.</summary>
    private List<int>? PostingsOf(int key, bool initialled, bool adding = false)
    {
        if (!initialled)
        {
            return _keyPostings[key];
        }
        if (!_initialledPostings.TryGetValue(key, out var postings) && adding)
        {
            _initialledPostings[key] = postings = [];
        }
        return postings;
    }

    private int PostingCount(int key) => _keyPostings[key].Count + (PostingsOf(key, initialled: true)?.Count ?? 0);

    /// <summary>The id of a key, filing a new one under its neighbourhood (an identifier only under itself).</summary>
    private int KeyId(string key, bool reading)
    {
        if (_keyIds.TryGetValue(key, out var id))
        {
            return id;
        }
        id = _keyPostings.Count;
        _keyIds[key] = id;
        _keyNames.Add(key);
        _keyPostings.Add(new List<int>(1));
        if (reading)
        {
            _readings.Add(key);
        }
        foreach (var probe in Probes(key))
        {
            AddNear(probe, id);
        }
        return id;
    }

    /// <summary>
    /// A key's probes: itself and its one-letter deletions. A word as written is one too: the matcher also judges a
    /// typo on the letters as written, and the readings can hide it (Ппоов reads "pov" and Попов "popov"; Ashat
    /// reads "aSat" and Askhat "ashat"). An identifier's probe is only itself: identifiers agree exactly.
    /// </summary>
    private static IEnumerable<ulong> Probes(string key) =>
        key[0] == Identifier ? [Hash(key)]
        : key[0] == Written ? Neighbourhood(key[1..]).Select(p => Hash(Written + p))
        : Neighbourhood(key).Select(Hash);

    private void AddNear(ulong probe, int key)
    {
        if (!_near.TryGetValue(probe, out var found))
        {
            _near[probe] = key;
        }
        else if (found >= 0)
        {
            if (found != key)
            {
                _nearLists.Add([found, key]);
                _near[probe] = ~(_nearLists.Count - 1);
            }
        }
        else if (_nearLists[~found][^1] != key)
        {
            _nearLists[~found].Add(key);
        }
    }

    /// <summary>Adds to <paramref name="keys"/> the keys that have <paramref name="probe"/> in their neighbourhood.</summary>
    private void Near(ulong probe, HashSet<int> keys)
    {
        if (_near.TryGetValue(probe, out var found))
        {
            if (found >= 0)
            {
                keys.Add(found);
            }
            else
            {
                keys.UnionWith(_nearLists[~found]);
            }
        }
    }

    /// <summary>
    /// A slot and the place of the word in its name, in one int: the place in the low four bits, where
    /// <see cref="ManyWords"/> stands for the sixteenth word and later, and for an identifier (no bound then).
    /// </summary>
    internal static int Posting(int slot, int word) => (slot << WordBits) | word;

    internal const int WordBits = 4;
    internal const int ManyWords = (1 << WordBits) - 1;

    /// <summary>Removes an entry; its postings are left to be skipped (a removed slot is null).</summary>
    public void Remove(string id)
    {
        if (_slotOf.Remove(id, out var slot))
        {
            _slots[slot] = null;
        }
    }

    /// <summary>
    /// The entries that match the query at or above <paramref name="threshold"/>, best first, among those
    /// <paramref name="visible"/> lets through: what it refuses is neither scored nor counted.
    /// </summary>
    /// <param name="take">How many of the best to return.</param>
    /// <param name="countBound">Up to how many matches are counted exactly.</param>
    /// <param name="scoreBudget">How many candidates are scored at most; past it the total is a lower bound.</param>
    public MatchHits Find(MatchSubject query, bool search, Func<MatchEntry, bool> visible, double threshold, int take, int countBound, int scoreBudget = 5000)
    {
        var queryNames = query.Names.Select(ParsedName.Parse).ToList();
        var words = queryNames.SelectMany(n => n.Words).Where(w => !w.IsInitial).Take(MaxQueryWords).ToList();
        var identifiers = query.Identifiers?.Select(Evidence.Normalise).Where(i => i.Length >= MinIdentifier).Distinct().ToList() ?? [];
        var scratch = LookupScratch.For(_slots.Count);
        try
        {
            // Evidence can lift a score, and the bound is of one name's words: then every candidate is scored.
            var prune = queryNames.Count == 1 && threshold >= WordComparison.InitialScore
                && query.BirthDate is null && query.Country is null && identifiers.Count == 0;
            QueryShape? shape = prune ? new(queryNames[0].Words.Count, queryNames[0].LegalForms.Count > 0, search) : null;
            var common = Candidates(words, identifiers, search, scratch, threshold, shape);
            var ranked = Ranked(words, scratch, common, threshold, shape);
            return Score(ranked, queryNames, query, search, visible, threshold, take, countBound, scoreBudget);
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>
    /// The candidates worth scoring, the most promising first: the best a candidate can score from the query
    /// words it shares, when there is a <paramref name="shape"/> to bound it by, must reach the threshold. That is what keeps a lookup of
    /// a common surname among a million names short: most of its holders share one word of the query only.
    /// </summary>
    private List<(int Slot, double Best)> Ranked(List<NameWord> words, LookupScratch scratch, uint common, double threshold, QueryShape? shape)
    {
        var ranked = scratch.Ranked;
        // Many candidates share the same words: the bound is worked out once per set of shared words.
        var bounds = new Dictionary<ulong, double>();
        // Most candidates share only the words they were gathered by, too few to reach the threshold. The bound of the
        // shared words alone, as if each agreed and no word of the candidate were left unpaired, is at least the full
        // bound of a candidate without initials: it drops them without working out the rest.
        var quickly = shape is not null && words.Count <= QuickBoundWords;
        var byShared = quickly ? scratch.QuickBounds(1 << (SharedWords.Full * words.Count)) : [];
        var initials = CollectionsMarshal.AsSpan(_initials);
        var wordCounts = CollectionsMarshal.AsSpan(_wordCounts);
        var commonWords = Enumerable.Range(0, words.Count).Count(w => SharedWords.Level(common, w, words.Count) > 0);
        foreach (var slot in scratch.Slots)
        {
            var best = 1.0;
            if (shape is { } query)
            {
                var shared = scratch.Bits(slot) | common;
                if (quickly && initials[slot] == 0)
                {
                    ref var quick = ref byShared[(int)shared];
                    if (double.IsNaN(quick))
                    {
                        quick = CandidateBound.Of(words, shared, MaxQueryWords, initials: 0, query);
                    }
                    if (quick < threshold)
                    {
                        continue;
                    }
                }
                // Each query word pairs with a different word of the candidate: no more can agree than it has words that did.
                var places = scratch.Words(slot);
                // A word too common to look up may have agreed with one more word each.
                var agreeing = (places & (1 << ManyWords)) != 0 ? MaxQueryWords : BitOperations.PopCount(places) + commonWords;
                // Each query word, an initial too, pairs with one word of the candidate at most: its other words are unpaired.
                var unpaired = Math.Max(0, wordCounts[slot] - query.Words);
                var key = ((ulong)unpaired << 48) | ((ulong)agreeing << 40) | ((ulong)initials[slot] << 32) | shared;
                if (!bounds.TryGetValue(key, out best))
                {
                    bounds[key] = best = CandidateBound.Of(words, shared, agreeing, initials[slot], query, unpaired);
                }
            }
            if (best >= threshold)
            {
                ranked.Add((slot, best));
            }
        }
        ranked.Sort((a, b) => a.Best != b.Best ? b.Best.CompareTo(a.Best) : a.Slot.CompareTo(b.Slot));
        return ranked;
    }

    /// <summary>
    /// Scores the candidates in order. Once more than <paramref name="countBound"/> have matched (the total is
    /// then "more than") and the <paramref name="take"/> best found score at least what any candidate left could,
    /// the rest cannot change the answer and are not scored.
    /// </summary>
    private MatchHits Score(List<(int Slot, double Best)> ranked, List<ParsedName> queryNames, MatchSubject query, bool search,
        Func<MatchEntry, bool> visible, double threshold, int take, int countBound, int scoreBudget)
    {
        var hits = new List<(MatchEntry Entry, double Score)>();
        var best = new PriorityQueue<double, double>();
        var scored = 0;
        var exact = true;
        // Many holders share a name (thousands hold a common one in a national register): the names are compared
        // once per distinct set of names in a lookup, and each holder's own evidence is applied to that score.
        var byNames = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (slot, bound) in ranked)
        {
            // The bound is rounded as scores are reported: against the exact bound, a tie (every holder of a patronymic
            // scores 0.8333 of a bound of 0.83333…) would never let the lookup stop.
            if (hits.Count > countBound && best.Count == take && best.Peek() >= bound)
            {
                exact = false;
                break;
            }
            if (_slots[slot] is not { } entry || !visible(entry))
            {
                continue;
            }
            if (scored++ == scoreBudget)
            {
                exact = false;
                break;
            }
            var names = entry.Subject.Names;
            var namesKey = names.Count == 1 ? names[0] : string.Join('\u001f', names);
            if (!byNames.TryGetValue(namesKey, out var nameScore))
            {
                byNames[namesKey] = nameScore = NameMatcher.BestScore(queryNames, names.Select(ParsedName.Parse), search);
            }
            var score = NameMatcher.ScoreWithEvidence(nameScore, query, entry.Subject);
            if (score >= threshold)
            {
                hits.Add((entry, score));
                best.Enqueue(score, score);
                if (best.Count > take)
                {
                    best.Dequeue();
                }
            }
        }
        var ordered = hits.OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Subject.Names[0], StringComparer.Ordinal).ThenBy(h => h.Entry.Id, StringComparer.Ordinal);
        exact &= hits.Count <= countBound;
        // Only the hits shown are explained: their names are compared again, the same way, building the explanation.
        var shown = ordered.Take(take)
            .Select(h => new MatchHit(h.Entry, NameMatcher.Best(queryNames, query, h.Entry.Subject.Names.Select(ParsedName.Parse), h.Entry.Subject, search)))
            .ToList();
        return new MatchHits(shown, exact ? hits.Count : Math.Min(hits.Count, countBound), exact);
    }

    /// <summary>
    /// Marks in <paramref name="scratch"/> every entry that shares a query word (one bit per word) or an
    /// identifier (every bit: an identifier agreeing is strong evidence on its own), as far as the bound at
    /// <paramref name="threshold"/> needs when there is a <paramref name="shape"/> to bound by (see <see cref="Driving"/>).
    /// Returns the bits of the words too common to look up in a query of several words: any entry may share those.
    /// </summary>
    private uint Candidates(List<NameWord> words, List<string> identifiers, bool search, LookupScratch scratch, double threshold, QueryShape? shape)
    {
        var common = 0u;
        var keysOf = new List<List<(int Key, int Level)>>(words.Count);
        var near = new HashSet<int>();
        var prefixed = new HashSet<int>();
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            near.Clear();
            prefixed.Clear();
            foreach (var probe in word.Keys.SelectMany(Probes).Concat(Probes(Written + word.Text)))
            {
                Near(probe, near);
            }
            var levels = near.Select(key => (Key: key, Level: LevelThrough(word, _keyNames[key]))).Where(k => k.Level > 0).ToList();
            if (search)
            {
                foreach (var key in word.Keys.Where(k => k.Length >= 3))
                {
                    foreach (var longer in _readings.GetViewBetween(key, key + '\uffff').Take(MaxPrefixKeys))
                    {
                        prefixed.Add(_keyIds[longer]);
                    }
                }
                // A key one deletion away that agrees with no reading is still a prefix when it starts with one.
                prefixed.ExceptWith(levels.Select(k => k.Key));
            }
            // A single word is looked up however common; a prefix only when it is not.
            var keys = new List<(int Key, int Level)>();
            foreach (var (key, level, always) in levels.Select(k => (k.Key, k.Level, words.Count == 1)).Concat(prefixed.Select(k => (k, SharedWords.Prefix, false))))
            {
                if (PostingCount(key) <= commonPosting || always)
                {
                    keys.Add((key, level));
                }
                else
                {
                    common |= 1u << w;
                }
            }
            keysOf.Add(keys);
        }
        var all = words.Count == 0 ? 0u : uint.MaxValue >> (32 - words.Count);
        // Entries with initials apart: a query word may pair with one of their initials instead of being shared.
        var (drivingWithout, drivingWith) = shape is { } query
            ? (Driving(words, keysOf, all, common, threshold, initials: 0, query), Driving(words, keysOf, all, common, threshold, initials: words.Count, query))
            : (all, all);
        MarkWords(keysOf, drivingWithout, initialled: false, scratch, among: false);
        MarkWords(keysOf, drivingWith, initialled: true, scratch, among: false);
        foreach (var identifier in identifiers)
        {
            if (_keyIds.TryGetValue(Identifier + identifier, out var key))
            {
                scratch.Mark(_keyPostings[key], uint.MaxValue);
                if (PostingsOf(key, initialled: true) is { } initialled)
                {
                    scratch.Mark(initialled, uint.MaxValue);
                }
            }
        }
        scratch.Seal();
        // The other words are only noted on the entries already marked: an entry without a driving word is
        // dropped by the bound whatever else it shares.
        MarkWords(keysOf, all & ~drivingWithout, initialled: false, scratch, among: true);
        MarkWords(keysOf, all & ~drivingWith, initialled: true, scratch, among: true);
        return SharedWords.AtFullLevel(common, words.Count);
    }

    /// <summary>
    /// Marks the entries with (or without) initials that hold the <paramref name="chosen"/> words' keys: all of them,
    /// or with <paramref name="among"/> only those already marked.
    /// </summary>
    private void MarkWords(List<List<(int Key, int Level)>> keysOf, uint chosen, bool initialled, LookupScratch scratch, bool among)
    {
        for (var w = 0; w < keysOf.Count; w++)
        {
            if ((chosen & (1u << w)) == 0)
            {
                continue;
            }
            foreach (var (key, level) in keysOf[w])
            {
                if (PostingsOf(key, initialled) is not { } postings)
                {
                    continue;
                }
                var bits = SharedWords.Of(w, level, keysOf.Count);
                if (among)
                {
                    scratch.MarkAmong(postings, bits);
                }
                else
                {
                    scratch.Mark(postings, bits);
                }
            }
        }
    }

    /// <summary>
    /// The query words whose holders are enough to gather (#14): the rarest first, until an entry that shares none
    /// of them could not reach <paramref name="threshold"/> even sharing every other word, with every word of it
    /// agreeing and with <paramref name="initials"/> initials. <see cref="CandidateBound"/> only grows with the words
    /// shared, the words agreeing and the initials, so such an entry is one <see cref="Ranked"/> would drop: the
    /// answer stays the same, but a common first name's hundreds of thousands of holders are no longer each
    /// visited, only checked against the holders of the rare surname. A typo in the rare word changes nothing
    /// here: its keys one letter apart are among its keys (<see cref="Near"/>). An initial does: "Serik A." scores
    /// 0.9 against "Serik Akhmetvo" without sharing the surname, so entries with initials are chosen for with as
    /// many initials as the query has words, which mostly means every word is gathered for them.
    /// </summary>
    private uint Driving(List<NameWord> words, List<List<(int Key, int Level)>> keysOf, uint all, uint common, double threshold, int initials, QueryShape shape)
    {
        var driving = 0u;
        var rarestFirst = Enumerable.Range(0, words.Count).OrderBy(w => keysOf[w].Sum(key => (long)PostingCount(key.Key)));
        foreach (var w in rarestFirst)
        {
            if (CandidateBound.Of(words, SharedWords.AtFullLevel((all & ~driving) | common, words.Count), MaxQueryWords, initials, shape) < threshold)
            {
                return driving;
            }
            driving |= 1u << w;
        }
        return all;
    }

    /// <summary>How well a word filed under <paramref name="key"/> can agree with <paramref name="word"/> (<see cref="SharedWords"/>); 0 when not at all.</summary>
    private static int LevelThrough(NameWord word, string key) =>
        key[0] == Identifier ? 0
        : SharedWords.LevelOf(key[0] == Written ? WordComparison.BestThrough(word, key[1..], written: true) : WordComparison.BestThrough(word, key, written: false));

    /// <summary>The key itself and, for keys of four letters or more, the key with each one letter left out.</summary>
    private static IEnumerable<string> Neighbourhood(string key)
    {
        yield return key;
        if (key.Length < 4)
        {
            yield break;
        }
        for (var i = 0; i < key.Length; i++)
        {
            yield return string.Concat(key.AsSpan(0, i), key.AsSpan(i + 1));
        }
    }

    /// <summary>FNV-1a, 64 bits: stable across processes (string.GetHashCode is not) and cheap.</summary>
    private static ulong Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
