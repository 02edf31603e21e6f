namespace AssetTrace.Matching;

/// <summary>One word of a name as the matcher compares it.</summary>
/// <param name="Text">The word as written, lower-case, without punctuation.</param>
/// <param name="Keys">Its comparable keys (<see cref="Romanisation.Keys"/>).</param>
/// <param name="Group">Words joined by a hyphen in the name share a group (double surnames).</param>
public sealed record NameWord(string Text, IReadOnlyList<string> Keys, int Group)
{
    /// <summary>
    /// A single letter, as in "S. Akhmetov". A number is not an initial, however short: "8" in "Main Street 8" would
    /// agree with any query word starting with 8, and as an initial it let every address with a house number through
    /// the bound of a search.
    /// </summary>
    public bool IsInitial => (Keys.Count > 0 && Keys[0].Length == 1 || Text.Length == 1) && !char.IsDigit(Text[0]);

    public bool IsCyrillic => Romanisation.IsCyrillic(Text);

    /// <summary>Looks like a patronymic (Болатович, Болатовна, Серікұлы, Akhmetqyzy), which a source may leave out.</summary>
    public bool IsPatronymic => Keys.Any(k => k.Length > 5 && PatronymicEndings.Any(e => k.EndsWith(e, StringComparison.Ordinal)));

    private static readonly string[] PatronymicEndings = ["oviC", "eviC", "iC", "ovna", "evna", "iCna", "uli", "kizi", "ogli"];
}
