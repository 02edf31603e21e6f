using AssetTrace.Graph.Model;

namespace AssetTrace.Requests.Directory;

/// <summary>
/// An asset-recovery network or channel, with the usage restriction of what it answers and the
/// default time it is given to answer, by urgency.
/// </summary>
/// <param name="Kind">informal (CARIN, ARIN-AP, Interpol/StAR), fiu (Egmont) or formal (MLA).</param>
/// <param name="ConsentRequired">The provider's prior consent is needed before its information is disseminated or used in court.</param>
public sealed record NetworkInfo(
    string Code, string Name, string Kind, bool ConsentRequired, UsageRestriction Restriction,
    int UrgentHours, int NormalDays, int LowDays)
{
    /// <summary>The formal channel: mutual legal assistance through the central authorities (reference-data/network-directory.json).</summary>
    public const string Mla = "MLA";

    public bool IsFormal => Kind == "formal";

    public TimeSpan DueWithin(Lifecycle.Urgency urgency) => urgency switch
    {
        Lifecycle.Urgency.Urgent => TimeSpan.FromHours(UrgentHours),
        Lifecycle.Urgency.Normal => TimeSpan.FromDays(NormalDays),
        _ => TimeSpan.FromDays(LowDays),
    };
}

/// <summary>A member's contact point in a network: where requests to that jurisdiction go.</summary>
public sealed record ContactPoint(
    string Id, string Network, string Jurisdiction, string Name, string Email,
    IReadOnlyList<string> Languages, string TimeZone, int UsualResponseDays, bool Active);
