namespace AssetTrace.Matching;

/// <summary>
/// Names in memory for lookup (#14). Every word's keys, and each key with one letter left out,
/// point to the entries that have them, so a lookup finds names in any script and romanisation and
/// with one typing error per word by a few dictionary probes; the candidates are then scored by
/// <see cref="NameMatcher"/>. Not thread-safe: <see cref="MatchIndexProvider"/> guards it.
/// </summary>
/// <remarks>
/// The deletion neighbourhood ("symmetric delete"): a key and the key with any one letter removed are
/// filed under the same table, and a query probes its keys and their deletions. Two keys one insertion,
/// deletion or substitution apart share an entry in it.
/// </remarks>
public sealed class MatchIndex
{
    // Words this common (a legal form, "group", an initial) find nothing on their own that other words would not.
    private const int CommonPosting = 20_000;
    private const int MaxPrefixKeys = 200;

    private readonly List<Slot?> _slots = [];
    private readonly Dictionary<string, int> _slotOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _keys = new(StringComparer.Ordinal);

    private sealed record Slot(MatchEntry Entry, IReadOnlyList<ParsedName> Names);

    public int Count => _slotOf.Count;

    /// <summary>Adds an entry, or replaces the one with the same id.</summary>
    public void Upsert(MatchEntry entry)
    {
        Remove(entry.Id);
        var names = entry.Subject.Names.Select(ParsedName.Parse).ToList();
        var slot = _slots.Count;
        _slots.Add(new Slot(entry, names));
        _slotOf[entry.Id] = slot;
        foreach (var key in names.SelectMany(n => n.Words).Where(w => !w.IsInitial).SelectMany(w => w.Keys).Distinct())
        {
            _keys.Add(key);
            foreach (var probe in Neighbourhood(key).Distinct())
            {
                if (!_postings.TryGetValue(probe, out var list))
                {
                    _postings[probe] = list = [];
                }
                list.Add(slot);
            }
        }
    }

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
        var candidates = Candidates(queryNames, search);
        var hits = new List<MatchHit>();
        var scored = 0;
        var exact = true;
        // Entries that share more of the query's words are scored first: they are the likely matches.
        foreach (var (slot, _) in candidates.OrderByDescending(c => c.Value).ThenBy(c => c.Key))
        {
            if (_slots[slot] is not { } s || !visible(s.Entry))
            {
                continue;
            }
            if (scored++ == scoreBudget)
            {
                exact = false;
                break;
            }
            var match = NameMatcher.Best(queryNames, query, s.Names, s.Entry.Subject, search);
            if (match.Score >= threshold)
            {
                hits.Add(new MatchHit(s.Entry, match));
            }
        }
        var ordered = hits.OrderByDescending(h => h.Match.Score).ThenBy(h => h.Entry.Subject.Names[0], StringComparer.Ordinal).ThenBy(h => h.Entry.Id, StringComparer.Ordinal);
        exact &= hits.Count <= countBound;
        return new MatchHits([.. ordered.Take(take)], exact ? hits.Count : Math.Min(hits.Count, countBound), exact);
    }

    private Dictionary<int, int> Candidates(List<ParsedName> queryNames, bool search)
    {
        var hits = new Dictionary<int, int>();
        var words = queryNames.SelectMany(n => n.Words).Where(w => !w.IsInitial).ToList();
        foreach (var word in words)
        {
            var slots = new HashSet<int>();
            foreach (var key in word.Keys)
            {
                foreach (var probe in Neighbourhood(key))
                {
                    if (_postings.TryGetValue(probe, out var list) && (list.Count <= CommonPosting || words.Count == 1))
                    {
                        slots.UnionWith(list);
                    }
                }
                if (search && key.Length >= 3)
                {
                    foreach (var longer in _keys.GetViewBetween(key, key + '\uffff').Take(MaxPrefixKeys))
                    {
                        if (_postings.TryGetValue(longer, out var list) && list.Count <= CommonPosting)
                        {
                            slots.UnionWith(list);
                        }
                    }
                }
            }
            foreach (var slot in slots)
            {
                hits[slot] = hits.GetValueOrDefault(slot) + 1;
            }
        }
        return hits;
    }

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
}
