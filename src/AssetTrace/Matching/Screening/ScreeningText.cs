using System.Globalization;

namespace AssetTrace.Matching.Screening;

/// <summary>A match's explanation, holdings and connections in one line each, for a spreadsheet cell or a terminal.</summary>
public static class ScreeningText
{
    /// <summary>"achmetow ≈ ахметов (transliteration 0.97); серік: not in the query (not_in_query)".</summary>
    public static string Explanation(IEnumerable<MatchReason> reasons) =>
        string.Join("; ", reasons.Select(r => r switch
        {
            { Query: { } q, Candidate: { } c } => $"{q} ≈ {c} ({Graph.Model.Codes.Of(r.How)} {Score(r.Score)})",
            { Query: { } q } => $"{q}: not in the match ({Graph.Model.Codes.Of(r.How)})",
            { Candidate: { } c } => $"{c}: not in the row ({Graph.Model.Codes.Of(r.How)})",
            _ => Graph.Model.Codes.Of(r.How),
        }));

    /// <summary>"Flat 3, 12 Example Road (real_estate) 100%; …; and 4 more".</summary>
    public static string Holdings(ScreenMatch match) =>
        More(match.Holdings.Select(h => $"{h.Name} ({Graph.Model.Codes.Of(h.Kind)}) {Percent(h.LowPercent, h.HighPercent)}{(h.Controlled ? ", controlled" : "")}"),
            match.HoldingCount - match.Holdings.Count);

    /// <summary>"Алия Ахметова (family); …".</summary>
    public static string Connected(ScreenMatch match) =>
        More(match.Connected.Select(p => $"{p.Name} ({string.Join(", ", p.Chain.Select(s => Graph.Model.Codes.Of(s.Kind)).Distinct())})"),
            match.ConnectedCount - match.Connected.Count);

    private static string More(IEnumerable<string> items, int more) =>
        string.Join("; ", more > 0 ? items.Append($"and {more} more") : items);

    private static string Percent(double low, double high) =>
        Math.Abs(high - low) < 0.05 ? $"{low.ToString("0.#", CultureInfo.InvariantCulture)}%"
            : $"{low.ToString("0.#", CultureInfo.InvariantCulture)}–{high.ToString("0.#", CultureInfo.InvariantCulture)}%";

    private static string Score(double score) => score.ToString("0.##", CultureInfo.InvariantCulture);
}
