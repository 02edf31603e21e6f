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

    /// <summary>Up to how many matches a search counts exactly; beyond it, the total says "more than" this.</summary>
    public int CountBound { get; set; } = 1000;
}
