using AssetTrace.Analytics.Wealth;
using AssetTrace.Common;
using Microsoft.Extensions.Options;

namespace AssetTrace.Roster.Candidates;

/// <summary>The threshold in USD on a date: the option in USD, or in monthly calculation indices converted with that year's index and the day's KZT rate.</summary>
public sealed class RosterThreshold(IOptions<RosterOptions> options, RosterReferenceData referenceData, ExchangeRateStore rates)
{
    public async Task<decimal> UsdOnAsync(DateOnly on, CancellationToken ct)
    {
        if (options.Value.ThresholdMci is not { } mci)
        {
            return options.Value.ThresholdUsd;
        }
        if (!referenceData.MonthlyIndex.TryGetValue(on.Year, out var index))
        {
            throw new UserInputException("asOf",
                $"the roster threshold is set in monthly calculation indices, and reference-data/monthly-calculation-index.csv has no value for {on.Year}: add it, or ask for another date.");
        }
        var rate = (await rates.LoadAsync(ct)).RateOn("KZT", on)
            ?? throw new UserInputException("asOf", $"no KZT exchange rate on or before {on:yyyy-MM-dd} converts the threshold in monthly calculation indices: import one.");
        return Math.Round(mci * index * rate.UsdPerUnit, 2);
    }
}
