namespace AssetTrace.Matching;

/// <summary>What the bound needs of the query's one name besides its words (see <see cref="CandidateBound"/>); a lookup without one scores every candidate.</summary>
/// <param name="Words">How many words it has, initials included: each pairs with one candidate word at most.</param>
/// <param name="LegalForm">Whether it names a legal form, whose agreement adds to both sides of the mean.</param>
/// <param name="Search">Whether the lookup is a search, where the candidate's words the query leaves out cost less.</param>
internal readonly record struct QueryShape(int Words, bool LegalForm, bool Search);

/// <summary>
/// The most a candidate can score from what an index knows before scoring it (#14): which query words it shares and
/// how well (<see cref="SharedWords"/>), how many of its own words agreed with any, how many initials it has and how
/// many of its words a shorter query leaves unpaired. <see cref="NameComparison"/> takes the weighted mean of the
/// pairs' scores, so a bound no higher than the threshold lets a lookup pass the candidate by.
/// </summary>
internal static class CandidateBound
{
    /// <summary>
    /// At most that many shared words pair, each scoring at most what its level allows; any other query word either
    /// pairs with one of the candidate's initials (0.7 at half weight) or costs at least what <see cref="NameComparison"/>
    /// charges for leaving it out. The candidate's <paramref name="unpaired"/> words cost at least the least that many unpaired
    /// candidate words cost; an agreeing legal form adds its weight to both sides. Pairing a word that can agree only a
    /// little may lower the mean, so every number of pairs is tried, with the best-agreeing words paired and the cheapest
    /// to leave out left. Rounded as scores are reported.
    /// </summary>
    public static double Of(IReadOnlyList<NameWord> words, uint shared, int agreeing, int initials, QueryShape shape, int unpaired = 0)
    {
        var caps = new List<double>();
        var sharedCosts = new List<double>();
        var missing = new List<double>();
        for (var i = 0; i < words.Count; i++)
        {
            var cost = NameComparison.LeastCostOfMissing(words[i], words);
            var level = SharedWords.Level(shared, i, words.Count);
            if (level > 0)
            {
                caps.Add(SharedWords.Cap(level));
                sharedCosts.Add(cost);
            }
            else
            {
                missing.Add(cost);
            }
        }
        var most = Math.Min(caps.Count, agreeing);
        caps.Sort((a, b) => b.CompareTo(a));
        sharedCosts.Sort();
        var legalForm = shape.LegalForm ? NameComparison.LegalFormWeight : 0;
        var unpairedCost = NameComparison.LeastCostOfUnpairedCandidateWords(unpaired, shape.Search);
        var best = 0.0;
        for (var pairs = 1; pairs <= most; pairs++)
        {
            // The shared words left unpaired: at best those cheapest to leave out.
            var left = missing.Concat(sharedCosts.Take(caps.Count - pairs)).OrderByDescending(c => c).ToList();
            var agreed = caps.Take(pairs).Sum();
            // Initials pair with the query words dearest to leave out.
            for (var paired = 0; paired <= Math.Min(initials, left.Count); paired++)
            {
                var numerator = agreed + (paired * WordComparison.InitialScore * NameComparison.InitialWeight) + legalForm;
                var denominator = pairs + (paired * NameComparison.InitialWeight) + left.Skip(paired).Sum() + legalForm + unpairedCost;
                best = Math.Max(best, numerator / denominator);
            }
        }
        // Scores are reported and compared rounded: the bound is rounded the same way, after a hair more for the
        // arithmetic, so that (0.85 + 0.35) / 1.5 here is not a hair under the score it bounds.
        return NameMatcher.Rounded(best + 1e-9);
    }
}
