using System.Globalization;
using AssetTrace.Roster.Entries;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.WebConsole.Components.Pages.Roster;

/// <summary>What the roster's pages share (#16): their texts, and figures and dates as they show them.</summary>
public abstract class RosterPage : ConsolePage
{
    protected RosterText Roster => Text.Roster;

    protected static string Usd(decimal value) => value.ToString("N0", CultureInfo.InvariantCulture);

    protected static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    protected static string When(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    protected static string StageClass(RosterStage stage) => "stage stage-" + AssetTrace.Graph.Model.Codes.Of(stage).Replace('_', '-');
}
