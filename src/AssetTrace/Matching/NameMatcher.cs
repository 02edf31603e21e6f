namespace AssetTrace.Matching;

/// <summary>
/// The one name matcher (#14): two subjects, or a search query and a candidate, scored in [0, 1]
/// with an explanation of which parts agreed and how. Search, duplicate suggestions and screening call it.
/// </summary>
public static class NameMatcher
{
    /// <summary>Whether two subjects are the same person or company: symmetric, every word counts.</summary>
    public static MatchResult Compare(MatchSubject a, MatchSubject b) => Best(a, b, search: false);

    /// <summary>How well a candidate answers a search query: words of the candidate the query leaves out cost little.</summary>
    public static MatchResult Search(MatchSubject query, MatchSubject candidate) => Best(query, candidate, search: true);

    /// <summary>Compares two names with no other evidence.</summary>
    public static MatchResult Compare(string a, string b) => Compare(MatchSubject.Named(a), MatchSubject.Named(b));

    private static MatchResult Best(MatchSubject query, MatchSubject candidate, bool search)
    {
        var queryNames = query.Names.Select(ParsedName.Parse).ToList();
        return Best(queryNames, query, candidate.Names.Select(ParsedName.Parse), candidate, search);
    }

    /// <summary>The best of every pair of names, then the evidence; the names already parsed (an index keeps them so).</summary>
    internal static MatchResult Best(IReadOnlyList<ParsedName> queryNames, MatchSubject query, IEnumerable<ParsedName> candidateNames, MatchSubject candidate, bool search) =>
        WithEvidence(BestName(queryNames, candidateNames, search), query, candidate);

    /// <summary>The best of every pair of names alone: what the evidence then raises or lowers.</summary>
    internal static NameScore BestName(IReadOnlyList<ParsedName> queryNames, IEnumerable<ParsedName> candidateNames, bool search)
    {
        var best = new NameScore(-1, "", []);
        foreach (var c in candidateNames)
        {
            foreach (var q in queryNames)
            {
                var (score, reasons) = NameComparison.Compare(q, c, search);
                if (score > best.Score)
                {
                    best = new NameScore(score, c.Original, reasons);
                }
            }
        }
        return best;
    }

    /// <summary>The score of <see cref="BestName"/>, without building its explanation.</summary>
    internal static double BestScore(IReadOnlyList<ParsedName> queryNames, IEnumerable<ParsedName> candidateNames, bool search)
    {
        var best = -1.0;
        foreach (var c in candidateNames)
        {
            foreach (var q in queryNames)
            {
                best = Math.Max(best, NameComparison.Score(q, c, search));
            }
        }
        return best;
    }

    /// <summary>The score <see cref="WithEvidence"/> reports for a name score from <see cref="BestScore"/>, without the explanation.</summary>
    internal static double ScoreWithEvidence(double nameScore, MatchSubject query, MatchSubject candidate) =>
        nameScore < 0 ? 0 : Rounded(Evidence.Apply(nameScore, query, candidate, reasons: null));

    /// <summary>
    /// A name score with the evidence of both subjects applied. The name score is left as it was: an index scoring
    /// many holders of one name works it out once and applies each holder's evidence to it.
    /// </summary>
    internal static MatchResult WithEvidence(NameScore name, MatchSubject query, MatchSubject candidate)
    {
        if (name.Score < 0)
        {
            return new MatchResult(0, "", []);
        }
        var reasons = new List<MatchReason>(name.Reasons);
        var final = Evidence.Apply(name.Score, query, candidate, reasons);
        return new MatchResult(Rounded(final), name.MatchedName, reasons);
    }

    /// <summary>A score as it is reported, to four decimals: a bound compared with reported scores is rounded the same way.</summary>
    internal static double Rounded(double score) => Math.Round(score, 4);
}

/// <summary>How well the best pair of names agreed, before the evidence: -1 when either side had no name.</summary>
internal sealed record NameScore(double Score, string MatchedName, IReadOnlyList<MatchReason> Reasons);
