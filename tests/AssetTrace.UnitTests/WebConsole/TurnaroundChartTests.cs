using System.Text.RegularExpressions;
using AssetTrace.Requests;
using AssetTrace.WebConsole.Components.Pages.Requests;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetTrace.UnitTests.WebConsole;

/// <summary>
/// The turnaround chart (#13), rendered to HTML as the server sends it: bars in proportion to the
/// median days, a network without answers says so instead of drawing one, and the table beside it
/// carries the same figures for screen readers.
/// </summary>
public sealed partial class TurnaroundChartTests
{
    [Fact]
    public async Task Bars_are_in_proportion_to_the_median_days_and_the_table_has_the_same_figures()
    {
        IReadOnlyList<Turnaround> figures =
        [
            new("ARIN-AP", 0, null, null, 2, 1),
            new("CARIN", 3, 2.0, 2.5, 1, 0),
            new("Egmont", 1, 8.0, 8.0, 0, 0),
        ];
        // Cyrillic comes out as character references: compare the text as the browser reads it.
        var html = System.Net.WebUtility.HtmlDecode(await RenderAsync(figures));

        var widths = Bars().Matches(html).ToDictionary(m => m.Groups["network"].Value, m => double.Parse(m.Groups["width"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["ARIN-AP", "CARIN", "Egmont"], widths.Keys);
        Assert.Equal(0, widths["ARIN-AP"]);
        Assert.Equal(widths["Egmont"] / 4, widths["CARIN"], 1);
        Assert.Contains("ответов ещё нет", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("CARIN: 2.0 дн. (Отвечено: 3)", html, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">CARIN</th><td>3</td><td>2.0</td><td>2.5</td><td>1</td><td>0</td>", html);
        Assert.Matches(@"<th scope=""row"">ARIN-AP</th><td>0</td><td>—</td><td>—</td><td>2</td><td>1</td>", html);
    }

    private static async Task<string> RenderAsync(IReadOnlyList<Turnaround> figures)
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TurnaroundChart>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Figures"] = figures }));
            return output.ToHtmlString();
        });
    }

    [GeneratedRegex(@"<g class=""bar"" data-network=""(?<network>[^""]+)"">.*?<rect [^>]*width=""(?<width>[0-9.]+)""", RegexOptions.Singleline)]
    private static partial Regex Bars();
}
