using System.Globalization;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;
using Quartz;

namespace AssetTrace.Watch.Sources;

/// <summary>
/// Reads and checks one source file. Hand checks rather than a JSON schema: each refusal names the
/// file and the field and says what is expected, and the checks that need the model (node and edge
/// kinds, their properties) or Quartz (the cron expression) could not be said in a schema anyway.
/// </summary>
public static class SourceFileReader
{
    private static readonly Dictionary<string, SourceFormat> Formats = new(StringComparer.Ordinal)
    {
        ["html"] = SourceFormat.Html,
        ["rss"] = SourceFormat.Feed,
        ["atom"] = SourceFormat.Feed,
        ["sitemap"] = SourceFormat.Sitemap,
        ["json"] = SourceFormat.Json,
        ["sanctions-xml"] = SourceFormat.SanctionsXml,
    };

    private static readonly HashSet<string> Known = ["name", "title", "kind", "startUrls", "schedule", "allowedHosts", "politeness", "limits", "pagination", "records", "$comment"];

    public static WatchSource Read(string file, string json, GraphSchema schema)
    {
        var name = Path.GetFileName(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SourceFileException(name, "(file)", $"not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }
        using (document)
        {
            return new Reader(name, schema).Source(document.RootElement);
        }
    }

    private sealed class Reader(string file, GraphSchema schema)
    {
        public WatchSource Source(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail("(file)", "must be one JSON object");
            }
            foreach (var property in root.EnumerateObject().Where(p => !Known.Contains(p.Name)))
            {
                throw Fail(property.Name, $"is not a field of a source; the fields are {string.Join(", ", Known.Where(k => k[0] != '$'))}");
            }
            var sourceName = Text(root, "name", required: true)!;
            if (!System.Text.RegularExpressions.Regex.IsMatch(sourceName, "^[a-z0-9][a-z0-9-]{0,62}$"))
            {
                throw Fail("name", "must be 1 to 63 lower-case letters, digits and hyphens (it names the source in runs, leads and the scheduler)");
            }
            var kind = Text(root, "kind", required: true)!;
            if (!Formats.TryGetValue(kind, out var format))
            {
                throw Fail("kind", $"'{kind}' is not a kind of source; use one of {string.Join(", ", Formats.Keys)}");
            }
            var startUrls = StartUrls(root);
            var schedule = Text(root, "schedule", required: true)!;
            if (!IsCron(schedule))
            {
                throw Fail("schedule", $"'{schedule}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 6 * * ?\")");
            }
            var hosts = startUrls.Select(u => u.IdnHost.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            hosts.UnionWith(HostList(root, "allowedHosts"));
            var politeness = Politeness(root);
            return new WatchSource(sourceName, file, Text(root, "title") ?? sourceName, format, startUrls, schedule, hosts, politeness,
                Limits(root), Pagination(root, format), Records(root, format));
        }

        private static bool IsCron(string expression)
        {
            try
            {
                _ = new CronExpression(expression);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private List<Uri> StartUrls(JsonElement root)
        {
            if (!root.TryGetProperty("startUrls", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                throw Fail("startUrls", "must be a list of at least one http or https address");
            }
            var urls = new List<Uri>();
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !Uri.TryCreate(item.GetString(), UriKind.Absolute, out var url)
                    || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(url.UserInfo))
                {
                    throw Fail($"startUrls[{i}]", "must be an absolute http or https address without a user name or password");
                }
                urls.Add(url);
                i++;
            }
            return urls;
        }

        private Politeness Politeness(JsonElement root)
        {
            var p = Object(root, "politeness", required: true);
            var rate = Int(p, "politeness.requestsPerMinutePerHost", "requestsPerMinutePerHost", 10, 0, 6000);
            var robots = !p.TryGetProperty("robotsTxt", out var r) || r.ValueKind != JsonValueKind.False;
            var agent = Text(p, "userAgent", required: true, path: "politeness.userAgent")!;
            // The office is named and can be reached: a site's operator who sees the crawler in a log must know whom to ask.
            if (!agent.Contains('@', StringComparison.Ordinal) && !agent.Contains("http", StringComparison.OrdinalIgnoreCase))
            {
                throw Fail("politeness.userAgent", "must name the office and give a contact address (an e-mail or a web page), e.g. \"AssetTrace/1.0 (Prosecutor General's Office; watch@prokuror.example)\"");
            }
            if (agent.Any(char.IsControl))
            {
                throw Fail("politeness.userAgent", "must be one line");
            }
            return new Politeness(rate, robots, agent, HostList(p, "allowedPrivateHosts", "politeness.allowedPrivateHosts").ToHashSet(StringComparer.Ordinal));
        }

        private CrawlLimits Limits(JsonElement root)
        {
            var l = Object(root, "limits", required: false);
            return new CrawlLimits(
                Int(l, "limits.maxPages", "maxPages", 1000, 1, 1_000_000),
                Int(l, "limits.maxDepth", "maxDepth", 3, 0, 50),
                Int(l, "limits.maxMegabytes", "maxMegabytes", 10, 1, 200) * 1024L * 1024L,
                TimeSpan.FromSeconds(Int(l, "limits.timeoutSeconds", "timeoutSeconds", 30, 1, 600)),
                Int(l, "limits.maxRedirects", "maxRedirects", 5, 0, 20),
                Int(l, "limits.maxAttempts", "maxAttempts", 4, 1, 10));
        }

        private Pagination? Pagination(JsonElement root, SourceFormat format)
        {
            if (!root.TryGetProperty("pagination", out var p))
            {
                return null;
            }
            if (format is not (SourceFormat.Html or SourceFormat.Sitemap))
            {
                throw Fail("pagination", "applies to html and sitemap sources only");
            }
            var next = Text(p, "next", path: "pagination.next");
            var follow = Text(p, "follow", path: "pagination.follow");
            CheckSelector("pagination.next", next);
            CheckSelector("pagination.follow", follow);
            return new Pagination(next, follow);
        }

        private RecordMapping Records(JsonElement root, SourceFormat format)
        {
            var r = Object(root, "records", required: true);
            var kind = Text(r, "kind", required: true, path: "records.kind")!;
            if (!Codes.TryParseNodeKind(kind, out var nodeKind) || !schema.Nodes.ContainsKey(nodeKind))
            {
                throw Fail("records.kind", $"'{kind}' is not a node kind; use one of {string.Join(", ", schema.Nodes.Keys)}");
            }
            var item = Text(r, "item", path: "records.item");
            if (format == SourceFormat.Html && item is null)
            {
                throw Fail("records.item", "an html source needs the CSS selector of the element that holds one record");
            }
            CheckSelector("records.item", format == SourceFormat.Html ? item : null);
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            var props = Object(r, "properties", required: true, path: "records.properties");
            foreach (var property in props.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                {
                    throw Fail($"records.properties.{property.Name}", "must be a selector (CSS for html, an element name for feeds, a member for json)");
                }
                CheckSelector($"records.properties.{property.Name}", format == SourceFormat.Html ? property.Value.GetString() : null);
                properties[property.Name] = property.Value.GetString()!;
            }
            if (properties.Count == 0)
            {
                throw Fail("records.properties", "must map at least one property to a selector");
            }
            List<string> Named(string field)
            {
                var names = StringList(r, field, $"records.{field}");
                foreach (var n in names.Where(n => !properties.ContainsKey(n)))
                {
                    throw Fail($"records.{field}", $"'{n}' is not one of records.properties ({string.Join(", ", properties.Keys)})");
                }
                return names;
            }
            var nameProperties = Named("matchNames");
            var textProperties = Named("matchText");
            var identifiers = Named("matchIdentifiers");
            if (nameProperties.Count + textProperties.Count + identifiers.Count == 0)
            {
                throw Fail("records.matchNames", "name at least one property to match against watched subjects (matchNames, matchText or matchIdentifiers)");
            }
            RecordLink? link = null;
            if (r.TryGetProperty("link", out var l))
            {
                var edge = Text(l, "edge", required: true, path: "records.link.edge")!;
                if (!Codes.TryParseEdgeKind(edge, out var edgeKind) || !schema.Edges.ContainsKey(edgeKind))
                {
                    throw Fail("records.link.edge", $"'{edge}' is not an edge kind; use one of {string.Join(", ", schema.Edges.Keys.Select(Codes.Of))}");
                }
                link = new RecordLink(edge, Text(l, "from", path: "records.link.from") != "record");
            }
            return new RecordMapping(item, kind, properties, nameProperties, textProperties, identifiers, link);
        }

        private void CheckSelector(string field, string? selector)
        {
            if (selector is null)
            {
                return;
            }
            try
            {
                new AngleSharp.Css.Parser.CssSelectorParser().ParseSelector(selector);
            }
            catch (Exception e) when (e is AngleSharp.Dom.DomException or ArgumentException)
            {
                throw Fail(field, $"'{selector}' is not a CSS selector: {e.Message}");
            }
            if (new AngleSharp.Css.Parser.CssSelectorParser().ParseSelector(selector) is null)
            {
                throw Fail(field, $"'{selector}' is not a CSS selector");
            }
        }

        private IEnumerable<string> HostList(JsonElement parent, string name, string? path = null)
        {
            foreach (var host in StringList(parent, name, path ?? name))
            {
                if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
                {
                    throw Fail(path ?? name, $"'{host}' is not a host name or address");
                }
                yield return host.ToLowerInvariant();
            }
        }

        private List<string> StringList(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var list))
            {
                return [];
            }
            if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(i.GetString())))
            {
                throw Fail(path, "must be a list of non-empty strings");
            }
            return [.. list.EnumerateArray().Select(i => i.GetString()!.Trim())];
        }

        private JsonElement Object(JsonElement parent, string name, bool required, string? path = null)
        {
            if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value))
            {
                return value.ValueKind == JsonValueKind.Object ? value : throw Fail(path ?? name, "must be an object");
            }
            return required ? throw Fail(path ?? name, "is required") : default;
        }

        private string? Text(JsonElement parent, string name, bool required = false, string? path = null)
        {
            if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value))
            {
                return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
                    ? value.GetString()!.Trim()
                    : throw Fail(path ?? name, "must be a non-empty string");
            }
            return required ? throw Fail(path ?? name, "is required") : null;
        }

        private int Int(JsonElement parent, string path, string name, int fallback, int min, int max)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
            {
                return fallback;
            }
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max
                ? n
                : throw Fail(path, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}"));
        }

        private SourceFileException Fail(string field, string message) => new(file, field, message);
    }
}
