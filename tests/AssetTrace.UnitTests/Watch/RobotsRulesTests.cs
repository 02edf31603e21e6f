using AssetTrace.Watch.Fetching;

namespace AssetTrace.UnitTests.Watch;

public sealed class RobotsRulesTests
{
    private const string Agent = "AssetTrace/1.0 (office; watch@prokuror.example)";

    [Fact]
    public void The_group_for_the_crawlers_token_wins_over_the_star_group_and_the_longest_rule_wins()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /\n\nUser-agent: AssetTrace\nDisallow: /private/\nAllow: /private/open$\nDisallow: /*.pdf\n", Agent);
        Assert.True(rules.Allows(new Uri("http://x.test/news/")));
        Assert.False(rules.Allows(new Uri("http://x.test/private/a")));
        Assert.True(rules.Allows(new Uri("http://x.test/private/open")));
        Assert.False(rules.Allows(new Uri("http://x.test/private/open/more")));
        Assert.False(rules.Allows(new Uri("http://x.test/files/a.pdf")));
    }

    [Fact]
    public void Without_a_group_of_its_own_the_crawler_follows_the_star_group()
    {
        var rules = RobotsRules.Parse("User-agent: OtherBot\nDisallow: /\n\nUser-agent: *\nDisallow: /search\n", Agent);
        Assert.True(rules.Allows(new Uri("http://x.test/news/")));
        Assert.False(rules.Allows(new Uri("http://x.test/search?q=a")));
    }
}
