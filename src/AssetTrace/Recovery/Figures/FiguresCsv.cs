using System.Globalization;
using System.Text;
using AssetTrace.Graph.Model;

namespace AssetTrace.Recovery.Figures;

/// <summary>
/// The figures as a CSV file (RFC 4180, UTF-8), one line per step, year, country, crime type and
/// channel. Every field is a code or a number, so nothing a user typed reaches a spreadsheet's
/// formula parser.
/// </summary>
public static class FiguresCsv
{
    public const string Header = "step,year,country,crime_type,channel,assets,value_usd,unvalued,restricted";

    public static string Write(RecoveryFigures figures)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var row in figures.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Codes.Of(row.Step)},{row.Year},{Safe(row.Country)},{Safe(row.CrimeType)},{Codes.Of(row.Channel)},")
                .Append(CultureInfo.InvariantCulture, $"{row.Assets},{row.ValueUsd:0.00},{row.Unvalued},{row.Restricted}\r\n");
        }
        return csv.ToString();
    }

    /// <summary>Codes only: a country or crime type is letters, digits and underscores; anything else is replaced.</summary>
    private static string Safe(string code) => new([.. code.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_' ? ch : '_')]);
}
