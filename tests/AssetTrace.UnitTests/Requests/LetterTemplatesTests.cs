using AssetTrace.Requests.Documents;

namespace AssetTrace.UnitTests.Requests;

public sealed class LetterTemplatesTests
{
    private static readonly LetterTemplates Templates = new();

    [Fact]
    public void There_is_a_template_in_each_of_the_six_UN_languages() =>
        Assert.Equal(["ar", "en", "es", "fr", "ru", "zh"], LetterTemplates.Languages.Order());

    [Theory]
    [InlineData("ru")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ar")]
    [InlineData("zh")]
    public void Every_key_of_the_English_template_exists_in_each_language_and_none_more(string language)
    {
        Assert.Equal(Templates.KeysOf("en").Order(), Templates.KeysOf(language).Order());
        Assert.All(Templates.KeysOf(language), key => Assert.False(string.IsNullOrWhiteSpace(Templates.Text(language, key)), $"{language}:{key} is empty"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ar")]
    [InlineData("zh")]
    public void Every_placeholder_of_a_text_is_the_same_in_each_language(string language)
    {
        foreach (var key in Templates.KeysOf("en"))
        {
            Assert.Equal(Placeholders(Templates.Text("en", key)), Placeholders(Templates.Text(language, key)));
        }
    }

    [Fact]
    public void Placeholders_are_filled() =>
        Assert.Equal("CARIN request REQ-2026-0001: 2026-ARC-0017",
            Templates.Text("en", "subject", ("network", "CARIN"), ("number", "REQ-2026-0001"), ("case", "2026-ARC-0017")));

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{[a-z]+\}").Select(m => m.Value).Order()];
}
