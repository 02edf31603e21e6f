namespace AssetTrace.Analytics.RedFlags;

/// <summary>Thresholds of the red flags; section "Analytics:RedFlags" of the configuration.</summary>
public sealed class RedFlagOptions
{
    /// <summary>Companies registered at one address before it counts as a mass-registration address.</summary>
    public int MassRegistrationCompanies { get; set; } = 10;

    /// <summary>Links between an owner and what it owns from which a chain counts as long.</summary>
    public int LongChainHops { get; set; } = 4;

    /// <summary>Days before a case was opened in which a transfer is flagged.</summary>
    public int TransferWindowDays { get; set; } = 365;
}
