namespace AssetTrace.Matching;

/// <summary>How well one word of a name matches one word of another, and how (#14).</summary>
public static class WordComparison
{
    // What each way of agreeing is worth. A feminine form is related but not the same person, so two names
    // that differ only by it fall under the default threshold; a typo or an initial keeps a name above it.
    public const double ExactScore = 1.0;
    public const double TransliterationScore = 0.97;
    public const double TypoScore = 0.85;
    public const double PrefixScore = 0.9;
    public const double InitialScore = 0.7;
    public const double FeminineScore = 0.45;

    private static readonly (string Masculine, string Feminine)[] Genders =
    [
        ("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("ski", "skaia"), ("ski", "ska"), ("skii", "skaia"), ("ii", "aia"), ("uli", "kizi"),
    ];

    /// <summary>The score and kind of agreement of two words; (0, Unmatched) when they do not agree.</summary>
    /// <param name="prefix">Whether <paramref name="query"/> may match the beginning of <paramref name="candidate"/> (search).</param>
    public static (double Score, MatchHow How) Compare(NameWord query, NameWord candidate, bool prefix)
    {
        if (query.Text == candidate.Text)
        {
            return query.IsInitial ? (InitialScore, MatchHow.Initial) : (ExactScore, MatchHow.Exact);
        }
        if (query.IsInitial || candidate.IsInitial)
        {
            // An initial agrees with any word that starts with the same letter in any reading.
            var (initial, word) = query.IsInitial ? (query, candidate) : (candidate, query);
            return AnyPair(initial.Keys, word.Keys, static (i, k) => k[0] == i[0]) || word.Text[0] == initial.Text[0]
                ? (InitialScore, MatchHow.Initial) : (0, MatchHow.Unmatched);
        }
        if (AnyPair(query.Keys, candidate.Keys, string.Equals))
        {
            return (TransliterationScore, MatchHow.Transliteration);
        }
        if (AnyPair(query.Keys, candidate.Keys, Gendered))
        {
            return (FeminineScore, MatchHow.FeminineForm);
        }
        if (Typo(query, candidate))
        {
            return (TypoScore, MatchHow.Typo);
        }
        if (prefix && query.Text.Length >= 3 && AnyPair(query.Keys, candidate.Keys, static (q, c) => q.Length >= 3 && c.Length > q.Length && c.StartsWith(q, StringComparison.Ordinal)))
        {
            return (PrefixScore, MatchHow.Prefix);
        }
        return (0, MatchHow.Unmatched);
    }

    /// <summary>
    /// The best a word filed under <paramref name="key"/> (one of its readings, or its text when <paramref name="written"/>)
    /// can score against <paramref name="query"/> through that key other than as a prefix (#14): 1 for the same reading,
    /// the feminine form's score, a typing error's, or 0. A word as written is the whole word, and is scored. An index
    /// finds its candidates through the keys one letter deletion apart, and a key one letter from each of two different
    /// keys ("maria", "marat") agrees with neither: it may leave out such keys, and bound a candidate by its keys' best.
    /// <see cref="Compare"/> tries the feminine form before a typing error, so a key that is both caps at the former.
    /// </summary>
    internal static double BestThrough(NameWord query, string key, bool written) =>
        written ? Compare(query, new NameWord(key, WordKeys.Of(key), 0), prefix: false).Score
        : query.Keys.Contains(key) ? ExactScore
        : query.Keys.Any(q => Gendered(q, key)) ? FeminineScore
        : query.Keys.Any(q => TypingErrors.OneApart(q, key)) ? TypoScore
        : 0;

    /// <summary>
    /// A typing error is judged where it was made: two Cyrillic words by their letters as written, on the
    /// Cyrillic keyboard; otherwise also by their keys, so that a slip in one romanisation is seen against another.
    /// </summary>
    private static bool Typo(NameWord a, NameWord b) =>
        TypingErrors.OneApart(a.Text, b.Text)
        || (!(a.IsCyrillic && b.IsCyrillic) && AnyPair(a.Keys, b.Keys, TypingErrors.OneApart));

    /// <summary>
    /// Whether any key of <paramref name="a"/> and any of <paramref name="b"/> <paramref name="agree"/>. Called for every
    /// pair of words of every candidate a lookup scores: with a static test it allocates nothing, where LINQ's nested
    /// Any with capturing lambdas allocated a closure and a delegate per call.
    /// </summary>
    private static bool AnyPair(IReadOnlyList<string> a, IReadOnlyList<string> b, Func<string, string, bool> agree)
    {
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                if (agree(a[i], b[j]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool Gendered(string a, string b)
    {
        foreach (var (masculine, feminine) in Genders)
        {
            if (Pair(a, b, masculine, feminine) || Pair(b, a, masculine, feminine))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Pair(string m, string f, string masculine, string feminine) =>
        m.EndsWith(masculine, StringComparison.Ordinal) && f.EndsWith(feminine, StringComparison.Ordinal)
        && m.Length - masculine.Length >= 2
        && m.AsSpan(0, m.Length - masculine.Length).SequenceEqual(f.AsSpan(0, f.Length - feminine.Length));
}
