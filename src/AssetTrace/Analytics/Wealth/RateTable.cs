namespace AssetTrace.Analytics.Wealth;

/// <summary>One dated rate: how many US dollars one unit of the currency was worth on that date.</summary>
public sealed record ExchangeRate(string Currency, DateOnly Date, decimal UsdPerUnit, string Source);

/// <summary>The rates in memory, by currency and date, for converting valuations to USD.</summary>
public sealed class RateTable(IEnumerable<ExchangeRate> rates)
{
    private readonly Dictionary<string, ExchangeRate[]> _byCurrency = rates
        .GroupBy(r => r.Currency, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Date).ToArray(), StringComparer.Ordinal);

    /// <summary>The latest rate on or before the date; the earliest one when the date precedes them all.</summary>
    public ExchangeRate? RateOn(string currency, DateOnly date)
    {
        if (!_byCurrency.TryGetValue(currency, out var rates))
        {
            return null;
        }
        ExchangeRate? best = null;
        foreach (var rate in rates)
        {
            if (rate.Date > date)
            {
                break;
            }
            best = rate;
        }
        return best ?? rates[0];
    }
}
