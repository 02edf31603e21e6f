using System.Text;
using AnyAscii;

namespace AssetTrace.Matching;

/// <summary>
/// Reduces one word, written in Cyrillic (Russian or Kazakh) or in any Latin romanisation, to
/// comparable keys: "Ахметов", "Akhmetov" (BGN/PCGN, ICAO), "Ahmetov" (Kazakh Latin 2021),
/// "Axmetov" (GOST 7.79 B), "Achmetow" (German) all give "ahmetov" (#14).
/// </summary>
/// <remarks>
/// Cyrillic is read letter by letter into a small phonetic alphabet in which ж, ш/щ and ч are the
/// capitals Z, S and C. Latin is read into the same alphabet by the clusters of each standard.
/// Some Latin spellings cannot be read one way: "ch" is ч in English, х in German and ш in French;
/// "j" is й in German and ж in Kazakh Latin; "x" is кс, or х in GOST 7.79 B. Such a word gets one
/// key per reading (at most <see cref="MaxKeys"/>), and two words agree when any keys are equal.
/// Both kinds of reading then pass the same vowel folds, so what the standards spell differently
/// (я: ya, ja, ia, â; е after a vowel: ye, je, ie; ё: yo, jo, ë, e; ий: iy, ii, y) meets.
/// </remarks>
public static class Romanisation
{
    public const int MaxKeys = 8;

