using System.Globalization;
using AssetTrace.Matching;
using Xunit.Abstractions;

namespace AssetTrace.UnitTests.Matching;

/// <summary>
/// The matcher's quality on the labelled set (tests/fixtures/names, #14): a slice of it on every run,
/// failing below the targets: recall at 10 of 0.98 and precision of 0.95 at the default threshold.
/// </summary>
public sealed class LabelledSetTests(ITestOutputHelper output)
{
    // Every third pair: about 700 same-name pairs and 430 near misses, each kind of variation in it.
    private const int SliceStep = 3;

    [Fact]
    public void Recall_at_10_and_precision_at_the_default_threshold_meet_the_targets()
    {
        var threshold = new MatchingOptions().Threshold;
        var slice = LabelledPair.Load().Where((_, i) => i % SliceStep == 0).ToList();
        var index = new MatchIndex();
        for (var i = 0; i < slice.Count; i++)
        {
            index.Upsert(new MatchEntry($"b{i}", "Person", slice[i].B, null, null, null));
        }

        int found = 0, same = 0, truePositives = 0, falsePositives = 0;
        var misses = new List<string>();
        var skipped = new List<string>();
        for (var i = 0; i < slice.Count; i++)
        {
            var pair = slice[i];
            var score = NameMatcher.Compare(pair.A, pair.B).Score;
            if (pair.Same)
            {
                same++;
                var top = index.Find(pair.A, search: false, _ => true, threshold: 0, take: 10, countBound: 1000);
                if (top.Items.Any(h => h.Entry.Id == $"b{i}"))
                {
                    found++;
                }
                else
                {
                    misses.Add($"not in top 10: {pair.How} {pair.A.Names[0]} / {pair.B.Names[0]} ({score.ToString(CultureInfo.InvariantCulture)})");
                }
                truePositives += score >= threshold ? 1 : 0;
                // The index skips candidates that cannot reach the threshold: it must never skip one that does.
                if (score >= threshold && !index.Find(pair.A, search: false, _ => true, threshold, take: 1000, countBound: 1000).Items.Any(h => h.Entry.Id == $"b{i}"))
                {
                    skipped.Add($"{pair.A.Names[0]} / {pair.B.Names[0]}");
                }
            }
            else if (score >= threshold)
            {
                falsePositives++;
                misses.Add($"near miss above threshold: {pair.How} {pair.A.Names[0]} / {pair.B.Names[0]} ({score.ToString(CultureInfo.InvariantCulture)})");
            }
        }
        var recallAt10 = (double)found / same;
        var precision = (double)truePositives / (truePositives + falsePositives);
        output.WriteLine($"recall@10 {recallAt10:F4}, precision {precision:F4}, recall at threshold {(double)truePositives / same:F4} over {same} same and {slice.Count - same} near");
        foreach (var miss in misses.Take(60))
        {
            output.WriteLine(miss);
        }
        Assert.Empty(skipped);
        Assert.True(recallAt10 >= 0.98, $"recall@10 {recallAt10:F4} is under 0.98");
        Assert.True(precision >= 0.95, $"precision {precision:F4} is under 0.95");
    }
}
