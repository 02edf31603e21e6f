using nietras.SeparatedValues;

namespace AssetTrace.Analytics.RedFlags;

/// <summary>The list in reference-data/secrecy-jurisdictions.csv (code,title,description).</summary>
public sealed class SecrecyJurisdictions(IReadOnlyDictionary<string, string> titles)
{
    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, "reference-data", "secrecy-jurisdictions.csv");

    public bool Contains(string? code) => code is not null && titles.ContainsKey(code);

    public string Title(string code) => titles[code];

    public static SecrecyJurisdictions Load(string path)
    {
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromFile(path);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            titles[row["code"].ToString()] = row["title"].ToString();
        }
        return new SecrecyJurisdictions(titles);
    }
}
