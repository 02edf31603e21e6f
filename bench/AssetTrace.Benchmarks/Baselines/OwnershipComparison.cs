using System.Globalization;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks.Baselines;

/// <summary>
/// Engine against recursive CTE on the same targets: both timed, and their answers compared.
/// <paramref name="OwnersCompared"/> counts the owners the CTE found on the targets compared;
/// <paramref name="FlowOnly"/> times effective ownership alone (every owner, no control, no paths),
/// to show where the engine's time goes.
/// </summary>
public sealed record OwnershipComparisonResult(
    Latencies Engine, Latencies EngineFiguresOnly, Latencies FlowOnly, Latencies Cte, int Compared, int SkippedCyclic, int OwnersCompared, IReadOnlyList<string> Disagreements);

public static class OwnershipComparison
{
    public const double ThresholdPercent = 25;

    /// <summary>The paths each owner comes with: the default of the GraphQL field.</summary>
    public const int MaxPaths = 5;

    private const double Tolerance = 1e-6;

    public static async Task<OwnershipComparisonResult> RunAsync(
        Database database, GraphSnapshot graph, IReadOnlyList<string> targets, CancellationToken ct, Action<string>? progress = null)
    {
        var asOf = Samples.AsOf;
        var (engine, engineOwners) = Latencies.Measure(targets, id => BeneficialOwnerFinder.Find(graph, id, ThresholdPercent, asOf, MaxPaths));
        progress?.Invoke($"engine (5 paths) p50/p99 {engine.P50:0.###}/{engine.P99:0.###} ms");
        var (figuresOnly, _) = Latencies.Measure(targets, id => BeneficialOwnerFinder.Find(graph, id, ThresholdPercent, asOf, 0));
        var (flowOnly, _) = Latencies.Measure(targets, id => BeneficialOwnerFinder.Owners(graph, id, asOf, 0));
        progress?.Invoke($"engine (no paths) p99 {figuresOnly.P99:0.###} ms, effective ownership only p99 {flowOnly.P99:0.###} ms");
        Latencies cte;
        List<List<CteOwner>> cteOwners;
        await using (var baseline = await RecursiveCteOwners.OpenAsync(database, asOf, ThresholdPercent, ct))
        {
            (cte, cteOwners) = await Latencies.MeasureAsync(targets, id => baseline.FindAsync(id, ct));
        }

        var disagreements = new List<string>();
        var compared = 0;
        var skipped = 0;
        var owners = 0;
        for (var i = 0; i < targets.Count; i++)
        {
            // The CTE stops at a depth on cycles where the engine converges: only acyclic targets must agree.
            if (ShareFlow.Compute(graph.Find(targets[i])!, FlowDirection.Upstream, asOf).Cycles.Count > 0)
            {
                skipped++;
                continue;
            }
            compared++;
            owners += cteOwners[i].Count;
            disagreements.AddRange(Compare(targets[i], engineOwners[i], cteOwners[i]));
        }
        return new OwnershipComparisonResult(engine, figuresOnly, flowOnly, cte, compared, skipped, owners, disagreements);
    }

    /// <summary>The same persons by ownership, with the same low and high shares within 1e-6 percentage points.</summary>
    public static IEnumerable<string> Compare(string targetId, IReadOnlyList<BeneficialOwner> engine, IReadOnlyList<CteOwner> cte)
    {
        var byOwnership = engine.Where(o => o.ByOwnership).ToDictionary(o => o.PersonId);
        var fromCte = cte.ToDictionary(o => o.PersonId);
        foreach (var owner in byOwnership.Values.Where(o => !fromCte.ContainsKey(o.PersonId)))
        {
            yield return Invariant($"{targetId}: the engine finds {owner.PersonId} at {owner.LowPercent}–{owner.HighPercent}%, the CTE does not");
        }
        foreach (var owner in cte.Where(o => !byOwnership.ContainsKey(o.PersonId)))
        {
            yield return Invariant($"{targetId}: the CTE finds {owner.PersonId} at {owner.LowPercent}–{owner.HighPercent}%, the engine does not");
        }
        foreach (var owner in cte.Where(o => byOwnership.ContainsKey(o.PersonId)))
        {
            var mine = byOwnership[owner.PersonId];
            if (Math.Abs(mine.LowPercent - owner.LowPercent) > Tolerance || Math.Abs(mine.HighPercent - owner.HighPercent) > Tolerance)
            {
                yield return Invariant($"{targetId}: {owner.PersonId} holds {mine.LowPercent}–{mine.HighPercent}% by the engine, {owner.LowPercent}–{owner.HighPercent}% by the CTE");
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
