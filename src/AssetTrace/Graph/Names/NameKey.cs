using System.Text;
using AnyAscii;

namespace AssetTrace.Graph.Names;

/// <summary>
/// Reduces a name to search keys that ignore case, accents, script and the usual
/// transliteration variants, so that "Akhmetov", "Ahmetov" and "Ахметов" share a key,
/// and so do "Нұрсұлтан" and "Nursultan". Word order does not matter: a name becomes a
/// set of keys, one per word.
/// </summary>
/// <remarks>
/// Script is removed by AnyAscii's transliteration to ASCII (Cyrillic incl. Kazakh letters,
/// Greek, Arabic, Chinese, …). The variants left are those of romanisation systems
/// (GOST, BGN/PCGN, ICAO passports, English and German habits), which <see cref="Fold"/>
/// maps onto one spelling. The folding is deliberately coarse: a search may find a few
/// extra names, which an analyst sees; it must not miss a variant spelling.
/// </remarks>
public static class NameKey
{
    /// <summary>The keys of every word in <paramref name="name"/>, in order, without repeats.</summary>
    public static IReadOnlyList<string> Keys(string name)
    {
        var keys = new List<string>();
        foreach (var word in Words(name))
        {
            var key = Fold(word);
            if (key.Length > 0 && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }
        return keys;
    }

    /// <summary>Lower-case ASCII words of the name, split on anything that is not a letter or digit.</summary>
    public static IEnumerable<string> Words(string name)
    {
        var ascii = name.Transliterate();
        var word = new StringBuilder();
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '`' or '’')
            {
                // Apostrophes of transliterated soft signs (Ь → ') and O'Brien vanish inside a word.
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>Maps one lower-case ASCII word to its transliteration-independent key.</summary>
    public static string Fold(string word)
    {
        var s = word;
        foreach (var (from, to) in Rules)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }
        // Word-initial "ie" is a romanised Е (Ievgenii = Evgeny = Yevgeny).
        if (s.StartsWith("ie", StringComparison.Ordinal))
        {
            s = s[1..];
        }
        return CollapseRepeats(s);
    }

    // Order matters: longer clusters first, so "shch" is not read as "s" + "hch".
    private static readonly (string From, string To)[] Rules =
    [
        ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("tsch", "ch"), ("dzh", "j"), ("dj", "j"), ("zh", "j"),
        ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"),
        ("ts", "c"), ("tz", "c"), ("cz", "c"),
        ("ck", "k"), ("x", "ks"), ("q", "k"), ("w", "v"),
        // -ayev and -aev (Nazarbayev, Nazarbaev): the y is a romanised Е, not a consonant.
        ("aye", "ae"), ("oye", "oe"),
        ("y", "i"), ("j", "i"),
        ("ou", "u"), ("ue", "u"), ("oe", "o"),
    ];

    private static string CollapseRepeats(string s)
    {
        var builder = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
