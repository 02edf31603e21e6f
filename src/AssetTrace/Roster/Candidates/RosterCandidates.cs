using AssetTrace.Analytics;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Wealth;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Roster.Entries;
using AssetTrace.Visibility;

namespace AssetTrace.Roster.Candidates;

/// <summary>
/// The persons whose wealth with connected persons reaches the threshold, computed with the wealth
/// analytics (holdings × valuations × dated rates, the close circle counted as the law counts
/// affiliates) over what the viewer may see: a restricted asset of a case the viewer is not on adds nothing.
/// The figures are cached by graph version beside the viewer's <see cref="Viewer.CacheKey"/>, as the
/// analyst's questions are (<see cref="AnalyticsCache"/>), so only viewers who see the same facts share
/// them; the open roster entry of each candidate is not a graph fact and is looked up on every call.
/// </summary>
public sealed class RosterCandidates(SnapshotProvider snapshots, AnalyticsCache cache, ExchangeRateStore rates, GraphQueries graph, RosterThreshold threshold,
    RosterStore entries)
{
    public async Task<List<RosterCandidate>> ListAsync(Viewer viewer, DateOnly on, CancellationToken ct)
    {
        var usd = await threshold.UsdOnAsync(on, ct);
        var figures = await cache.GetOrComputeAsync("rosterCandidates", new { who = viewer.CacheKey, on, usd }, (version, c) => ComputeAsync(viewer, version, on, usd, c), ct);
        var open = (await entries.ListAsync(viewer, null, null, ct))
            .Where(e => e.Stage is not (RosterStage.Rejected or RosterStage.Excluded or RosterStage.Closed))
            .GroupBy(e => e.SubjectId).ToDictionary(g => g.Key, g => g.First().Id);
        return [.. figures.Select(f => f with { EntryId = open.GetValueOrDefault(f.PersonId) })];
    }

    private async Task<List<RosterCandidate>> ComputeAsync(Viewer viewer, long version, DateOnly on, decimal usd, CancellationToken ct)
    {
        var table = await rates.LoadAsync(ct);
        var estimates = await snapshots.ReadAsync(viewer, version, g => g.Nodes
            .Where(n => n.Kind == NodeKind.Person && (n.Out.Count > 0 || n.In.Count > 0))
            .Select(n => (Person: n, Wealth: WealthEstimator.Estimate(g, n.Id, table, usd, on, on)))
            .Where(e => e.Wealth.WithConnected.HighUsd >= usd)
            .OrderByDescending(e => e.Wealth.WithConnected.HighUsd).ThenBy(e => e.Person.Id, StringComparer.Ordinal)
            .ToList(), ct);
        var assets = await graph.GetNodesAsync(viewer, estimates.SelectMany(e => e.Wealth.WithConnected.Items.Select(i => i.NodeId)).Distinct(), ct);
        return [.. estimates.Select(e => new RosterCandidate(
            e.Person.Id, e.Person.Name, e.Wealth.WithConnected.LowUsd, e.Wealth.WithConnected.HighUsd, e.Wealth.Own.LowUsd, e.Wealth.Own.HighUsd, usd,
            e.Wealth.WithConnected.LowUsd >= usd, e.Wealth.ConnectedPersonIds,
            [.. e.Wealth.WithConnected.Items.Select(i => Asset(i, assets.GetValueOrDefault(i.NodeId)))], null))];
    }

    /// <summary>The figure of one person, as the roster keeps it when they are proposed; null when the viewer cannot see them.</summary>
    public async Task<(WealthEstimate Wealth, decimal ThresholdUsd)?> FigureAsync(Viewer viewer, string personId, DateOnly on, CancellationToken ct)
    {
        var usd = await threshold.UsdOnAsync(on, ct);
        var table = await rates.LoadAsync(ct);
        var wealth = await snapshots.ReadAsync(viewer, g => g.Find(personId) is { Kind: NodeKind.Person } ? WealthEstimator.Estimate(g, personId, table, usd, on, on) : null, ct);
        return wealth is null ? null : (wealth, usd);
    }

    private static CandidateAsset Asset(WealthItem item, Node? node) => new(
        item.NodeId, item.Kind, item.Name, item.Value, item.Currency, item.LowPercent, item.HighPercent, item.LowUsd, item.HighUsd,
        node?.Provenance.Source, node?.Provenance.Reference, item.Problem);
}
