namespace AssetTrace.IntegrationTests.Watch;

/// <summary>Source files for the fixture site, as an office would write them.</summary>
public static class WatchSourceFiles
{
    public const string Agent = "AssetTrace-Test/1.0 (Prosecutor General's Office; watch@prokuror.example)";

    /// <summary>An html source of one or more pages whose article text is searched for names.</summary>
    public static string Articles(string name, int port, string host, string[] paths, bool allowPrivate = true, string extra = "",
        string schedule = "0 0 6 * * ?") => $$"""
        {
          "name": "{{name}}",
          "kind": "html",
          "startUrls": [{{string.Join(", ", paths.Select(p => $"\"http://{host}:{port}{p}\""))}}],
          "schedule": "{{schedule}}",
          "politeness": { "requestsPerMinutePerHost": 0, "robotsTxt": true, "userAgent": "{{Agent}}",
                          "allowedPrivateHosts": [{{(allowPrivate ? $"\"{host}\"" : "")}}] },
          "limits": { "maxMegabytes": 2, "timeoutSeconds": 2, "maxAttempts": 3 },
          {{extra}}
          "records": { "item": "article", "kind": "Person", "properties": { "title": "h1", "text": "p" }, "matchText": ["title", "text"] }
        }
        """;

    /// <summary>The companies registry's paged list: a row whose director matches becomes a company with DIRECTOR_OF.</summary>
    public static string Registry(int port) => $$"""
        {
          "name": "registry",
          "kind": "html",
          "startUrls": ["http://registry.test:{{port}}/list?page=1"],
          "schedule": "0 0 6 * * ?",
          "politeness": { "requestsPerMinutePerHost": 0, "userAgent": "{{Agent}}", "allowedPrivateHosts": ["registry.test"] },
          "pagination": { "next": "a[rel=next]", "follow": "a.staff" },
          "records": {
            "item": "table.results tbody tr", "kind": "Company",
            "properties": { "name": "td.name", "registrationNumber": "td.bin", "director": "td.director" },
            "matchNames": ["director"], "matchIdentifiers": ["registrationNumber"],
            "link": { "edge": "DIRECTOR_OF", "from": "subject" }
          }
        }
        """;

    /// <summary>A sitemap source: its sitemaps lead to article pages read as <see cref="Articles"/> reads them.</summary>
    public static string Sitemap(int port, string host, string start) => $$"""
        {
          "name": "sitemap",
          "kind": "sitemap",
          "startUrls": ["http://{{host}}:{{port}}{{start}}"],
          "schedule": "0 0 6 * * ?",
          "politeness": { "requestsPerMinutePerHost": 0, "userAgent": "{{Agent}}", "allowedPrivateHosts": ["{{host}}"] },
          "limits": { "maxDepth": 10 },
          "records": { "item": "article", "kind": "Person", "properties": { "text": "p" }, "matchText": ["text"] }
        }
        """;

    /// <summary>A JSON API of persons at data.results.</summary>
    public static string People(int port, string host, string[] paths) => $$"""
        {
          "name": "people",
          "kind": "json",
          "startUrls": [{{string.Join(", ", paths.Select(p => $"\"http://{host}:{port}{p}\""))}}],
          "schedule": "0 0 6 * * ?",
          "politeness": { "requestsPerMinutePerHost": 0, "userAgent": "{{Agent}}", "allowedPrivateHosts": ["{{host}}"] },
          "limits": { "maxMegabytes": 10, "timeoutSeconds": 30 },
          "records": { "item": "data.results", "kind": "Person", "properties": { "name": "name", "position": "position" }, "matchNames": ["name"] }
        }
        """;
}
