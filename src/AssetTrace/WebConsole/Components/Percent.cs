using System.Globalization;

namespace AssetTrace.WebConsole.Components;

/// <summary>An effective share as the analyst's pages and the dossier show it: one figure, or a range when the low and high differ.</summary>
public static class Percent
{
    public static string Range(double? low, double? high) =>
        low is null || high is null ? "?"
        : Math.Abs(low.Value - high.Value) < 0.005 ? string.Create(CultureInfo.InvariantCulture, $"{low:0.##} %")
        : string.Create(CultureInfo.InvariantCulture, $"{low:0.##}–{high:0.##} %");

    public static string Usd(decimal low, decimal high) =>
        low == high ? low.ToString("#,0", CultureInfo.InvariantCulture) : $"{low.ToString("#,0", CultureInfo.InvariantCulture)} – {high.ToString("#,0", CultureInfo.InvariantCulture)}";
}
