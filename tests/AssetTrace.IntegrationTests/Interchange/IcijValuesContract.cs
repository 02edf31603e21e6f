using System.Text.Json;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Interchange;

/// <summary>
/// ICIJ rows with lists of countries and dates no format reads (#12): every country is kept, and each unreadable
/// value is reported with its file, line and column while the rest of its row is imported. On both stores.
/// </summary>
public abstract class IcijValuesContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<JsonElement> PropertiesAsync(string id) =>
        (await _harness.Get<GraphQueries>().GetNodeAsync(Viewer.System("test"), id, default))!.Properties;

    private static string[] Countries(JsonElement properties) =>
        [.. properties.GetProperty("countries").EnumerateArray().Select(c => c.GetString()!)];

    [Fact]
    public async Task Every_country_of_a_list_is_kept_and_each_unreadable_date_is_a_problem_with_its_file_and_line()
    {
        var report = await _harness.Get<InterchangeImporter>().ImportPathsAsync("icij", [Fixtures.Path("icij/lists-and-bad-dates")],
            new ImportOptions("importer1"), null, default);

        Assert.True(report.Committed, report.FailureReason);
        Assert.Equal((4L, 2L), (report.NodesCreated, report.EdgesCreated));
        Assert.Equal(
            [("nodes-entities.csv", 2L, "incorporation_date '31-FEB-2006'"), ("nodes-entities.csv", 3L, "struck_off_date 'someday'"), ("relationships.csv", 2L, "end_date 'not known'")],
            report.Problems.Select(p => (Path.GetFileName(p.Location.File), p.Location.Line, p.Reason[..p.Reason.IndexOf(" is not", StringComparison.Ordinal)]))
                .OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2));
        Assert.All(report.Problems, p => Assert.EndsWith("it was left out, and the rest of the row imported.", p.Reason, StringComparison.Ordinal));
        Assert.Equal(report.ItemsRead, report.NodesCreated + report.EdgesCreated + report.Skipped);

        var sunrise = await PropertiesAsync("icij:95000001");
        Assert.Equal(["ZA", "GB"], Countries(sunrise));
        Assert.Equal("VG", sunrise.GetProperty("jurisdiction").GetString());
        Assert.False(sunrise.TryGetProperty("incorporationDate", out _));
        var northern = await PropertiesAsync("icij:95000002");
        Assert.Equal("2010", northern.GetProperty("incorporationDate").GetString());
        Assert.False(northern.TryGetProperty("dissolutionDate", out _));
        var aliya = await PropertiesAsync("icij:96000001");
        Assert.Equal(["KZ", "RU", "GB"], Countries(aliya));
        Assert.Equal("KZ", aliya.GetProperty("nationality").GetString());
        var address = await PropertiesAsync("icij:97000001");
        Assert.Equal(["ZA", "GB"], Countries(address));
        Assert.Equal("ZA", address.GetProperty("country").GetString());
    }

    [Fact]
    public async Task Strict_mode_stops_at_the_first_unreadable_date_and_writes_nothing()
    {
        var report = await _harness.Get<InterchangeImporter>().ImportPathsAsync("icij", [Fixtures.Path("icij/lists-and-bad-dates")],
            new ImportOptions("importer1", Strict: true), null, default);

        Assert.False(report.Committed);
        Assert.Contains("incorporation_date '31-FEB-2006'", report.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, await _harness.Get<Database>().ReadAsync(c => c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM nodes", default), default));
    }
}

public sealed class SqliteIcijValuesTests() : IcijValuesContract(StoreKind.Sqlite);

public sealed class PostgresIcijValuesTests() : IcijValuesContract(StoreKind.Postgres);
