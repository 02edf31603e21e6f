using System.Globalization;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.WebConsole.Components.Pages.Requests;

/// <summary>What the request desk's pages share: their texts, and dates and statuses as the desk shows them.</summary>
public abstract class DeskPage : ConsolePage
{
    protected DeskText Desk => Text.Desk;

    protected string StatusName(RequestStatus status) => Desk.StatusName(status);

    /// <summary>Dates in UTC, as the letters and the audit log give them.</summary>
    protected static string When(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    protected static string StatusClass(RequestStatus status) => "status status-" + AssetTrace.Graph.Model.Codes.Of(status).Replace('_', '-');
}
