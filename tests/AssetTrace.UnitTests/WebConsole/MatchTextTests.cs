using AssetTrace.Matching;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.UnitTests.WebConsole;

public sealed class MatchTextTests
{
    [Fact]
    public void Every_way_a_name_can_agree_is_named_in_each_language_of_the_console()
    {
        foreach (var text in new[] { ConsoleText.Russian, ConsoleText.English })
        {
            Assert.All(Enum.GetValues<MatchHow>(), how => Assert.False(string.IsNullOrWhiteSpace(text.Match.Of(how)), $"{text.Code}: {how}"));
        }
        Assert.Equal("транслитерация", ConsoleText.Russian.Match.Of(MatchHow.Transliteration));
    }
}