    /// <summary>The keys of one lower-case word; empty for a word with no letters or digits.</summary>
    public static IReadOnlyList<string> Keys(string word)
    {
        if (IsCyrillic(word))
        {
            var key = Fold(FromCyrillic(word));
            return key.Length == 0 ? [] : [key];
        }
        var readings = new List<string> { LatinBase(word) };
        foreach (var (cluster, choices) in Ambiguous)
        {
            if (!readings[0].Contains(cluster, StringComparison.Ordinal))
            {
                continue;
            }
            var next = new List<string>();
            foreach (var reading in readings)
            {
                foreach (var choice in choices)
                {
                    if (next.Count < MaxKeys)
                    {
                        next.Add(reading.Replace(cluster, choice, StringComparison.Ordinal));
                    }
                }
            }
            readings = next;
        }
        var keys = new List<string>(readings.Count);
        foreach (var reading in readings.Concat(readings.Select(German).OfType<string>()).Take(MaxKeys))
        {
            var key = Fold(LatinRest(reading));
            if (key.Length > 0 && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }
        return keys;
    }

    /// <summary>Whether the word has a Cyrillic letter (then it is read as Cyrillic throughout).</summary>
    public static bool IsCyrillic(string word)
    {
        foreach (var c in word)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                return true;
            }
        }
        return false;
    }

    private static string FromCyrillic(string word)
    {
        var s = new StringBuilder(word.Length + 4);
        foreach (var c in word)
        {
            s.Append(c switch
            {
                'а' or 'ә' => "a",
                'б' => "b",
                'в' => "v",
                'г' or 'ғ' or 'ґ' => "g",
                'д' => "d",
                'е' or 'ё' or 'э' or 'є' => "e",
                'ж' => "Z",
                'з' => "z",
                'и' or 'й' or 'і' or 'ы' or 'ї' => "i",
                'к' or 'қ' => "k",
                'л' => "l",
                'м' => "m",
                'н' or 'ң' => "n",
                'о' or 'ө' => "o",
                'п' => "p",
                'р' => "r",
                'с' => "s",
                'т' => "t",
                'у' or 'ұ' or 'ү' or 'ў' => "u",
                'ф' => "f",
                'х' or 'һ' => "h",
                'ц' => "ts",
                'ч' => "C",
                'ш' or 'щ' => "S",
                'ъ' or 'ь' => "",
                'ю' => "iu",
                'я' => "ia",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => "",
            });
        }
        return s.ToString();
    }

    // Letters with diacritics of the standards (ISO 9, GOST 7.79 A, Kazakh Latin 2021, German, French, Turkish habits).
    private static string LatinBase(string word)
    {
        var s = new StringBuilder(word.Length + 4);
        foreach (var c in word)
        {
            s.Append(c switch
            {
                'š' or 'ş' or 'ŝ' or 'ș' => "S",
                'č' or 'ç' or 'ĉ' => "C",
                'ž' or 'ʐ' => "Z",
                'û' => "iu",
                'â' => "ia",
                'ä' or 'à' or 'á' or 'ā' => "a",
                'ö' or 'ô' or 'ó' or 'ō' => "o",
                'ü' or 'ū' or 'ù' or 'ú' or 'ŭ' => "u",
                'ı' or 'ì' or 'í' or 'ï' or 'î' or 'ī' => "i",
                'é' or 'è' or 'ê' or 'ë' or 'ē' => "e",
                'ğ' or 'ġ' or 'ǵ' => "g",
                'ñ' or 'ņ' or 'ń' => "n",
                'ķ' => "k",
                'ḥ' or 'ḫ' => "h",
                '\'' or '’' or 'ʼ' or '`' or 'ʹ' or '"' or '″' => "",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ when c < 128 => "",
                // Anything else (Greek, Arabic, Chinese, rarer accents) is read by AnyAscii, lower-cased.
                _ => new string([.. c.ToString().Transliterate().ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]),
            });
        }
        var r = s.ToString();
        // Longest clusters first, so "shch" is not read as "sh" + "ch" and "tsch" not as "t" + "sch".
        foreach (var (from, to) in Clusters)
        {
            r = r.Replace(from, to, StringComparison.Ordinal);
        }
        return r;
    }

    private static readonly (string From, string To)[] Clusters =
    [
        ("schtsch", "S"), ("chtch", "S"), ("shch", "S"), ("tsch", "C"), ("shh", "S"), ("tch", "C"), ("dzh", "Z"), ("dj", "Z"), ("zh", "Z"), ("sh", "S"),
        ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"),
        ("tz", "ts"), ("cz", "ts"),
        // French: "gue", "gui" are ге, ги (Evguéni); "ou" is у (Choubine).
        ("gue", "ge"), ("gui", "gi"), ("ou", "u"),
    ];

    // What is left ambiguous after the clusters; each choice is one reading.
    private static readonly (string Cluster, string[] Choices)[] Ambiguous =
    [
        // German writes ж and ш alike.
        ("sch", ["S", "Z"]),
        ("ch", ["C", "h", "S"]),
        ("x", ["ks", "h"]),
        ("j", ["i", "Z"]),
    ];

    /// <summary>
    /// The German reading of a spelling, when it differs: German writes з as "s" (before a vowel) and ц as "z"
    /// (Sacharow, Zoi); null when the word has neither.
    /// </summary>
    private static string? German(string reading)
    {
        if (!reading.Contains('s', StringComparison.Ordinal) && !reading.Contains('z', StringComparison.Ordinal))
        {
            return null;
        }
        var b = new StringBuilder(reading.Length + 2);
        for (var i = 0; i < reading.Length; i++)
        {
            var c = reading[i];
            var before = i > 0 ? reading[i - 1] : ' ';
            var after = i + 1 < reading.Length ? reading[i + 1] : ' ';
            b.Append(c switch
            {
                's' when IsVowel(after) && (i == 0 || IsVowel(before) || before is 'l' or 'n' or 'r') => "z",
                'z' => "ts",
                _ => c.ToString(),
            });
        }
        var german = b.ToString();
        return german == reading ? null : german;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static string LatinRest(string reading)
    {
        var s = new StringBuilder(reading.Length + 2);
        for (var i = 0; i < reading.Length; i++)
        {
            var c = reading[i];
            var next = i + 1 < reading.Length ? reading[i + 1] : ' ';
            s.Append(c switch
            {
                'w' => "v",
                'y' => "i",
                'q' => "k",
                // ISO 9 writes ц as c; elsewhere a c before a, o, u or a consonant is a k (Nicolai).
                'c' => next is 'e' or 'i' or 'y' ? "ts" : "k",
                _ => c.ToString(),
            });
        }
        var r = s.ToString();
        // German "ue", "oe" for ü, ö; "ae" stays (Nazarbaev: а + е).
        return r.Replace("ue", "u", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal);
    }

    /// <summary>The folds both scripts' readings pass: repeats collapse, then the spellings of е, ё after i meet.</summary>
    private static string Fold(string s)
    {
        var collapsed = Collapse(s);
        // "ie" (ye, je, ие, ье) is е; "io" (yo, jo, ё) is ё, read as е; a repeat made by the fold collapses again.
        var folded = collapsed.Replace("ie", "e", StringComparison.Ordinal).Replace("io", "e", StringComparison.Ordinal);
        return Collapse(folded);
    }

    private static string Collapse(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (b.Length == 0 || b[^1] != c)
            {
                b.Append(c);
            }
        }
        return b.ToString();
    }
}
