namespace AssetTrace.Matching;

/// <summary>
/// Scores two names word by word, in any order (#14). Each word of one name is paired with at most
/// one word of the other, best agreements first; the score is the weighted mean of the pairs'
/// scores, where words left unpaired count as disagreement, less so when leaving them out is
/// usual: a patronymic, one half of a double surname, or (in a search) the words the query leaves out.
/// </summary>
/// <remarks>
/// In a search the query is what a user typed of a name, often one word ("Harrowby" for "Flat 12, 41 Harrowby
/// Crescent, London W2") or the start of one: the candidate's words it leaves out cost 0.05, 0.025, 0.0125, … in
/// turn, under 0.1 together, so a long name that holds every query word still ranks above the threshold, below a
/// shorter one that holds them too.
/// </remarks>
public static class NameComparison
{
    internal const double InitialWeight = 0.5;
    internal const double LegalFormWeight = 0.1;
    private const double MissingPatronymicWeight = 0.15;
    private const double MissingSurnamePartWeight = 0.3;
    private const double NotInQueryWeight = 0.05;

    /// <summary>Compares two names.</summary>
    /// <param name="search">The first is a search query: the candidate's words it does not name cost little, and its words may be prefixes.</param>
    public static (double Score, List<MatchReason> Reasons) Compare(ParsedName query, ParsedName candidate, bool search)
    {
        var reasons = new List<MatchReason>();
        return (Compare(query, candidate, search, reasons), reasons);
    }

    /// <summary>
    /// The score <see cref="Compare(ParsedName, ParsedName, bool)"/> gives, without its explanation: an index scores
    /// hundreds of candidates to rank and count them, and explains only the few it shows.
    /// </summary>
    internal static double Score(ParsedName query, ParsedName candidate, bool search) => Compare(query, candidate, search, reasons: null);

    private const int OnTheStack = 256;

