namespace AssetTrace.Matching;

/// <summary>
/// Which query words a candidate shares and how well each can agree at best, in one <see cref="uint"/> (#14). A
/// candidate is found through the keys of a query word, and the key says how far it agrees: the same reading (up to
/// 1), a prefix (0.9 at most), one typing error (0.85), a feminine form (0.45). Each word has four bits, a thermometer:
/// a key of level 2 sets the word's two lowest, so the marks of several keys combine by OR into the best of them.
/// </summary>
/// <remarks>
/// A query of more than <see cref="MostWordsWithLevels"/> words has one bit per word, each at the full level:
/// the bound is then that of sharing the word at all.
/// </remarks>
internal static class SharedWords
{
    public const int MostWordsWithLevels = 8;
    /// <summary>The highest level, and the number of bits a word has.</summary>
    public const int Full = 4;
    public const int Prefix = 3;
    public const int Typo = 2;
    public const int FeminineForm = 1;

    /// <summary>The bits of <paramref name="word"/> agreeing at <paramref name="level"/>, in a query of <paramref name="words"/> words.</summary>
    public static uint Of(int word, int level, int words) =>
        words <= MostWordsWithLevels ? ((1u << level) - 1) << (Full * word) : 1u << word;

    /// <summary>The words of <paramref name="mask"/> (a bit each, by place) at the full level.</summary>
    public static uint AtFullLevel(uint mask, int words)
    {
        if (words > MostWordsWithLevels)
        {
            return mask;
        }
        var shared = 0u;
        for (var word = 0; word < words; word++)
        {
            if ((mask & (1u << word)) != 0)
            {
                shared |= Of(word, Full, words);
            }
        }
        return shared;
    }

    /// <summary>How well <paramref name="word"/> can agree: 0 when it is not shared.</summary>
    public static int Level(uint shared, int word, int words) =>
        words <= MostWordsWithLevels
            ? System.Numerics.BitOperations.PopCount((shared >> (Full * word)) & ((1u << Full) - 1))
            : (shared & (1u << word)) != 0 ? Full : 0;

    /// <summary>The level of a word that can score <paramref name="best"/> at most.</summary>
    public static int LevelOf(double best) =>
        best > Cap(Prefix) ? Full
        : best > Cap(Typo) ? Prefix
        : best > Cap(FeminineForm) ? Typo
        : best > 0 ? FeminineForm
        : 0;

    /// <summary>The best score a word agreeing at <paramref name="level"/> can have (<see cref="WordComparison"/>).</summary>
    public static double Cap(int level) => level switch
    {
        0 => 0,
        FeminineForm => WordComparison.FeminineScore,
        Typo => WordComparison.TypoScore,
        Prefix => WordComparison.PrefixScore,
        _ => 1,
    };
}
