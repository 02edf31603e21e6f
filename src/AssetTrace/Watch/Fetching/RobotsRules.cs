namespace AssetTrace.Watch.Fetching;

/// <summary>
/// A site's robots.txt as it applies to the crawler: the group for its product token, or the "*"
/// group; the longest matching Allow or Disallow wins, Allow on a tie (RFC 9309). "*" and "$" in
/// paths are honoured.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(bool Allow, string Pattern)> _rules;

    private RobotsRules(List<(bool Allow, string Pattern)> rules) => _rules = rules;

    public static RobotsRules AllowAll { get; } = new([]);

    /// <summary>RFC 9309: a robots.txt that cannot be had for a server error means "disallow everything" until it can.</summary>
    public static RobotsRules DisallowAll { get; } = new([(false, "/")]);

    public static RobotsRules Parse(string text, string userAgent)
    {
        var token = userAgent.Split(['/', ' '], 2)[0].Trim().ToLowerInvariant();
        var groups = new List<(List<string> Agents, List<(bool, string)> Rules)>();
        (List<string> Agents, List<(bool, string)> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                if (!lastWasAgent || current is null)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }
                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is { } group && (field is "allow" or "disallow") && value.Length > 0)
            {
                group.Rules.Add((field == "allow", value));
            }
        }
        var mine = groups.Where(g => g.Agents.Contains(token)).SelectMany(g => g.Rules).ToList();
        if (mine.Count == 0 && !groups.Any(g => g.Agents.Contains(token)))
        {
            mine = [.. groups.Where(g => g.Agents.Contains("*")).SelectMany(g => g.Rules)];
        }
        return new RobotsRules(mine);
    }

    public bool Allows(Uri url)
    {
        var path = url.PathAndQuery;
        var best = (Length: -1, Allow: true);
        foreach (var (allow, pattern) in _rules)
        {
            if (Matches(pattern, path) && (pattern.Length > best.Length || (pattern.Length == best.Length && allow)))
            {
                best = (pattern.Length, allow);
            }
        }
        return best.Allow;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = System.Text.RegularExpressions.Regex.Escape(anchored ? pattern[..^1] : pattern).Replace("\\*", ".*", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.IsMatch(path, "^" + body + (anchored ? "$" : ""), System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(50));
    }
}
