namespace AssetTrace.Matching;

/// <summary>
/// Scores two names word by word, in any order (#14). Each word of one name is paired with at most
/// one word of the other, best agreements first; the score is the weighted mean of the pairs'
/// scores, where words left unpaired count as disagreement, less so when leaving them out is
/// usual: a patronymic, one half of a double surname, or (in a search) the words the query leaves out.
/// </summary>
public static class NameComparison
{
    internal const double InitialWeight = 0.5;
    internal const double LegalFormWeight = 0.1;
    private const double MissingPatronymicWeight = 0.15;
    private const double MissingSurnamePartWeight = 0.3;
    private const double NotInQueryWeight = 0.1;

    /// <summary>Compares two names.</summary>
    /// <param name="search">The first is a search query: the candidate's words it does not name cost little, and its words may be prefixes.</param>
    public static (double Score, List<MatchReason> Reasons) Compare(ParsedName query, ParsedName candidate, bool search)
    {
        var reasons = new List<MatchReason>();
        if (query.Words.Count == 0 || candidate.Words.Count == 0)
        {
            return (0, reasons);
        }
        var pairs = new List<(int Q, int C, double Score, MatchHow How)>();
        for (var q = 0; q < query.Words.Count; q++)
        {
            for (var c = 0; c < candidate.Words.Count; c++)
            {
                var (score, how) = WordComparison.Compare(query.Words[q], candidate.Words[c], search);
                if (score > 0)
                {
                    pairs.Add((q, c, score, how));
                }
            }
        }
        // Best agreements first; among equals, words in the same place first, so "Ivan Ivanov" pairs in order.
        pairs.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : Math.Abs(x.Q - x.C).CompareTo(Math.Abs(y.Q - y.C)));
        var queryUsed = new bool[query.Words.Count];
        var candidateUsed = new bool[candidate.Words.Count];
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
            reasons.Add(new MatchReason(query.Words[q].Text, candidate.Words[c].Text, how, score));
        }
        weights += Unpaired(query, queryUsed, asQuery: true, search, reasons);
        weights += Unpaired(candidate, candidateUsed, asQuery: false, search, reasons);
        (sum, weights) = LegalFormsOf(query, candidate, sum, weights, reasons);
        // Initials alone (or a feminine form with initials) do not name anyone.
        var mean = weights == 0 || !strong ? Math.Min(0.5, sum / Math.Max(weights, 1)) : sum / weights;
        return (Math.Clamp(mean, 0, 1), reasons);
    }

    /// <summary>The least a query word left unpaired costs (its weight in the mean): what an index may assume before scoring.</summary>
    internal static double LeastCostOfMissing(NameWord word, IReadOnlyList<NameWord> all) =>
        word.IsPatronymic ? MissingPatronymicWeight
        : all.Any(w => !ReferenceEquals(w, word) && w.Group == word.Group) ? MissingSurnamePartWeight
        : 1.0;

    /// <summary>The least a candidate's word left unpaired costs: what an index may assume for the words a shorter query cannot pair.</summary>
    internal static double LeastCostOfUnpairedCandidateWord(bool search) =>
        Math.Min(MissingPatronymicWeight, search ? NotInQueryWeight : MissingPatronymicWeight);

    private static double Unpaired(ParsedName name, bool[] used, bool asQuery, bool search, List<MatchReason> reasons)
    {
        var weights = 0.0;
        for (var i = 0; i < name.Words.Count; i++)
        {
            if (used[i])
            {
                continue;
            }
            var word = name.Words[i];
            var groupMatched = name.Words.Where((w, j) => j != i && used[j] && w.Group == word.Group).Any();
            var (weight, how) =
                word.IsPatronymic ? (MissingPatronymicWeight, MatchHow.MissingPatronymic)
                : groupMatched ? (MissingSurnamePartWeight, MatchHow.MissingSurnamePart)
                : search && !asQuery ? (NotInQueryWeight, MatchHow.NotInQuery)
                : word.IsInitial ? (InitialWeight, MatchHow.Unmatched)
                : (1.0, MatchHow.Unmatched);
            weights += weight;
            reasons.Add(asQuery ? new MatchReason(word.Text, null, how, 0) : new MatchReason(null, word.Text, how, 0));
        }
        return weights;
    }

    private static (double Sum, double Weights) LegalFormsOf(ParsedName query, ParsedName candidate, double sum, double weights, List<MatchReason> reasons)
    {
        if (query.LegalForms.Count == 0 || candidate.LegalForms.Count == 0)
        {
            return (sum, weights);
        }
        var q = query.LegalForms[0];
        var agreeing = candidate.LegalForms.FirstOrDefault(f => query.LegalForms.Any(g => g.Code == f.Code));
        if (agreeing.Text is not null)
        {
            reasons.Add(new MatchReason(query.LegalForms.First(g => g.Code == agreeing.Code).Text, agreeing.Text, MatchHow.LegalForm, 1));
            return (sum + LegalFormWeight, weights + LegalFormWeight);
        }
        reasons.Add(new MatchReason(q.Text, candidate.LegalForms[0].Text, MatchHow.LegalFormDiffers, 0));
        return (sum, weights + LegalFormWeight);
    }
}
