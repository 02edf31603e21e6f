using System.Globalization;
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
        var chunks = name.Split([' ', '\t', ',', ';', '/', '(', ')', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        // Each chunk cleaned once: a legal form, a patronymic's suffix and the word itself are all read from it.
        var cleaned = Array.ConvertAll(chunks, Clean);
        for (var i = 0; i < chunks.Length; i++)
        {
            var chunk = chunks[i];
            group++;
            if (LegalFormAt(chunks, cleaned, i) is ({ } text, { } code, var length))
            {
                forms.Add((text, code));
                i += length - 1;
                continue;
            }
            // "S.B." written without a space is two initials.
            if (IsRunOfInitials(chunk, cleaned[i]))
            {
                foreach (var letter in chunk.Where(char.IsLetter))
                {
                    Add(words, char.ToLowerInvariant(letter).ToString(), ++group);
                }
                continue;
            }
            // A Kazakh patronymic written in two words ("Серік ұлы", "Askhat qyzy") is the one word "Серікұлы".
            if (i + 1 < chunks.Length && IsKazakhPatronymicSuffix(cleaned[i + 1]) && cleaned[i].Length > 1)
            {
                Add(words, cleaned[i] + cleaned[++i], group);
                continue;
            }
            if (chunk.AsSpan().IndexOfAny(Hyphens) < 0)
            {
                Add(words, cleaned[i], group);
                continue;
            }
            foreach (var part in chunk.Split(Hyphens, StringSplitOptions.RemoveEmptyEntries))
            {
                Add(words, Clean(part), group);
            }
        }
        return new ParsedName(name, words, forms);
    }

    private static readonly char[] Hyphens = ['-', '‐', '–'];

    private static readonly HashSet<string> KazakhPatronymicSuffixes = new(StringComparer.Ordinal)
    {
        "ұлы", "улы", "uly", "uli", "ūly", "қызы", "кызы", "qyzy", "kyzy", "kizi", "qizi",
    };

    private static bool IsKazakhPatronymicSuffix(string word) => KazakhPatronymicSuffixes.Contains(word);

    // Forms written in several words. Only these are read across spaces: "S. A." after a surname is two initials, not a company.
    private static readonly HashSet<string> FormsOfSeveralWords = new(StringComparer.Ordinal) { "sarl", "spzoo", "sderl", "ptyltd", "pteltd" };
    private const int LongestFormOfSeveralWords = 6;

    /// <summary>
    /// The legal form starting at chunk <paramref name="at"/>, of one chunk or of up to three that make one of
    /// <see cref="FormsOfSeveralWords"/> ("S.à r.l.", "Sp. z o.o."), read without dots, hyphens or accents;
    /// its text, code and how many chunks it takes.
    /// </summary>
    private static (string? Text, string? Code, int Length) LegalFormAt(string[] chunks, string[] cleaned, int at)
    {
        for (var length = Math.Min(3, chunks.Length - at); length >= 1; length--)
        {
            // Every form of several words is short: longer chunks are not joined and cleaned for nothing.
            if (length > 1 && LettersAndDigits(chunks.AsSpan(at, length)) > LongestFormOfSeveralWords)
            {
                continue;
            }
            // Clean drops hyphens with every other mark: "Sp. z o.o." and "Sp.-z-o.o." read alike.
            var joined = length == 1 ? cleaned[at] : Clean(string.Concat(chunks.AsSpan(at, length)));
            if (joined.Length == 0 || (length > 1 && joined.Length > LongestFormOfSeveralWords))
            {
                continue;
            }
            var plain = HasLatinAccents(joined) ? WithoutAccents(joined) : joined;
            if ((length == 1 || FormsOfSeveralWords.Contains(plain)) && (Matching.LegalForms.Of(joined) ?? Matching.LegalForms.Of(plain)) is { } code)
            {
                return (joined, code, length);
            }
        }
        return (null, null, 0);
    }

    private static int LettersAndDigits(ReadOnlySpan<string> chunks)
    {
        var count = 0;
        foreach (var chunk in chunks)
        {
            foreach (var c in chunk)
            {
                count += char.IsLetterOrDigit(c) ? 1 : 0;
            }
        }
        return count;
    }

    // The forms are written in plain Latin or Cyrillic letters: only a Latin letter with an accent ("S.à r.l.", or a
    // combining mark) reads as another form without it, and taking accents off costs a normalisation.
    private static bool HasLatinAccents(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u00c0' and <= '\u024f' or >= '\u0300' and <= '\u036f' or >= '\u1e00' and <= '\u1eff')
            {
                return true;
            }
        }
        return false;
    }

    private static string WithoutAccents(string text) =>
        new([.. text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);

    private static void Add(List<NameWord> words, string text, int group)
    {
        if (text.Length == 0)
        {
            return;
        }
        var keys = WordKeys.Of(text);
        if (keys.Count > 0)
        {
            words.Add(new NameWord(text, keys, group));
        }
    }

    private static bool IsRunOfInitials(string chunk, string cleaned) =>
        chunk.Length >= 4 && chunk.AsSpan().Count('.') >= 2 && chunk.Split('.', StringSplitOptions.RemoveEmptyEntries).All(p => p.Length == 1 && char.IsLetter(p[0]))
        && Matching.LegalForms.Of(cleaned) is null;

    /// <summary>The letters and digits of <paramref name="text"/>, composed (NFC) and lower-case.</summary>
    private static string Clean(string text)
    {
        if (!IsComposed(text))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }
        Span<char> kept = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept[length++] = c;
            }
        }
        if (length == 0)
        {
            return "";
        }
        Span<char> lower = length <= 256 ? stackalloc char[length] : new char[length];
        kept[..length].ToLowerInvariant(lower);
        return new string(lower);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is certainly in composed form (NFC) without asking ICU, which is most of the cost of
    /// reading a name: below U+0300 and in the Cyrillic letters every character is composed and composes with nothing.
    /// Any other character sends the text to the normaliser.
    /// </summary>
    private static bool IsComposed(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' && c is not (>= '\u0400' and <= '\u0482' or >= '\u048a' and <= '\u052f'))
            {
                return false;
            }
        }
        return true;
    }
}
