using System.Globalization;
using System.Text.RegularExpressions;

namespace AssetTrace.Benchmarks.Server;

/// <summary>
/// The server's own sums and counts from <c>/metrics</c> (Prometheus text): read before and after a load, their
/// difference says where the server spent a request's time, by GraphQL operation and by name-lookup step (#14).
/// </summary>
public sealed partial class ServerMetrics
{
    private readonly Dictionary<string, double> _values;

    private ServerMetrics(Dictionary<string, double> values) => _values = values;

    public static async Task<ServerMetrics> ReadAsync(HttpClient http, CancellationToken ct)
    {
        var text = await http.GetStringAsync("/metrics", ct);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (Sample().Match(line) is { Success: true } m && double.TryParse(m.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                var label = Label().Match(m.Groups["labels"].Value);
                values[$"{m.Groups["name"].Value}|{(label.Success ? label.Groups["value"].Value : "")}"] = value;
            }
        }
        return new ServerMetrics(values);
    }

    /// <summary>
    /// Per request between <paramref name="before"/> and this reading: the server's time in ms and store commands
    /// per GraphQL operation, and the time of each name-lookup step.
    /// </summary>
    public IReadOnlyList<string> Since(ServerMetrics before)
    {
        var lines = new List<string>();
        foreach (var key in _values.Keys.Where(k => k.StartsWith("assettrace_graphql_duration_seconds_count|", StringComparison.Ordinal)).Order())
        {
            var operation = key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..];
            var count = Delta(before, key);
            if (count > 0)
            {
                var ms = Delta(before, $"assettrace_graphql_duration_seconds_sum|{operation}") * 1000 / count;
                var commands = Delta(before, $"assettrace_graphql_store_commands_sum|{operation}") / count;
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{operation}: {count:N0} requests, in the server {ms:0.00} ms and {commands:0.00} store commands per request"));
            }
        }
        foreach (var key in _values.Keys.Where(k => k.StartsWith("assettrace_matching_duration_seconds_count|", StringComparison.Ordinal)).Order())
        {
            var step = key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..];
            var count = Delta(before, key);
            if (count > 0)
            {
                var ms = Delta(before, $"assettrace_matching_duration_seconds_sum|{step}") * 1000 / count;
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"name lookup step {step}: {ms:0.00} ms on average ({count:N0})"));
            }
        }
        return lines;
    }

    private double Delta(ServerMetrics before, string key) =>
        _values.GetValueOrDefault(key) - before._values.GetValueOrDefault(key);

    [GeneratedRegex(@"^(?<name>assettrace_(graphql_duration_seconds|graphql_store_commands|matching_duration_seconds)_(sum|count))(?<labels>\{[^}]*\})?\s+(?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex("(?:operation|step)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Label();
}
