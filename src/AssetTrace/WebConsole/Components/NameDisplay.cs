namespace AssetTrace.WebConsole.Components;

/// <summary>A name beside its Latin transliteration, the same AnyAscii mapping the search keys use (Graph/Names).</summary>
public static class NameDisplay
{
    /// <returns>The transliteration, or an empty string when the name is already in Latin letters.</returns>
    public static string Transliteration(string name)
    {
        var latin = AnyAscii.Transliteration.Transliterate(name);
        return latin == name ? "" : latin;
    }
}
