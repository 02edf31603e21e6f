using System.Globalization;
using AssetTrace.Accounts;
using AssetTrace.Recovery.Assistant;
using AssetTrace.Visibility;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.WebConsole.Components.Pages.Recovery;

/// <summary>
/// What the recovery pages share (#17): their texts, and the role gates of Api/RecoveryFields —
/// analysts, officers and supervisors record moves and decide recommendations, officers draft
/// requests, supervisors read the office's figures page; admins pass every gate.
/// </summary>
public abstract class RecoveryPage : ConsolePage
{
    protected RecoveryText Recovery => Text.Recovery;

    public static bool MayRecord(Viewer viewer) => viewer.Has(Role.Analyst) || viewer.Has(Role.Officer) || viewer.Has(Role.Supervisor);

    public static bool MayAccept(Viewer viewer, Recommendation recommendation) =>
        recommendation.Draft == ActionDraft.Task ? MayRecord(viewer) : viewer.Has(Role.Officer) && recommendation.RouteProblem is null;

    public static bool MayReadFigures(Viewer viewer) => viewer.Has(Role.Supervisor);

    protected static string Money(decimal? value) => value?.ToString("#,0", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The day of an instant, in UTC, as the recovery pages show dates.</summary>
    protected static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
