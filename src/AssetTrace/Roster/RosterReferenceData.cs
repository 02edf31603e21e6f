using System.Globalization;
using AssetTrace.Roster.Deadlines;

namespace AssetTrace.Roster;

/// <summary>A reasonable-doubt criterion of the grounds checklist (reference-data/roster-doubt-criteria.csv).</summary>
/// <param name="Title">In English.</param>
/// <param name="Titles">The title in Russian and Kazakh, by language code, for the documents sent in those languages.</param>
public sealed record DoubtCriterion(string Code, string Title, string Description, IReadOnlyDictionary<string, string>? Titles = null)
{
    /// <summary>The title in kk, ru or en; English where the file has no translation.</summary>
    public string TitleIn(string language) => Titles?.GetValueOrDefault(language) is { Length: > 0 } title ? title : Title;
}

/// <summary>The data the office maintains for the roster: the grounds checklist, the index values, the days off.</summary>
public sealed class RosterReferenceData(IReadOnlyList<DoubtCriterion> criteria, IReadOnlyDictionary<int, decimal> monthlyIndex, LegalCalendar calendar)
{
    public IReadOnlyList<DoubtCriterion> Criteria { get; } = criteria;

    /// <summary>The monthly calculation index in KZT, per year.</summary>
    public IReadOnlyDictionary<int, decimal> MonthlyIndex { get; } = monthlyIndex;

    public LegalCalendar Calendar { get; } = calendar;

    public static RosterReferenceData Load(string directory)
    {
        var criteria = Rows(Path.Combine(directory, "roster-doubt-criteria.csv"))
            .Select(f => new DoubtCriterion(f[0], f[1], f.Count > 2 ? f[2] : "", new Dictionary<string, string>
            {
                ["ru"] = f.Count > 3 ? f[3] : "",
                ["kk"] = f.Count > 4 ? f[4] : "",
            })).ToList();
        var index = Rows(Path.Combine(directory, "monthly-calculation-index.csv"))
            .ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture), f => decimal.Parse(f[1], CultureInfo.InvariantCulture));
        return new RosterReferenceData(criteria, index, LegalCalendar.Load(Path.Combine(directory, "holidays-kz.csv")));
    }

    /// <summary>The fields of each line after the header; a field may be quoted (with "" for a quote) and hold commas.</summary>
    private static IEnumerable<List<string>> Rows(string path) =>
        File.ReadLines(path).Skip(1).Where(l => !string.IsNullOrWhiteSpace(l)).Select(Split);

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
