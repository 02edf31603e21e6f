using System.Text;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Interchange;

/// <summary>
/// The schemata, versions and files no test read before (#12): FtM LegalEntity, Airplane, Vehicle, Security,
/// CryptoWallet, Associate, Representation and UnknownLink; BODS 0.2; ICIJ nodes-others; and CSV that is
/// malformed or not UTF-8, which must name the file and line and leave nothing written. Both stores.
/// </summary>
public abstract class UntestedFormatsContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static readonly Viewer Office = Viewer.System("test");

    private GraphQueries Queries => _harness.Get<GraphQueries>();

    private Task<ImportReport> ImportAsync(string format, string path, bool strict = false) =>
        _harness.Get<InterchangeImporter>().ImportPathsAsync(format, [path], new ImportOptions("importer1", Strict: strict), null, default);

    private async Task<Node> NodeAsync(string id) => await Queries.GetNodeAsync(Office, id, default) ?? throw new Xunit.Sdk.XunitException($"no node {id}");

    private async Task<Edge> EdgeAsync(string id) => await Queries.GetEdgeAsync(Office, id, default) ?? throw new Xunit.Sdk.XunitException($"no edge {id}");

    private static string? Text(Node node, string property) => node.Properties.TryGetProperty(property, out var v) ? v.ToString() : null;

    private static string? Text(Edge edge, string property) => edge.Properties.TryGetProperty(property, out var v) ? v.ToString() : null;

    private Task<long> CountAsync(string table) => _harness.Get<Database>().ReadAsync(c => c.ScalarAsync<long>(null, $"SELECT COUNT(*) FROM {table}", default), default);

    [Fact]
    public async Task FtM_legal_entities_aircraft_vehicles_securities_wallets_and_their_links_import_with_their_values()
    {
        var report = await ImportAsync("ftm", Fixtures.Path("ftm/schemas.ftm.json"));

        Assert.True(report.Committed, report.FailureReason);
        Assert.Equal((10L, 7L), (report.NodesCreated, report.EdgesCreated));
        // An UnknownLink from a person to a car has no edge kind in the model: reported with its line, not guessed.
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("schemas.ftm.json", 18L), (problem.Location.File, problem.Location.Line));

        var entity = await NodeAsync("ftm:le-kestrel");
        Assert.Equal((NodeKind.Company, "PA", "PA-778812", "2009-11"), (entity.Kind, Text(entity, "jurisdiction"), Text(entity, "registrationNumber"), Text(entity, "incorporationDate")));
        var jet = await NodeAsync("ftm:air-1");
        Assert.Equal((NodeKind.Aircraft, "Bombardier Global 7500", "VP-CSY", "70012", "BM"), (jet.Kind, jet.Name, Text(jet, "registrationMark"), Text(jet, "serialNumber"), Text(jet, "country")));
        // Without a name, an asset is named by its number.
        Assert.Equal((NodeKind.Aircraft, "M-YSAD"), ((await NodeAsync("ftm:air-2")).Kind, (await NodeAsync("ftm:air-2")).Name));
        var car = await NodeAsync("ftm:car-1");
        Assert.Equal((NodeKind.Vehicle, "A777AA", "KZ"), (car.Kind, Text(car, "registrationNumber"), Text(car, "country")));
        var shares = await NodeAsync("ftm:sec-1");
        Assert.Equal((NodeKind.Securities, "PAP123451234"), (shares.Kind, Text(shares, "isin")));
        Assert.Equal("KZ1C00005678", (await NodeAsync("ftm:sec-2")).Name);
        var wallet = await NodeAsync("ftm:wal-1");
        Assert.Equal((NodeKind.CryptoWallet, "0x52908400098527886E0F7030069857D2E4169EE7", "ETH"), (wallet.Kind, wallet.Name, Text(wallet, "currencySymbol")));

        var ownsJet = await EdgeAsync("ftm:own-air");
        Assert.Equal((EdgeKind.Owns, ShareRange.Exact(100), new DateOnly(2019, 5, 1)), (ownsJet.Kind, ownsJet.Share, ownsJet.ValidFrom));
        Assert.Equal(new ShareRange(33.3m, 50), (await EdgeAsync("ftm:own-le")).Share);
        var associate = await EdgeAsync("ftm:assoc-1");
        Assert.Equal((EdgeKind.AssociateOf, "ftm:p-yerlan", "ftm:p-gulnara", "business partner", new DateOnly(2014, 2, 10)),
            (associate.Kind, associate.SourceId, associate.TargetId, Text(associate, "relationship"), associate.ValidFrom));
        var agent = await EdgeAsync("ftm:rep-1");
        Assert.Equal((EdgeKind.IntermediaryOf, "ftm:c-agent", "ftm:le-kestrel"), (agent.Kind, agent.SourceId, agent.TargetId));
        var nominee = await EdgeAsync("ftm:rep-2");
        Assert.Equal((EdgeKind.NomineeFor, "ftm:c-agent", "ftm:p-yerlan", new DateOnly(2010, 1, 1), new DateOnly(2020, 12, 31)),
            (nominee.Kind, nominee.SourceId, nominee.TargetId, nominee.ValidFrom, nominee.ValidTo));
        var controls = await EdgeAsync("ftm:unk-1");
        Assert.Equal((EdgeKind.Controls, "signatory"), (controls.Kind, Text(controls, "role")));
        var unknown = await EdgeAsync("ftm:unk-2");
        Assert.Equal((EdgeKind.AssociateOf, "co-signatory on an account"), (unknown.Kind, Text(unknown, "relationship")));
    }

    [Fact]
    public async Task A_BODS_0_2_file_with_hyphenated_interest_types_imports_shares_votes_and_board_rights()
    {
        var report = await ImportAsync("bods", Fixtures.Path("bods/0.2/register-style.json"), strict: true);

        Assert.True(report.Committed, $"{report.FailureReason} {string.Join("; ", report.Problems)}");
        var company = await NodeAsync(InterchangeIds.For("bods", "openownership-register-0200000000000000001"));
        Assert.Equal(("HARROWBY CRESCENT HOLDINGS LIMITED", "GB", "07771234", "2011-09-14"),
            (company.Name, Text(company, "jurisdiction"), Text(company, "registrationNumber"), Text(company, "incorporationDate")));
        var person = await NodeAsync(InterchangeIds.For("bods", "openownership-register-0200000000000000002"));
        Assert.Equal(("Arman Beisenov", "KZ", "1970-02"), (person.Name, Text(person, "nationality"), Text(person, "birthDate")));

        var interests = await Queries.EdgesOfAsync(Office, [company.Id], null, Direction.Incoming, null, default);
        var owns = Assert.Single(interests, e => e.Kind == EdgeKind.Owns);
        Assert.Equal((person.Id, new ShareRange(50, 75), new DateOnly(2016, 4, 6)), (owns.SourceId, owns.Share, owns.ValidFrom));
        var controls = interests.Where(e => e.Kind == EdgeKind.Controls).ToList();
        Assert.Contains(controls, e => e.Properties.TryGetProperty("votingShare", out var v) && v.GetDecimal() == 60);
        Assert.Contains(controls, e => Text(e, "role") == "appointmentOfBoard");
        // Both addresses, registered and service, are joined by REGISTERED_AT.
        Assert.Equal(2, (await Queries.EdgesOfAsync(Office, [company.Id, person.Id], [EdgeKind.RegisteredAt], Direction.Outgoing, null, default)).Count);
    }

    [Fact]
    public async Task ICIJ_nodes_others_become_companies_with_their_jurisdiction_dates_and_links()
    {
        var report = await ImportAsync("icij", Fixtures.Path("icij/others"), strict: true);

        Assert.True(report.Committed, $"{report.FailureReason} {string.Join("; ", report.Problems)}");
        Assert.Equal((3L, 2L), (report.NodesCreated, report.EdgesCreated));
        var foundation = await NodeAsync("icij:85000001");
        Assert.Equal((NodeKind.Company, "ALTYN TAU FOUNDATION", "PA", "2008-02-14"), (foundation.Kind, foundation.Name, Text(foundation, "jurisdiction"), Text(foundation, "incorporationDate")));
        var nominees = await NodeAsync("icij:85000002");
        Assert.Equal((NodeKind.Company, "VG", "2010-06"), (nominees.Kind, Text(nominees, "jurisdiction"), Text(nominees, "incorporationDate")));
        var links = await Queries.EdgesOfAsync(Office, ["icij:85000001"], null, Direction.Incoming, null, default);
        Assert.Contains(links, e => e.Kind == EdgeKind.BeneficialOwnerOf && e.SourceId == "icij:86000001");
        Assert.Contains(links, e => e.Kind == EdgeKind.Owns && e.SourceId == "icij:85000002" && e.ValidFrom == new DateOnly(2010, 7, 1));
    }

    private const string EntitiesHeader = "node_id,name,jurisdiction,incorporation_date,country_codes,sourceID";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_CSV_row_with_an_unclosed_quote_stops_the_run_naming_file_and_line_and_writes_nothing(bool strict)
    {
        var folder = _harness.TempFolder("malformed");
        await File.WriteAllTextAsync(Path.Combine(folder, "nodes-entities.csv"), string.Join('\n',
            EntitiesHeader,
            "70000001,FIRST GOOD LTD,BVI,02-MAY-2012,KAZ,Test",
            "70000002,\"UNCLOSED QUOTE LTD,BVI,02-MAY-2012,KAZ,Test",
            "70000003,THIRD LTD,BVI,02-MAY-2012,KAZ,Test",
            "70000004,FOURTH LTD,BVI,02-MAY-2012,KAZ,Test") + "\n");

        var report = await ImportAsync("icij", folder, strict);

        Assert.False(report.Committed, "a row whose quote never closes swallows the rest of the file: nothing after it can be trusted");
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("nodes-entities.csv", 3L), (problem.Location.File, problem.Location.Line));
        Assert.Equal(0, await CountAsync("nodes"));
        Assert.Equal(0, await CountAsync("interchange_records"));
    }

    [Fact]
    public async Task An_ICIJ_file_in_Latin_1_stops_the_run_naming_file_and_line_and_writes_nothing()
    {
        var folder = _harness.TempFolder("latin1");
        var rows = string.Join('\n', EntitiesHeader, "70000001,FIRST GOOD LTD,BVI,02-MAY-2012,KAZ,Test", "70000002,SOCIÉTÉ GÉNÉRALE DU DÉSERT SA,PAN,2010-06,KAZ,Test") + "\n";
        await File.WriteAllBytesAsync(Path.Combine(folder, "nodes-entities.csv"), Encoding.Latin1.GetBytes(rows));

        var report = await ImportAsync("icij", folder);

        Assert.False(report.Committed);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("nodes-entities.csv", 3L), (problem.Location.File, problem.Location.Line));
        Assert.Contains("UTF-8", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("nodes"));
    }

    [Fact]
    public async Task An_FtM_file_in_Windows_1251_stops_the_run_naming_file_and_line_and_writes_nothing()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var lines = string.Join('\n',
            """{"id": "p-1", "schema": "Person", "properties": {"name": ["Askar Temirbekov"]}}""",
            """{"id": "p-2", "schema": "Person", "properties": {"name": ["Аскар Темирбеков"]}}""") + "\n";
        var path = _harness.TempFile("cp1251.ftm.json", "");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding(1251).GetBytes(lines));

        var report = await ImportAsync("ftm", path);

        Assert.False(report.Committed);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("cp1251.ftm.json", 2L), (problem.Location.File, problem.Location.Line));
        Assert.Contains("UTF-8", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("nodes"));
    }
}

public sealed class SqliteUntestedFormatsTests() : UntestedFormatsContract(StoreKind.Sqlite);

public sealed class PostgresUntestedFormatsTests() : UntestedFormatsContract(StoreKind.Postgres);
