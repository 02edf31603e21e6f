using System.Text.Json;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Matching;

/// <summary>
/// The import's duplicate suggestions through the name matcher (#14), on both stores: a BODS person who is a
/// node already in the graph in another script or romanisation is suggested with the matcher's score and
/// explanation, shown by <c>mergeSuggestions</c>; a near miss (Akhmedov for Akhmetov, same birth date) is not.
/// </summary>
public abstract class DuplicateSuggestionContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A BODS 0.4 person statement, as a register would publish it.</summary>
    private static object Person(string recordId, string name, string birthDate) => new
    {
        statementId = $"statement-{recordId}",
        statementDate = "2026-11-20",
        publicationDetails = new { publicationDate = "2026-11-21", bodsVersion = "0.4", publisher = new { name = "Test register" } },
        recordId,
        recordType = "person",
        recordStatus = "new",
        recordDetails = new { isComponent = false, personType = "knownPerson", birthDate, names = new[] { new { fullName = name } } },
    };

    [Fact]
    public async Task A_person_in_another_script_is_suggested_with_score_and_explanation_and_a_near_miss_is_not()
    {
        var created = await _server.DataAsync("""
            mutation { createNode(input: { kind: PERSON, properties: { name: "Жанар Қасымова", birthDate: "1979-05-02" },
              provenance: { source: OFFICIAL_REGISTRY, restriction: EVIDENCE } }) { id } }
            """);
        var zhanar = created["createNode"]!["id"]!.GetValue<string>();
        var file = JsonSerializer.Serialize(new[]
        {
            Person("p-zhanar", "Zhanar Kasymova", "1979-05-02"),
            Person("p-achmetow", "Serik Achmetow", "1961-04-17"),
            // One letter from the demo subject's surname, and his birth date: another family, not a duplicate.
            Person("p-akhmedov", "Serik Akhmedov", "1961-04-17"),
        });

        var report = (await _server.DataAsync("""
            mutation($c: String!) { importFile(format: "bods", fileName: "register.json", content: $c) { committed counts problems { reason } } }
            """, new { c = file }))["importFile"]!;
        Assert.True(report["committed"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Equal(2, report["counts"]!["mergesSuggested"]!.GetValue<int>());

        var suggestions = (await _server.DataAsync("""
            { mergeSuggestions { nodeId candidateId reason score node { name } explanation { query matched how score } } }
            """))["mergeSuggestions"]!.AsArray();
        Assert.Equal(2, suggestions.Count);

        var kasymova = suggestions.Single(s => s!["candidateId"]!.GetValue<string>() == zhanar)!;
        Assert.Equal("Zhanar Kasymova", kasymova["node"]!["name"]!.GetValue<string>());
        Assert.InRange(kasymova["score"]!.GetValue<double>(), 0.8, 1);
        Assert.Contains(kasymova["explanation"]!.AsArray(), r => r!["query"]!.GetValue<string>() == "kasymova" && r["matched"]!.GetValue<string>() == "қасымова" && r["how"]!.GetValue<string>() == "TRANSLITERATION");
        Assert.Contains(kasymova["explanation"]!.AsArray(), r => r!["how"]!.GetValue<string>() == "BIRTH_DATE_AGREES");
        Assert.Contains("қасымова (transliteration", kasymova["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        var achmetow = suggestions.Single(s => s!["candidateId"]!.GetValue<string>() == "demo-serik-akhmetov")!;
        Assert.Equal("Serik Achmetow", achmetow["node"]!["name"]!.GetValue<string>());
        Assert.Contains(achmetow["explanation"]!.AsArray(), r => r!["query"]!.GetValue<string>() == "achmetow" && r["how"]!.GetValue<string>() == "TRANSLITERATION");

        Assert.DoesNotContain(suggestions, s => s!["node"]!["name"]!.GetValue<string>() == "Serik Akhmedov");
    }
}

public sealed class SqliteDuplicateSuggestionTests() : DuplicateSuggestionContract(StoreKind.Sqlite);

public sealed class PostgresDuplicateSuggestionTests() : DuplicateSuggestionContract(StoreKind.Postgres);
