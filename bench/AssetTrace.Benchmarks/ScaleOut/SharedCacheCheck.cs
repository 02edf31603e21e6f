using AssetTrace.Benchmarks.Measuring;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>
/// Whether the analytics cache is shared (#18): questions no one asked yet, first on server A and then on B, should
/// be hits on B; as a control, as many other new questions asked on B alone should be misses there. Hits and misses
/// are B's own counters (<see cref="CacheCounters"/>). Nothing else may write the graph meanwhile: a write moves the
/// counter in every cache key.
/// </summary>
internal sealed record SharedCacheCheck(int Questions, CacheCounters AfterA, CacheCounters Control)
{
    // A threshold the load never asks for, so each question is a new cache key.
    private const string Question = "query($id: ID!) { beneficialOwners(id: $id, thresholdPercent: 24.5) { personId lowPercent highPercent } }";

    public bool Shared => AfterA.Hits == Questions && AfterA.Misses == 0 && Control.Misses == Questions;

    public static async Task<SharedCacheCheck> RunAsync(GraphQLSession a, GraphQLSession b, Samples samples, int count, CancellationToken ct)
    {
        var asked = samples.OwnershipTargets.Skip(samples.OwnershipTargets.Count - 2 * count).ToList();
        var (first, control) = (asked[..count], asked[count..]);
        foreach (var id in first)
        {
            await a.DataAsync(Question, new { id }, ct);
        }
        var before = await CacheCounters.ReadAsync(b, ct);
        foreach (var id in first)
        {
            await b.DataAsync(Question, new { id }, ct);
        }
        var afterA = await CacheCounters.ReadAsync(b, ct) - before;
        before = await CacheCounters.ReadAsync(b, ct);
        foreach (var id in control)
        {
            await b.DataAsync(Question, new { id }, ct);
        }
        return new SharedCacheCheck(count, afterA, await CacheCounters.ReadAsync(b, ct) - before);
    }

    public string Cell => $"{AfterA.Hits} of {Questions} questions first asked on A were hits on B ({AfterA.Misses} misses); " +
        $"control, {Questions} new questions on B alone: {Control.Misses} misses, {Control.Hits} hits";
}
