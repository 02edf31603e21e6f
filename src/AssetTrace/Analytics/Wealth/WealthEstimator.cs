using AssetTrace.Analytics.Connections;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Wealth;

/// <summary>
/// Asset valuations × effective share, converted to USD at the rate of the valuation date.
/// Companies have no value of their own here: what they hold is counted through them.
/// </summary>
public static class WealthEstimator
{
    private static readonly HashSet<NodeKind> Assets =
        [NodeKind.RealEstate, NodeKind.BankAccount, NodeKind.Vehicle, NodeKind.Vessel, NodeKind.Aircraft, NodeKind.Securities, NodeKind.CryptoWallet];

    /// <param name="today">Converts valuations that carry no date.</param>
    public static WealthEstimate Estimate(GraphSnapshot graph, string personId, RateTable rates, decimal thresholdUsd, DateOnly? asOf, DateOnly today)
    {
        var person = BeneficialOwnerFinder.Require(graph, personId);
        var circle = ConnectedPersonsFinder.CloseCircle(person, asOf);
        var own = Total(HoldingsFinder.Find(graph, personId, false, asOf, 0), graph, rates, asOf ?? today);
        var together = Total(HoldingsFinder.Find(graph, personId, true, asOf, 0), graph, rates, asOf ?? today);
        return new WealthEstimate(personId, thresholdUsd, own, together, [.. circle.Select(c => c.Id)],
            together.HighUsd >= thresholdUsd, together.LowUsd >= thresholdUsd);
    }

    private static WealthTotal Total(List<Holding> holdings, GraphSnapshot graph, RateTable rates, DateOnly undated)
    {
        var items = new List<WealthItem>();
        foreach (var holding in holdings.Where(h => Assets.Contains(h.Kind)))
        {
            var node = graph.Find(holding.NodeId)!;
            string? problem = null;
            ExchangeRate? rate = null;
            if (node.Value is null || node.ValueCurrency is null)
            {
                problem = "no valuation recorded";
            }
            else
            {
                rate = rates.RateOn(node.ValueCurrency, node.ValueDate ?? undated);
                problem = rate is null ? $"no exchange rate for {node.ValueCurrency}" : null;
            }
            var usd = problem is null ? node.Value!.Value * rate!.UsdPerUnit : 0;
            items.Add(new WealthItem(node.Id, node.Kind, node.Name, node.Value, node.ValueCurrency, node.ValueDate,
                holding.LowPercent, holding.HighPercent, rate?.UsdPerUnit, rate?.Date,
                Math.Round(usd * (decimal)holding.LowPercent / 100, 2), Math.Round(usd * (decimal)holding.HighPercent / 100, 2), problem));
        }
        return new WealthTotal(items.Sum(i => i.LowUsd), items.Sum(i => i.HighUsd), [.. items.OrderByDescending(i => i.HighUsd)]);
    }
}
