using System.Text.Json;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Interchange;

/// <summary>
/// Merge suggestions depend only on what a file says, not on the order of its records or how the import chunks them
/// (#12: the same file in another order gave 2,354 and 3,725 suggestions). On both stores.
/// </summary>
public abstract class MergeSuggestionOrderContract(StoreKind kind)
{
    [Fact]
    public async Task A_file_and_shuffled_copies_of_it_in_other_chunk_sizes_give_the_same_suggestions()
    {
        var records = Records();
        var original = await SuggestionsAsync(records, chunkSize: 5_000);
        // A fixed seed, so that a failure can be run again exactly.
        var random = new Random(20261206);
        var shuffled = await SuggestionsAsync([.. records.OrderBy(_ => random.Next())], chunkSize: 7);
        var reversed = await SuggestionsAsync([.. Enumerable.Reverse(records)], chunkSize: 1);

        Assert.Equal(original, shuffled);
        Assert.Equal(original, reversed);
        // The short name is found in the longer one whichever comes first; the transliteration too.
        Assert.Contains(("ftm:short-bekova", "ftm:long-bekova"), original);
        Assert.Contains(("ftm:short-bekova", "ftm:cyrillic-bekova"), original);
        // Two records with the same name and birth date are one suggestion, not one each way.
        Assert.Contains(("ftm:omarov-2", "ftm:omarov-1"), original);
        Assert.DoesNotContain(("ftm:omarov-1", "ftm:omarov-2"), original);
        // Birth years that do not agree suggest nothing.
        Assert.DoesNotContain(original, s => s.Node == "ftm:omarov-1976" || s.Candidate == "ftm:omarov-1976");
        // Sixty namesakes: each gets at most 50 suggestions, the same 50 in every order.
        Assert.All(original.GroupBy(s => s.Node), g => Assert.True(g.Count() <= 50, $"{g.Key} has {g.Count()}"));
        Assert.Contains(original.GroupBy(s => s.Node), g => g.Count() == 50);
    }

    /// <summary>Invented persons, written for this test: namesakes, a longer and a Cyrillic spelling, companies between them.</summary>
    private static List<string> Records()
    {
        var lines = new List<string>();
        void Person(string id, string name, string birthDate) =>
            lines.Add(JsonSerializer.Serialize(new { id, schema = "Person", properties = new { name = new[] { name }, birthDate = new[] { birthDate } } }));
        for (var i = 0; i < 60; i++)
        {
            Person($"namesake-{i:D2}", "Aigerim Bekova", "1980-05-02");
            lines.Add(JsonSerializer.Serialize(new { id = $"company-{i:D2}", schema = "Company", properties = new { name = new[] { $"Steppe Trading {i} LLP" } } }));
        }
        Person("short-bekova", "Bekova Aigerim", "1980");
        Person("long-bekova", "Aigerim Serikovna Bekova", "1980-05");
        Person("cyrillic-bekova", "Айгерим Бекова", "1980-05-02");
        Person("omarov-1", "Daniyar Omarov", "1975-03-09");
        Person("omarov-2", "Daniyar Omarov", "1975");
        Person("omarov-1976", "Daniyar Omarov", "1976");
        return lines;
    }

    private async Task<HashSet<(string Node, string Candidate)>> SuggestionsAsync(List<string> lines, int chunkSize)
    {
        await using var harness = await CoreHarness.StartAsync(kind);
        var path = harness.TempFile($"persons-{chunkSize}.ftm.json", string.Join('\n', lines));
        var report = await harness.Get<InterchangeImporter>().ImportPathsAsync("ftm", [path], new ImportOptions("importer1", ChunkSize: chunkSize), null, default);
        Assert.True(report.Committed && report.ProblemCount == 0, $"{report.FailureReason} {string.Join("; ", report.Problems)}");
        var rows = await harness.Get<Database>().ReadAsync(c => c.QueryAsync(null, "SELECT node_id, candidate_id FROM merge_suggestions",
            r => (r.GetString(0), r.GetString(1)), default), default);
        Assert.Equal(report.MergesSuggested, rows.Count);
        return [.. rows];
    }
}

public sealed class SqliteMergeSuggestionOrderTests() : MergeSuggestionOrderContract(StoreKind.Sqlite);

public sealed class PostgresMergeSuggestionOrderTests() : MergeSuggestionOrderContract(StoreKind.Postgres);
