namespace AssetTrace.Matching;

/// <summary>Section "AssetTrace:Matching" of the configuration.</summary>
public sealed class MatchingOptions
{
    public const string Section = "AssetTrace:Matching";

    /// <summary>
    /// The score from which a name counts as a match (search results, duplicate suggestions). At 0.8 a
    /// name in another script or romanisation, with a typo, an initial or without its patronymic
    /// matches; a different surname, a feminine form or another given name does not (see the labelled set).
    /// </summary>
    public double Threshold { get; set; } = 0.8;

    /// <summary>The most results a search pages through, best first: a query with more must be made more precise.</summary>
    public int CountBound { get; set; } = 1000;

    /// <summary>
    /// Up to how many matches a search counts exactly before its total says "more than" this; a page further on
    /// counts exactly up to its own end. A common word has thousands of holders: counting them exactly up to
    /// <see cref="CountBound"/> scored a thousand candidates for every search, where its first page needs a hundred
    /// (docs/BENCHMARKS.md, "less work per request").
    /// </summary>
    public int ExactTotal { get; set; } = 100;
}
