using AssetTrace.Matching;

namespace AssetTrace.Benchmarks.Names;

/// <summary>
/// Quality on the whole labelled set (tests/fixtures/names/pairs.tsv): recall at 10 (the partner of each
/// same-name pair among the ten best of an index of every pair's second name), and precision and recall at
/// a threshold (same-name pairs scoring at or above it against near misses that do). The matcher weighs the
/// birth dates some pairs carry; pg_trgm compares names only, which is all it can do.
/// </summary>
public static class LabelledQuality
{
    /// <summary>A labelled pair; birth dates (may be empty) tell a father from a son of the same name.</summary>
    public sealed record Pair(bool Same, string A, string B, string? BirthA, string? BirthB)
    {
        public MatchSubject SubjectA => new([A], BirthA);

        public MatchSubject SubjectB => new([B], BirthB);
    }

    public static IReadOnlyList<Pair> Load(string root) =>
        [.. File.ReadLines(Path.Combine(root, "tests", "fixtures", "names", "pairs.tsv")).Skip(1)
            .Select(line => line.Split('\t')).Select(f => new Pair(f[0] == "same", f[2], f[4], Empty(f[3]), Empty(f[5])))];

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    public static QualityFigures Matcher(IReadOnlyList<Pair> pairs)
    {
        var threshold = new MatchingOptions().Threshold;
        var index = new MatchIndex();
        for (var i = 0; i < pairs.Count; i++)
        {
            index.Upsert(new MatchEntry(Id(i), "Person", pairs[i].SubjectB, null, null, null));
        }
        var found = pairs.Select((p, i) => (p, i)).Where(x => x.p.Same)
            .Count(x => index.Find(x.p.SubjectA, search: false, _ => true, threshold: 0, take: 10, countBound: 1000).Items.Any(h => h.Entry.Id == Id(x.i)));
        var scores = pairs.Select(p => NameMatcher.Compare(p.SubjectA, p.SubjectB).Score).ToList();
        return At(pairs, scores, threshold, found);
    }

    /// <summary>pg_trgm's figures at the threshold that gives it its best F1, on names as written or transliterated.</summary>
    public static async Task<(QualityFigures Raw, QualityFigures Ascii)> TrigramsAsync(IReadOnlyList<Pair> pairs, TrigramBaseline trigrams, CancellationToken ct)
    {
        var similarities = await trigrams.SimilaritiesAsync([.. pairs.Select(p => (p.A, p.B))], ct);
        await trigrams.LoadAsync("labelled", [.. pairs.Select(p => p.B)], ct);
        var raw = Best(pairs, [.. similarities.Select(s => s.Raw)]);
        var ascii = Best(pairs, [.. similarities.Select(s => s.Ascii)]);
        var found = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].Same && (await trigrams.NearestAsync("labelled", pairs[i].A, 0.05, ct)).Contains(i))
            {
                found++;
            }
        }
        return (raw with { RecallAt10 = double.NaN }, ascii with { RecallAt10 = (double)found / pairs.Count(p => p.Same) });
    }

    private static QualityFigures Best(IReadOnlyList<Pair> pairs, List<double> scores) =>
        Enumerable.Range(1, 19).Select(t => At(pairs, scores, t / 20.0, 0)).MaxBy(q => q.F1)!;

    private static QualityFigures At(IReadOnlyList<Pair> pairs, List<double> scores, double threshold, int foundInTen)
    {
        var same = pairs.Count(p => p.Same);
        var truePositives = pairs.Where((p, i) => p.Same && scores[i] >= threshold).Count();
        var falsePositives = pairs.Where((p, i) => !p.Same && scores[i] >= threshold).Count();
        var precision = truePositives + falsePositives == 0 ? 0 : (double)truePositives / (truePositives + falsePositives);
        return new QualityFigures(threshold, (double)foundInTen / same, precision, (double)truePositives / same, same, pairs.Count - same);
    }

    private static string Id(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Quality at one threshold; <see cref="Recall"/> is at the threshold, <see cref="RecallAt10"/> among the ten best.</summary>
public sealed record QualityFigures(double Threshold, double RecallAt10, double Precision, double Recall, int SamePairs, int NearMisses)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
