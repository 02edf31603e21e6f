namespace AssetTrace.Matching;

/// <summary>
/// Whether two spellings of a word differ by one typing error: a letter left out, one added, two
/// neighbours swapped, or one struck for a key next to it on the keyboard of the word's script
/// (QWERTY for Latin, ЙЦУКЕН for Cyrillic). A substitution of a letter far away on the keyboard is
/// not a slip of the finger but another name: Akhmetov and Akhmedov are different people (#14).
/// </summary>
public static class TypingErrors
{
    private static readonly string[] Qwerty = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
    private static readonly string[] Jcuken = ["1234567890", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"];

    // Kazakh letters sit on the number row of the Kazakh layout; they count as next to their Russian pair.
    private static readonly Dictionary<char, char> KazakhPairs = new()
    {
        ['ә'] = 'а', ['ғ'] = 'г', ['қ'] = 'к', ['ң'] = 'н', ['ө'] = 'о', ['ұ'] = 'у', ['ү'] = 'у', ['һ'] = 'х', ['і'] = 'и',
    };

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> (at least four letters each) are one typing error apart.</summary>
    public static bool OneApart(string a, string b)
    {
        if (a.Length < 4 || b.Length < 4 || a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        if (a.Length != b.Length)
        {
            var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
            var i = 0;
            while (i < shorter.Length && shorter[i] == longer[i])
            {
                i++;
            }
            return shorter.AsSpan(i).SequenceEqual(longer.AsSpan(i + 1));
        }
        var first = -1;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                first = i;
                break;
            }
        }
        if (first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first] && a.AsSpan(first + 2).SequenceEqual(b.AsSpan(first + 2)))
        {
            return true;
        }
        return a.AsSpan(first + 1).SequenceEqual(b.AsSpan(first + 1)) && Neighbours(a[first], b[first]);
    }

    /// <summary>Whether two keys are next to each other (or one is the Kazakh letter of the other) on a keyboard.</summary>
    public static bool Neighbours(char x, char y)
    {
        x = KazakhPairs.GetValueOrDefault(x, x);
        y = KazakhPairs.GetValueOrDefault(y, y);
        if (x == y)
        {
            return true;
        }
        return Near(Qwerty, x, y) || Near(Jcuken, x, y);
    }

    private static bool Near(string[] rows, char x, char y)
    {
        var (rx, cx) = Find(rows, x);
        var (ry, cy) = Find(rows, y);
        if (rx < 0 || ry < 0)
        {
            return false;
        }
        // Each row is shifted about half a key right of the one above: a key touches col and col-1 below it.
        return (rx == ry && Math.Abs(cx - cy) == 1)
            || (ry == rx + 1 && (cy == cx || cy == cx - 1))
            || (ry == rx - 1 && (cy == cx || cy == cx + 1));
    }

    private static (int Row, int Column) Find(string[] rows, char c)
    {
        for (var r = 0; r < rows.Length; r++)
        {
            var column = rows[r].IndexOf(c, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (r, column);
            }
        }
        return (-1, -1);
    }
}
