using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;

namespace AssetTrace.UnitTests.Interchange;

public sealed class RecentRecordNodesTests
{
    [Fact]
    public void When_full_the_older_half_goes_and_what_was_just_used_stays()
    {
        var cache = new RecentRecordNodes(capacity: 4);
        cache.Add("icij:1", ("icij:1", NodeKind.Company));
        cache.Add("icij:2", ("icij:2", NodeKind.Person));
        // Used again while still in the older generation: kept when that generation is dropped.
        cache.Add("icij:3", ("icij:3", NodeKind.Person));
        Assert.True(cache.TryGet("icij:1", out _));
        cache.Add("icij:4", ("icij:4", NodeKind.Address));
        cache.Add("icij:5", ("icij:5", NodeKind.Address));

        Assert.True(cache.TryGet("icij:1", out var kept));
        Assert.Equal(("icij:1", NodeKind.Company), kept);
        Assert.False(cache.TryGet("icij:2", out _));
        Assert.True(cache.TryGet("icij:5", out _));
    }

    [Fact]
    public void An_id_that_reads_like_its_key_is_kept_as_the_key_itself_and_one_that_does_not_as_given()
    {
        var cache = new RecentRecordNodes(capacity: 10);
        var key = string.Concat("bods:", "per-1");
        cache.Add(key, (string.Concat("bods:", "per-1"), NodeKind.Person));
        cache.Add("bods:a/b", ("bods:a.b", NodeKind.Company));

        Assert.True(cache.TryGet("bods:per-1", out var same));
        Assert.Same(key, same.Id);
        Assert.True(cache.TryGet("bods:a/b", out var other));
        Assert.Equal("bods:a.b", other.Id);
        Assert.Equal(NodeKind.Company, other.Kind);
    }
}
