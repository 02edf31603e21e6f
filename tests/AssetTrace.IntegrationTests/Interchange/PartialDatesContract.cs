using System.Text;
using System.Text.Json;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Interchange.Export;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Interchange;

/// <summary>
/// Dates known only to the year or month (FtM 1965, BODS 1965-04, ICIJ MAR-2006) are stored as
/// given and exported as given: no made-up day on the way through the store.
/// </summary>
public abstract class PartialDatesContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task ImportAsync(string format, string fileName, string text)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var report = await _harness.Get<InterchangeImporter>().ImportStreamAsync(format, fileName, stream, new ImportOptions("importer1"), default);
        Assert.True(report.Committed, report.FailureReason);
        Assert.Equal(0, report.ProblemCount);
    }

    private async Task<string?> StoredAsync(string id, string property) =>
        (await _harness.Get<GraphQueries>().GetNodeAsync(Viewer.System("test"), id, default))!.Properties.TryGetProperty(property, out var value) ? value.GetString() : null;

    private async Task<string> ExportAsync(string format, string file)
    {
        var target = new MemoryTarget();
        await _harness.Get<InterchangeExporter>().ExportAsync(Viewer.System("test"), format, new ExportScope(), target, default);
        return Encoding.UTF8.GetString(target.Files[file].ToArray());
    }

    [Fact]
    public async Task FollowTheMoney_year_and_month_dates_are_stored_and_exported_as_given()
    {
        await ImportAsync("ftm", "partial.ftm.json", """
            {"id": "p-year", "schema": "Person", "properties": {"name": ["Aidar Year"], "birthDate": ["1965"]}}
            {"id": "p-day", "schema": "Person", "properties": {"name": ["Aidar Day"], "birthDate": ["1965-04-17T00:00:00"]}}
            {"id": "c-month", "schema": "Company", "properties": {"name": ["Month Holdings Ltd"], "incorporationDate": ["1998-07"], "dissolutionDate": ["2011"]}}
            """);

        Assert.Equal("1965", await StoredAsync("ftm:p-year", "birthDate"));
        Assert.Equal("1965-04-17", await StoredAsync("ftm:p-day", "birthDate"));
        Assert.Equal("1998-07", await StoredAsync("ftm:c-month", "incorporationDate"));
        Assert.Equal("2011", await StoredAsync("ftm:c-month", "dissolutionDate"));

        var exported = (await ExportAsync("ftm", "entities.ftm.json")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal("1965", exported["ftm:p-year"].GetProperty("properties").GetProperty("birthDate")[0].GetString());
        Assert.Equal("1998-07", exported["ftm:c-month"].GetProperty("properties").GetProperty("incorporationDate")[0].GetString());
    }

    [Fact]
    public async Task A_BODS_month_of_birth_and_year_of_founding_come_back_as_given()
    {
        await ImportAsync("bods", "partial.bods.json", """
            [{"statementId": "s-person-1", "declarationSubject": "e-1", "statementDate": "2024-01-01", "recordId": "per-1", "recordType": "person", "recordStatus": "new",
              "recordDetails": {"isComponent": false, "personType": "knownPerson", "names": [{"type": "legal", "fullName": "Asel Month"}], "birthDate": "1965-04"}},
             {"statementId": "s-entity-1", "declarationSubject": "e-1", "statementDate": "2024-01-01", "recordId": "e-1", "recordType": "entity", "recordStatus": "new",
              "recordDetails": {"isComponent": false, "entityType": {"type": "registeredEntity"}, "name": "Year Founded LLP", "foundingDate": "1999"}}]
            """);

        Assert.Equal("1965-04", await StoredAsync("bods:per-1", "birthDate"));
        Assert.Equal("1999", await StoredAsync("bods:e-1", "incorporationDate"));

        var statements = JsonDocument.Parse(await ExportAsync("bods", "bods.json")).RootElement.EnumerateArray().Select(s => s.GetProperty("recordDetails")).ToList();
        Assert.Contains(statements, d => d.TryGetProperty("birthDate", out var b) && b.GetString() == "1965-04");
        Assert.Contains(statements, d => d.TryGetProperty("foundingDate", out var f) && f.GetString() == "1999");
    }

    [Fact]
    public async Task ICIJ_incorporation_dates_keep_the_precision_of_the_row()
    {
        var folder = _harness.TempFolder("icij");
        await File.WriteAllTextAsync(Path.Combine(folder, "nodes-entities.csv"), """
            node_id,name,jurisdiction,incorporation_date,struck_off_date
            1001,Month Ltd,VGB,MAR-2006,2011
            1002,Day Ltd,VGB,23-MAR-2006,not a date
            """);
        var report = await _harness.Get<InterchangeImporter>().ImportPathsAsync("icij", [folder], new ImportOptions("importer1"), null, default);
        Assert.True(report.Committed, report.FailureReason);

        Assert.Equal("2006-03", await StoredAsync("icij:1001", "incorporationDate"));
        Assert.Equal("2011", await StoredAsync("icij:1001", "dissolutionDate"));
        Assert.Equal("2006-03-23", await StoredAsync("icij:1002", "incorporationDate"));
        Assert.Null(await StoredAsync("icij:1002", "dissolutionDate"));
    }
}

public sealed class SqlitePartialDatesTests() : PartialDatesContract(StoreKind.Sqlite);

public sealed class PostgresPartialDatesTests() : PartialDatesContract(StoreKind.Postgres);
