using System.Text;

namespace AssetTrace.Matching;

/// <summary>A name split into the words the matcher compares and the legal forms it set aside.</summary>
public sealed class ParsedName
{
    private ParsedName(string original, IReadOnlyList<NameWord> words, IReadOnlyList<(string Text, string Code)> legalForms)
    {
        Original = original;
        Words = words;
        LegalForms = legalForms;
    }

    public string Original { get; }

    public IReadOnlyList<NameWord> Words { get; }

    public IReadOnlyList<(string Text, string Code)> LegalForms { get; }

    /// <summary>
    /// Splits on spaces and hyphens; quotes, brackets and other punctuation are dropped ("«Алтын» ТОО"),
    /// dots end an initial but are dropped inside an abbreviation ("S.A." is one word, "sa").
    /// </summary>
    public static ParsedName Parse(string name)
    {
        var words = new List<NameWord>();
        var forms = new List<(string, string)>();
        var group = 0;
        foreach (var chunk in name.Split([' ', '\t', ',', ';', '/', '(', ')', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            group++;
            var joined = Clean(chunk.Replace("-", "", StringComparison.Ordinal).Replace("‐", "", StringComparison.Ordinal));
            if (joined.Length > 0 && Matching.LegalForms.Of(joined) is { } code)
            {
                forms.Add((joined, code));
                continue;
            }
            // "S.B." written without a space is two initials.
            if (IsRunOfInitials(chunk))
            {
                foreach (var letter in chunk.Where(char.IsLetter))
                {
                    Add(words, char.ToLowerInvariant(letter).ToString(), ++group);
                }
                continue;
            }
            foreach (var part in chunk.Split(['-', '‐', '–'], StringSplitOptions.RemoveEmptyEntries))
            {
                Add(words, Clean(part), group);
            }
        }
        return new ParsedName(name, words, forms);
    }

    private static void Add(List<NameWord> words, string text, int group)
    {
        if (text.Length == 0)
        {
            return;
        }
        var keys = Romanisation.Keys(text);
        if (keys.Count > 0)
        {
            words.Add(new NameWord(text, keys, group));
        }
    }

    private static bool IsRunOfInitials(string chunk) =>
        chunk.Length >= 4 && chunk.Count(c => c == '.') >= 2 && chunk.Split('.', StringSplitOptions.RemoveEmptyEntries).All(p => p.Length == 1 && char.IsLetter(p[0]))
        && Matching.LegalForms.Of(Clean(chunk)) is null;

    private static string Clean(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                b.Append(char.ToLowerInvariant(c));
            }
        }
        return b.ToString();
    }
}
