using System.Globalization;
using System.Text.RegularExpressions;

namespace AssetTrace.IntegrationTests.Operations;

/// <summary>One sample of a scrape: its metric name, labels and value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// A reader of Prometheus's text exposition format (version 0.0.4), written for the tests from the format's
/// description and apart from the exporter that writes it, so a scrape is checked by something that is not its
/// writer (#19): every line must be a comment, a HELP or TYPE line, or a well-formed sample of a declared family.
/// </summary>
public static partial class PrometheusText
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static (IReadOnlyDictionary<string, string> Types, IReadOnlyList<PrometheusSample> Samples) Parse(string text)
    {
        var types = new Dictionary<string, string>();
        var samples = new List<PrometheusSample>();
        foreach (var (line, number) in text.Split('\n').Select((l, i) => (l, i + 1)))
        {
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.True(parts.Length == 4 && MetricName().IsMatch(parts[2]), $"line {number}: bad TYPE line: {line}");
                Assert.Contains(parts[3], Types);
                Assert.True(types.TryAdd(parts[2], parts[3]), $"line {number}: {parts[2]} is declared twice");
                continue;
            }
            if (line.StartsWith('#'))
            {
                continue;
            }
            var match = Sample().Match(line);
            Assert.True(match.Success, $"line {number}: not a sample: {line}");
            var name = match.Groups["name"].Value;
            var labels = new Dictionary<string, string>();
            foreach (Match label in Label().Matches(match.Groups["labels"].Value))
            {
                labels.Add(label.Groups["key"].Value, Regex.Unescape(label.Groups["value"].Value));
            }
            var family = types.Keys.FirstOrDefault(f => name == f || (name.StartsWith(f + "_", StringComparison.Ordinal)
                && name[(f.Length + 1)..] is "bucket" or "sum" or "count" or "total" or "created"));
            Assert.True(family is not null, $"line {number}: {name} has no TYPE line before it");
            samples.Add(new PrometheusSample(name, labels, ParseValue(match.Groups["value"].Value, number)));
        }
        return (types, samples);
    }

    private static double ParseValue(string text, int number) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"line {number}: '{text}' is not a value"),
    };

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*)\})? (?<value>\S+)( -?\d+)?$""")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>([^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
