using AssetTrace.Analytics.RedFlags;

namespace AssetTrace.Analytics;

/// <summary>Section "Analytics" of the configuration.</summary>
public sealed class AnalyticsOptions
{
    /// <summary>The roster threshold of the law on illegally acquired assets.</summary>
    public decimal RosterThresholdUsd { get; set; } = 100_000_000m;

    public double DefaultBeneficialOwnerThresholdPercent { get; set; } = 25;

    public RedFlagOptions RedFlags { get; set; } = new();
}
