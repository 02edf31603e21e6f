using System.Runtime;
using AssetTrace.Analytics.Engine.Files;

namespace AssetTrace.UnitTests.Analytics.Files;

/// <summary>The snapshot read's no-GC region (#18) must never leave the process without collections, whatever the load does.</summary>
public sealed class CollectionFreeLoadTests
{
    [Fact]
    public void A_load_within_its_budget_returns_its_result_and_collections_resume()
    {
        var result = CollectionFreeLoad.Run(64L << 20, () => Enumerable.Range(0, 1_000).Select(i => new byte[1_000]).Count());

        Assert.Equal(1_000, result);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_load_that_outgrows_its_budget_still_finishes_and_collections_resume()
    {
        var kept = CollectionFreeLoad.Run(16L << 20, () => Enumerable.Range(0, 64).Select(_ => new byte[1 << 20]).ToList());

        Assert.Equal(64, kept.Count);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_failing_load_ends_its_region_and_its_error_reaches_the_caller()
    {
        Assert.Throws<InvalidDataException>(() => CollectionFreeLoad.Run<int>(32L << 20, () => throw new InvalidDataException("damaged")));

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
