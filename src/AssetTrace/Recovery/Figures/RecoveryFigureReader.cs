using AssetTrace.Analytics.Wealth;
using AssetTrace.Recovery.Steps;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Recovery.Figures;

/// <summary>
/// Reads the recovery figures over the cases the viewer sees (a total never counts an asset of a
/// case they are not on), converting each move's value to USD with the rates table at the move's date.
/// </summary>
public sealed class RecoveryFigureReader(Database database, ExchangeRateStore rates)
{
    /// <summary>Shown for an asset whose country is not known.</summary>
    public const string UnknownCountry = "unknown";

    public async Task<RecoveryFigures> ReadAsync(Viewer viewer, CancellationToken ct)
    {
        var table = await rates.LoadAsync(ct);
        var visible = await database.ReadAsync(async c =>
        {
            var caseIds = (await c.QueryAsync(null, "SELECT id FROM cases", r => r.GetString(0), ct)).Where(viewer.Sees).ToList();
            var assets = await AssetRows.LoadAsync(c, null, viewer, caseIds, null, ct);
            var crimeTypes = (await c.QueryAsync(null, "SELECT id, crime_type FROM cases", r => (Id: r.GetString(0), Crime: r.GetString(1)), ct))
                .ToDictionary(x => x.Id, x => x.Crime, StringComparer.Ordinal);
            var restricted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in assets.Select(a => a.NodeId).Distinct().Chunk(400))
            {
                var (list, parameters) = SqlList.Of("n", chunk);
                restricted.UnionWith(await c.QueryAsync(null, $"SELECT id FROM nodes WHERE id IN ({list}) AND restricted_case IS NOT NULL", r => r.GetString(0), ct, parameters));
            }
            return (Cases: caseIds.Count, Assets: assets, CrimeTypes: crimeTypes, Restricted: restricted);
        }, ct);
        var facts = visible.Assets
            .SelectMany(a => a.Effective.Where(m => m.Step is not null).Select(m => (
                Step: m.Step!.Value, m.OnDate.Year, Country: a.Country ?? UnknownCountry, Crime: visible.CrimeTypes[a.CaseId], a.Channel,
                Usd: ToUsd(table, m), Restricted: visible.Restricted.Contains(a.NodeId), Key: (a.CaseId, a.NodeId))))
            .ToList();
        var rows = facts.GroupBy(f => (f.Step, f.Year, f.Country, f.Crime, f.Channel))
            .OrderBy(g => g.Key.Step).ThenBy(g => g.Key.Year).ThenBy(g => g.Key.Country, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Crime, StringComparer.Ordinal).ThenBy(g => g.Key.Channel)
            .Select(g => Row(g.Key.Step, g.Key.Year, g.Key.Country, g.Key.Crime, g.Key.Channel, g))
            .ToList();
        var byStep = facts.GroupBy(f => f.Step).OrderBy(g => g.Key).Select(g => Row(g.Key, 0, "", "", default, g)).ToList();
        return new RecoveryFigures(rows, byStep, visible.Cases, visible.Assets.Count(a => visible.Restricted.Contains(a.NodeId)));

        static FigureRow Row(RecoveryStep step, int year, string country, string crime, DiscoveryChannel channel,
            IEnumerable<(RecoveryStep Step, int Year, string Country, string Crime, DiscoveryChannel Channel, decimal? Usd, bool Restricted, (string, string) Key)> group)
        {
            var items = group.ToList();
            return new FigureRow(step, year, country, crime, channel, items.Select(i => i.Key).Distinct().Count(),
                decimal.Round(items.Sum(i => i.Usd ?? 0), 2), items.Count(i => i.Usd is null), items.Where(i => i.Restricted).Select(i => i.Key).Distinct().Count());
        }
    }

    /// <summary>The move's value in USD at the rate of its date; null when it has no value or the table has no rate for its currency.</summary>
    public static decimal? ToUsd(RateTable table, AssetMove move) =>
        move is { Value: { } value, Currency: { } currency } && table.RateOn(currency, move.OnDate) is { } rate ? value * rate.UsdPerUnit : null;
}