    private static double Compare(ParsedName query, ParsedName candidate, bool search, List<MatchReason>? reasons)
    {
        if (query.Words.Count == 0 || candidate.Words.Count == 0)
        {
            return 0;
        }
        // Every pair of words that agree at all, on the stack for names of usual length: scoring allocates nothing.
        var most = query.Words.Count * candidate.Words.Count;
        Span<WordPair> pairs = most <= OnTheStack ? stackalloc WordPair[most] : new WordPair[most];
        var count = 0;
        for (var q = 0; q < query.Words.Count; q++)
        {
            for (var c = 0; c < candidate.Words.Count; c++)
            {
                var (score, how) = WordComparison.Compare(query.Words[q], candidate.Words[c], search);
                if (score > 0)
                {
                    pairs[count++] = new WordPair(q, c, score, how);
                }
            }
        }
        // Best agreements first; among equals, words in the same place first, so "Ivan Ivanov" pairs in order.
        pairs = pairs[..count];
        pairs.Sort(static (x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : Math.Abs(x.Q - x.C).CompareTo(Math.Abs(y.Q - y.C)));
        Span<bool> queryUsed = query.Words.Count <= OnTheStack ? stackalloc bool[query.Words.Count] : new bool[query.Words.Count];
        Span<bool> candidateUsed = candidate.Words.Count <= OnTheStack ? stackalloc bool[candidate.Words.Count] : new bool[candidate.Words.Count];
        double sum = 0, weights = 0;
        var strong = false;
        foreach (var (q, c, score, how) in pairs)
        {
            if (queryUsed[q] || candidateUsed[c])
            {
                continue;
            }
            queryUsed[q] = candidateUsed[c] = true;
            var weight = query.Words[q].IsInitial || candidate.Words[c].IsInitial ? InitialWeight : 1;
            sum += weight * score;
            weights += weight;
            strong |= how is MatchHow.Exact or MatchHow.Transliteration or MatchHow.Typo or MatchHow.Prefix;
            reasons?.Add(new MatchReason(query.Words[q].Text, candidate.Words[c].Text, how, score));
        }
        weights += Unpaired(query, queryUsed, asQuery: true, search, reasons);
        weights += Unpaired(candidate, candidateUsed, asQuery: false, search, reasons);
        (sum, weights) = LegalFormsOf(query, candidate, sum, weights, reasons);
        // Initials alone (or a feminine form with initials) do not name anyone.
        var mean = weights == 0 || !strong ? Math.Min(0.5, sum / Math.Max(weights, 1)) : sum / weights;
        return Math.Clamp(mean, 0, 1);
    }

    private readonly record struct WordPair(int Q, int C, double Score, MatchHow How);

    /// <summary>The least a query word left unpaired costs (its weight in the mean): what an index may assume before scoring.</summary>
    internal static double LeastCostOfMissing(NameWord word, IReadOnlyList<NameWord> all) =>
        word.IsPatronymic ? MissingPatronymicWeight
        : all.Any(w => !ReferenceEquals(w, word) && w.Group == word.Group) ? MissingSurnamePartWeight
        : 1.0;

    /// <summary>The least <paramref name="count"/> of a candidate's words left unpaired cost: what an index may assume for the words a shorter query cannot pair.</summary>
    internal static double LeastCostOfUnpairedCandidateWords(int count, bool search)
    {
        var cost = 0.0;
        for (var k = 0; k < count; k++)
        {
            cost += search ? NotInQueryCost(k) : MissingPatronymicWeight;
        }
        return cost;
    }

    /// <summary>What the candidate's <paramref name="left"/>+1-th word the search leaves out costs: half the one before.</summary>
    private static double NotInQueryCost(int left) => NotInQueryWeight / (1L << Math.Min(left, 62));

    private static double Unpaired(ParsedName name, ReadOnlySpan<bool> used, bool asQuery, bool search, List<MatchReason>? reasons)
    {
        var weights = 0.0;
        var leftOut = 0;
        for (var i = 0; i < name.Words.Count; i++)
        {
            if (used[i])
            {
                continue;
            }
            var word = name.Words[i];
            var groupMatched = false;
            for (var j = 0; j < name.Words.Count && !groupMatched; j++)
            {
                groupMatched = j != i && used[j] && name.Words[j].Group == word.Group;
            }
            var (weight, how) =
                word.IsPatronymic ? (MissingPatronymicWeight, MatchHow.MissingPatronymic)
                : groupMatched ? (MissingSurnamePartWeight, MatchHow.MissingSurnamePart)
                : search && !asQuery ? (NotInQueryWeight, MatchHow.NotInQuery)
                : word.IsInitial ? (InitialWeight, MatchHow.Unmatched)
                : (1.0, MatchHow.Unmatched);
            // A search names part of a name: whatever kind of word it leaves out of the candidate costs little.
            weights += search && !asQuery ? NotInQueryCost(leftOut++) : weight;
            reasons?.Add(asQuery ? new MatchReason(word.Text, null, how, 0) : new MatchReason(null, word.Text, how, 0));
        }
        return weights;
    }

    private static (double Sum, double Weights) LegalFormsOf(ParsedName query, ParsedName candidate, double sum, double weights, List<MatchReason>? reasons)
    {
        if (query.LegalForms.Count == 0 || candidate.LegalForms.Count == 0)
        {
            return (sum, weights);
        }
        var q = query.LegalForms[0];
        var agreeing = candidate.LegalForms.FirstOrDefault(f => query.LegalForms.Any(g => g.Code == f.Code));
        if (agreeing.Text is not null)
        {
            reasons?.Add(new MatchReason(query.LegalForms.First(g => g.Code == agreeing.Code).Text, agreeing.Text, MatchHow.LegalForm, 1));
            return (sum + LegalFormWeight, weights + LegalFormWeight);
        }
        reasons?.Add(new MatchReason(q.Text, candidate.LegalForms[0].Text, MatchHow.LegalFormDiffers, 0));
        return (sum, weights + LegalFormWeight);
    }
}
