using AssetTrace.Matching;

namespace AssetTrace.UnitTests.Matching;

public sealed class RomanisationTests
{
    [Theory]
    [InlineData("ахметов", "akhmetov")] // BGN/PCGN, ICAO 9303
    [InlineData("ахметов", "ahmetov")] // Kazakh Latin 2021
    [InlineData("ахметов", "axmetov")] // GOST 7.79 B
    [InlineData("ахметов", "achmetow")] // German
    [InlineData("евгений", "yevgeny")]
    [InlineData("евгений", "evgeniy")]
    [InlineData("евгений", "jewgeni")]
    [InlineData("евгений", "ievgenii")] // ICAO
    [InlineData("евгений", "evguéni")] // French
    [InlineData("жолы", "zholy")]
    [InlineData("жанар", "janar")] // Kazakh Latin 2021 j = ж
    [InlineData("жанар", "žanar")] // ISO 9
    [InlineData("щукин", "shchukin")]
    [InlineData("щукин", "schtschukin")]
    [InlineData("щукин", "ŝukin")]
    [InlineData("чернов", "tschernow")]
    [InlineData("шевченко", "chevtchenko")] // French
    [InlineData("қасымов", "qasymov")]
    [InlineData("нұрсұлтан", "nūrsūltan")]
    [InlineData("серікұлы", "serikuly")]
    [InlineData("назарбаев", "nazarbayev")]
    [InlineData("фёдор", "fyodor")]
    [InlineData("юрий", "juri")]
    [InlineData("цой", "tsoy")]
    [InlineData("әлия", "aliya")]
    [InlineData("ілияс", "iliyas")]
    public void Standards_and_habits_meet_in_one_key(string cyrillic, string latin) =>
        Assert.Contains(Romanisation.Keys(cyrillic)[0], Romanisation.Keys(latin));

    [Theory]
    [InlineData("ахметов", "akhmedov")]
    [InlineData("серик", "serikbay")]
    [InlineData("чан", "shan")]
    public void Different_names_keep_different_keys(string cyrillic, string latin) =>
        Assert.DoesNotContain(Romanisation.Keys(cyrillic)[0], Romanisation.Keys(latin));

    [Fact]
    public void An_ambiguous_latin_spelling_gets_one_key_per_reading()
    {
        // "ch" is ч in English, х in German, ш in French.
        var keys = Romanisation.Keys("chan");
        Assert.Contains(Romanisation.Keys("чан")[0], keys);
        Assert.Contains(Romanisation.Keys("хан")[0], keys);
        Assert.Contains(Romanisation.Keys("шан")[0], keys);
    }
}
