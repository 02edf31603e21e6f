using AssetTrace.Analytics.Connections;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Analytics.RedFlags;
using AssetTrace.Analytics.Wealth;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Visibility;
using Microsoft.Extensions.Options;

namespace AssetTrace.Analytics;

/// <summary>
/// The analyst's questions, answered on the in-memory snapshot and cached by graph version:
/// owners and beneficial owners, holdings, connected persons, wealth and red flags. Each is
/// computed over what the viewer may see, and cached under the viewer's <see cref="Viewer.CacheKey"/>
/// beside the graph version, so an answer is shared only by viewers who see the same facts.
/// </summary>
public sealed class OwnershipAnalytics(
    SnapshotProvider snapshots,
    AnalyticsCache cache,
    ExchangeRateStore rates,
    SecrecyJurisdictions secrecy,
    CaseStore cases,
    IOptions<AnalyticsOptions> options,
    TimeProvider clock)
{
    public const int MaxPaths = 20;

    public AnalyticsOptions Options => options.Value;

    /// <summary>
    /// Figures are for a date: the one asked for, or today. Without a date, links that ended
    /// years ago would be added to the current ones and shares could pass 100%.
    /// </summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<List<OwnerShare>> OwnersAsync(Viewer viewer, string id, DateOnly? asOf, int maxPaths, CancellationToken ct)
    {
        var on = asOf ?? Today;
        return cache.GetOrComputeAsync("owners", new { who = viewer.CacheKey, id, on, maxPaths }, (v, c) =>
            snapshots.ReadAsync(viewer, v, g => BeneficialOwnerFinder.Owners(g, id, on, CheckPaths(maxPaths)), c), ct);
    }

    public Task<List<BeneficialOwner>> BeneficialOwnersAsync(Viewer viewer, string id, double? thresholdPercent, DateOnly? asOf, int maxPaths, CancellationToken ct)
    {
        var threshold = thresholdPercent ?? Options.DefaultBeneficialOwnerThresholdPercent;
        if (threshold is <= 0 or > 100)
        {
            throw new UserInputException("thresholdPercent", $"must be above 0 and at most 100, got {threshold}.");
        }
        var on = asOf ?? Today;
        return cache.GetOrComputeAsync("beneficialOwners", new { who = viewer.CacheKey, id, threshold, on, maxPaths }, (v, c) =>
            snapshots.ReadAsync(viewer, v, g => BeneficialOwnerFinder.Find(g, id, threshold, on, CheckPaths(maxPaths)), c), ct);
    }

    public Task<List<Holding>> HoldingsAsync(Viewer viewer, string id, bool withConnected, DateOnly? asOf, int maxPaths, CancellationToken ct)
    {
        var on = asOf ?? Today;
        return cache.GetOrComputeAsync("holdings", new { who = viewer.CacheKey, id, withConnected, on, maxPaths }, (v, c) =>
            snapshots.ReadAsync(viewer, v, g => HoldingsFinder.Find(g, id, withConnected, on, CheckPaths(maxPaths)), c), ct);
    }

    public Task<List<ConnectedPerson>> ConnectedPersonsAsync(Viewer viewer, string id, int hops, DateOnly? asOf, CancellationToken ct)
    {
        if (hops is < 1 or > 4)
        {
            throw new UserInputException("hops", $"must be between 1 and 4, got {hops}.");
        }
        var on = asOf ?? Today;
        return cache.GetOrComputeAsync("connectedPersons", new { who = viewer.CacheKey, id, hops, on }, (v, c) =>
            snapshots.ReadAsync(viewer, v, g => ConnectedPersonsFinder.Find(g, id, hops, on), c), ct);
    }

    public Task<WealthEstimate> WealthAsync(Viewer viewer, string id, DateOnly? asOf, CancellationToken ct)
    {
        var on = asOf ?? Today;
        return cache.GetOrComputeAsync("wealth", new { who = viewer.CacheKey, id, on }, async (v, c) =>
        {
            var table = await rates.LoadAsync(c);
            return await snapshots.ReadAsync(viewer, v, g => WealthEstimator.Estimate(g, id, table, Options.RosterThresholdUsd, on, on), c);
        }, ct);
    }

    public Task<List<RedFlag>> RedFlagsAsync(Viewer viewer, string id, DateOnly? asOf, string? caseId, CancellationToken ct)
    {
        var on = asOf ?? Today;
        return cache.GetOrComputeAsync("redFlags", new { who = viewer.CacheKey, id, on, caseId }, async (v, c) =>
        {
            DateOnly? opened = null;
            if (caseId is not null)
            {
                opened = (await cases.GetAsync(viewer, caseId, c) ?? throw new UserInputException("caseId", $"no case with id '{caseId}' exists.")).OpenedOn;
            }
            return await snapshots.ReadAsync(viewer, v, g => RedFlagDetector.Detect(g, id, on, opened, secrecy, Options.RedFlags), c);
        }, ct);
    }

    private static int CheckPaths(int maxPaths) =>
        maxPaths is >= 0 and <= MaxPaths ? maxPaths : throw new UserInputException("maxPaths", $"must be between 0 and {MaxPaths}, got {maxPaths}.");
}
