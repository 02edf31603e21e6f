using AssetTrace.Graph.Schema;
using AssetTrace.Watch.Sources;

namespace AssetTrace.UnitTests.Watch;

public sealed class SourceFileTests
{
    private static readonly GraphSchema Schema = GraphSchema.Load(GraphSchema.DefaultDirectory);

    private const string Valid = """
        {
          "name": "demo", "kind": "html", "startUrls": ["https://registry.example/list"], "schedule": "0 0 6 * * ?",
          "politeness": { "requestsPerMinutePerHost": 10, "userAgent": "AssetTrace/1.0 (office; watch@prokuror.example)" },
          "records": { "item": "tr", "kind": "Company", "properties": { "name": "td.name" }, "matchNames": ["name"] }
        }
        """;

    [Fact]
    public void The_shipped_examples_load()
    {
        var sources = WatchSources.Load(Path.Combine(AppContext.BaseDirectory, "watch-sources", "examples"), Schema);
        Assert.Equal(["company-registry-html", "news-rss", "un-sc-consolidated-list"], sources.All.Select(s => s.Name));
        Assert.Equal(SourceFormat.SanctionsXml, sources.Find("un-sc-consolidated-list")!.Format);
    }

    [Fact]
    public void A_valid_file_gives_the_source_its_start_hosts_and_defaults()
    {
        var source = SourceFileReader.Read("demo.json", Valid, Schema);
        Assert.Equal(["registry.example"], source.Hosts);
        Assert.True(source.Politeness.RobotsTxt);
        Assert.Empty(source.Politeness.AllowedPrivateHosts);
        Assert.True(source.Allows(new Uri("https://registry.example/x")));
        Assert.False(source.Allows(new Uri("https://other.example/x")));
        Assert.False(source.Allows(new Uri("file:///etc/passwd")));
    }

    [Theory]
    [InlineData("\"kind\": \"html\"", "\"kind\": \"pdf\"", "kind", "html, rss")]
    [InlineData("[\"https://registry.example/list\"]", "[\"file:///etc/passwd\"]", "startUrls[0]", "http or https")]
    [InlineData("[\"https://registry.example/list\"]", "[]", "startUrls", "at least one")]
    [InlineData("\"0 0 6 * * ?\"", "\"every morning\"", "schedule", "Quartz cron")]
    [InlineData("(office; watch@prokuror.example)", "(office)", "politeness.userAgent", "contact address")]
    [InlineData("\"requestsPerMinutePerHost\": 10", "\"requestsPerMinutePerHost\": -1", "politeness.requestsPerMinutePerHost", "whole number")]
    [InlineData("\"kind\": \"Company\"", "\"kind\": \"Spaceship\"", "records.kind", "not a node kind")]
    [InlineData("\"item\": \"tr\"", "\"item\": \"tr[[\"", "records.item", "not a CSS selector")]
    [InlineData("\"matchNames\": [\"name\"]", "\"matchNames\": [\"director\"]", "records.matchNames", "not one of records.properties")]
    [InlineData("\"name\": \"demo\"", "\"name\": \"Demo Source!\"", "name", "lower-case")]
    [InlineData("\"schedule\"", "\"shedule\"", "shedule", "not a field")]
    public void A_file_that_does_not_check_is_refused_naming_the_file_and_the_field(string from, string to, string field, string says)
    {
        var error = Assert.Throws<SourceFileException>(() => SourceFileReader.Read("/etc/watch/registry.json", Valid.Replace(from, to, StringComparison.Ordinal), Schema));
        Assert.Equal(("registry.json", field), (error.File, error.Field));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Watch source file 'registry.json', field '" + field + "'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_naming_one_source_are_refused()
    {
        var error = Assert.Throws<SourceFileException>(() => new WatchSources([SourceFileReader.Read("a.json", Valid, Schema), SourceFileReader.Read("b.json", Valid, Schema)]));
        Assert.Contains("'a.json'", error.Message, StringComparison.Ordinal);
    }
}
