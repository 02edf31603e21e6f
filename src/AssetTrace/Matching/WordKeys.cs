using System.Collections.Concurrent;

namespace AssetTrace.Matching;

/// <summary>
/// The keys of a word (<see cref="Romanisation.Keys"/>), worked out once per word (#14). A register of millions
/// of names is made of far fewer words, and a lookup parses the names of hundreds of candidates that share them.
/// Bounded: when full it starts again empty. The keys are immutable, so every thread shares them.
/// </summary>
internal static class WordKeys
{
    /// <summary>About 150 bytes a word: some 30 MiB at most.</summary>
    private const int Capacity = 200_000;

    private static ConcurrentDictionary<string, IReadOnlyList<string>> s_keys = new(StringComparer.Ordinal);
    // Counted apart: ConcurrentDictionary.Count takes every one of its locks.
    private static int s_count;

    public static IReadOnlyList<string> Of(string word)
    {
        var keys = s_keys;
        if (keys.TryGetValue(word, out var found))
        {
            return found;
        }
        found = Romanisation.Keys(word);
        if (Interlocked.Increment(ref s_count) > Capacity)
        {
            // Two threads may start again at once: one new dictionary wins, the other's few words are read again.
            s_keys = keys = new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            Interlocked.Exchange(ref s_count, 1);
        }
        keys.TryAdd(word, found);
        return found;
    }
}
