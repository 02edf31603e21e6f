using AssetTrace.Analytics.Connections;
using AssetTrace.WebConsole.Text;
using AssetTrace.WebConsole.Timeline;

namespace AssetTrace.UnitTests.WebConsole;

/// <summary>The analyst's pages name every kind of event, connection and red flag in each language, never by its code (#13).</summary>
public sealed class AnalystTextTests
{
    [Fact]
    public void Every_kind_has_a_name_in_each_language()
    {
        foreach (var text in new[] { AnalystText.Russian, AnalystText.English })
        {
            Assert.All(Enum.GetValues<TimelineEventKind>(), k => Assert.False(string.IsNullOrWhiteSpace(text.EventKinds[k])));
            Assert.All(Enum.GetValues<ConnectionKind>(), k => Assert.False(string.IsNullOrWhiteSpace(text.ConnectionKinds[k])));
        }
        Assert.Same(AnalystText.Russian, ConsoleText.Russian.Analyst);
        Assert.Same(AnalystText.English, ConsoleText.English.Analyst);
    }
}
