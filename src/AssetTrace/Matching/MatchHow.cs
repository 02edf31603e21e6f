namespace AssetTrace.Matching;

/// <summary>How one part of a name, or one piece of supporting evidence, agreed or disagreed.</summary>
public enum MatchHow
{
    /// <summary>The same word, written the same way.</summary>
    Exact,

    /// <summary>The same word in another script or romanisation (Ахметов, Akhmetov, Achmetow).</summary>
    Transliteration,

    /// <summary>An initial that stands for the word ("S." for Serik).</summary>
    Initial,

    /// <summary>One typing error apart (a letter left out, added, swapped or struck for its neighbour).</summary>
    Typo,

    /// <summary>The beginning of the word, as one types in a search box.</summary>
    Prefix,

    /// <summary>The feminine and masculine forms of one surname or patronymic (Ахметов, Ахметова; -ұлы, -қызы): related, not the same.</summary>
    FeminineForm,

    /// <summary>The same company legal form in either script (ТОО and LLP); weighed lightly.</summary>
    LegalForm,

    /// <summary>The companies' legal forms differ.</summary>
    LegalFormDiffers,

    /// <summary>A patronymic one name has and the other leaves out.</summary>
    MissingPatronymic,

    /// <summary>One part of a double surname, left out by the other name.</summary>
    MissingSurnamePart,

    /// <summary>A word of the other name the query does not mention (search only).</summary>
    NotInQuery,

    /// <summary>A word that matched nothing on the other side.</summary>
    Unmatched,

    BirthDateAgrees,
    BirthDateDiffers,
    CountryAgrees,
    CountryDiffers,

    /// <summary>An identifier (IIN/BIN, registration number, passport, IMO) equal after normalisation.</summary>
    IdentifierAgrees,

    /// <summary>Both carry an identifier of the same kind, and they differ.</summary>
    IdentifierDiffers,
}

/// <summary>One line of a match's explanation: what on each side, how it agreed, and what it scored (0 to 1).</summary>
/// <param name="Query">The part of the query (or first name) it concerns; null when only the other side had it.</param>
/// <param name="Candidate">The part of the candidate it concerns; null when only the query had it.</param>
public sealed record MatchReason(string? Query, string? Candidate, MatchHow How, double Score);

/// <summary>A scored, explained match: <see cref="Score"/> in [0, 1], and which name of the candidate matched.</summary>
public sealed record MatchResult(double Score, string MatchedName, IReadOnlyList<MatchReason> Explanation);
