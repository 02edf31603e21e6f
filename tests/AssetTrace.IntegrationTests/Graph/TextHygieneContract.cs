using System.Text;
using System.Text.Json;
using AssetTrace.Accounts;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Interchange.Import;
using AssetTrace.Interchange.Merges;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Requests;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Graph;

/// <summary>
/// #11 input hygiene on both stores: a node name with a NUL, a right-to-left override or 900 KB is
/// refused with the field named, over GraphQL and at the store, and nothing is written; names in
/// Arabic, Kazakh and Chinese are stored as given; imports report such records and write the rest.
/// </summary>
public abstract class TextHygieneContract(StoreKind kind) : IDisposable
{
    private readonly TempFolder _scratch = new();

    public void Dispose()
    {
        _scratch.Dispose();
        GC.SuppressFinalize(this);
    }

    private static readonly ProvenanceDraft Typed = new(SourceKind.ManualEntry, "typed in a test", null, UsageRestriction.Evidence);

    /// <summary>The three names of the finding, with what the refusal must say about each.</summary>
    public static TheoryData<string, string, string> BadNames() => new()
    {
        { "NUL", "Ivan\0Petrov", "U+0000 (NUL, a control character) at character 5" },
        { "RLO", "Invoice \u202Efdp.exe", "U+202E (RIGHT-TO-LEFT OVERRIDE, a bidirectional control) at character 9" },
        { "900 KB", new string('A', 900 * 1024), "at most 1,000 are allowed" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task A_bad_node_name_is_refused_over_GraphQL_with_the_field_named_and_nothing_written(string what, string name, string expected)
    {
        await using var server = await ServerHarness.StartAsync(kind, loadDemo: false);
        var before = await CountNodesAsync(server.Services);

        var (status, body) = await server.GraphQLAsync("mutation($input: CreateNodeInput!) { createNode(input: $input) { id } }", new
        {
            input = new { kind = "PERSON", properties = new { name }, provenance = new { source = "MANUAL_ENTRY", restriction = "EVIDENCE" } },
        });

        Assert.Equal(200, status);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("BAD_USER_INPUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("input.properties.name", error["extensions"]!["data"]!["field"]!.GetValue<string>());
        Assert.Contains(expected, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(error["message"]!.GetValue<string>().Length < 500, $"{what}: the message must not echo the input.");
        Assert.Equal(before, await CountNodesAsync(server.Services));
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task A_bad_node_name_is_refused_by_the_store_with_the_field_named(string what, string name, string expected)
    {
        await using var harness = await CoreHarness.StartAsync(kind);
        var store = harness.Get<GraphStore>();

        var error = Assert.Single((await Assert.ThrowsAsync<UserInputException>(() =>
            store.CreateNodeAsync(new NodeDraft(NodeKind.Company, Props(new { name }), Typed), Viewer.System("analyst1"), default))).Errors);
        Assert.Equal("input.properties.name", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);

        // The same name as a change to an existing node, and in a batch where the item is named.
        var node = await store.CreateNodeAsync(new NodeDraft(NodeKind.Company, Props(new { name = "Clean Ltd" }), Typed), Viewer.System("analyst1"), default);
        Assert.Equal("input.properties.name", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() =>
            store.UpdateNodeAsync(new Patch(node.Id, "renamed", Props(new { name })), Viewer.System("analyst1"), default))).Errors).Field);
        Assert.Equal("input.nodes[1].properties.name", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() =>
            store.CreateManyAsync([new NodeDraft(NodeKind.Person, Props(new { name = "Fine" }), Typed), new NodeDraft(NodeKind.Person, Props(new { name }), Typed)],
                [], Viewer.System("analyst1"), null, default))).Errors).Field);
        Assert.Equal(1, await CountNodesAsync(harness.Get<Database>()));
        Assert.True((await harness.Get<GraphQueries>().GetNodeAsync(Viewer.System("test"), node.Id, default))!.Name == "Clean Ltd", $"{what}: the node is unchanged.");
    }

    [Fact]
    public async Task Names_in_Arabic_Kazakh_and_Chinese_are_stored_and_read_back_as_given_over_GraphQL()
    {
        await using var server = await ServerHarness.StartAsync(kind, loadDemo: false);
        string[] names = ["شركة الأفق للاستثمار ذ.م.م", "Нұрлан Серікұлы Ахметов", "北京远望投资有限公司", "عبد الله\u200F 2015"];
        foreach (var name in names)
        {
            var data = await server.DataAsync("mutation($input: CreateNodeInput!) { createNode(input: $input) { id name } }", new
            {
                input = new { kind = "COMPANY", properties = new { name }, provenance = new { source = "MANUAL_ENTRY", restriction = "EVIDENCE" } },
            });
            var id = data["createNode"]!["id"]!.GetValue<string>();
            var read = await server.DataAsync("query($id: ID!) { node(id: $id) { name } }", new { id });
            Assert.Equal(name, read["node"]!["name"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Reasons_source_references_and_case_titles_are_held_to_the_same_rules()
    {
        await using var harness = await CoreHarness.StartAsync(kind);
        var store = harness.Get<GraphStore>();
        var node = await store.CreateNodeAsync(new NodeDraft(NodeKind.Person, Props(new { name = "Dana" }), Typed), Viewer.System("analyst1"), default);

        Assert.Equal("input.reason", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() =>
            store.UpdateNodeAsync(new Patch(node.Id, "because\0", Props(new { position = "x" })), Viewer.System("analyst1"), default))).Errors).Field);
        Assert.Equal("input.reason", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() =>
            store.DeleteNodeAsync(node.Id, new string('r', 2_001), null, Viewer.System("analyst1"), default))).Errors).Field);
        Assert.Equal("input.provenance.reference", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() =>
            store.CreateNodeAsync(new NodeDraft(NodeKind.Person, Props(new { name = "Aliya" }), Typed with { Reference = "registry \u202Egpj.exe" }), Viewer.System("analyst1"), default))).Errors).Field);
        // A reason is free text: a line break is fine.
        await store.UpdateNodeAsync(new Patch(node.Id, "new source:\nMLA answer 17", Props(new { position = "director" })), Viewer.System("analyst1"), default);

        var cases = harness.Get<CaseStore>();
        var refused = await Assert.ThrowsAsync<UserInputException>(() =>
            cases.CreateAsync(new CaseDraft("2026-ARC-\u200B0017", "Title \u202Ehidden", "corruption", [], null), Viewer.System("analyst1"), default));
        Assert.Equal(["input.number", "input.title"], refused.Errors.Select(e => e.Field).Order());
        var created = await cases.CreateAsync(new CaseDraft("2026-ARC-0017", "قضية الأصول — 资产案", "corruption", [], null), Viewer.System("analyst1"), default);
        Assert.Equal("input.title", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() =>
            cases.UpdateAsync(new CasePatch(created.Id, "retitled", Title: new string('t', 301)), Viewer.System("analyst1"), default))).Errors).Field);
    }

    [Fact]
    public async Task Request_texts_contact_points_accounts_and_merge_notes_are_held_to_the_same_rules()
    {
        await using var harness = await CoreHarness.StartAsync(kind, loadDemo: true);
        RequestBody Body(string offence, string? freeText) => new(["demo-serik-akhmetov"], ["real_estate"], freeText, "CARIN informal cooperation",
            offence, null, "Confidential", null, ["en", "ar"], new Dictionary<string, string>());
        var desk = harness.Get<RequestDesk>();

        var refused = await Assert.ThrowsAsync<UserInputException>(() => desk.DraftAsync(new RequestDraftInput("demo-case", "CARIN", "GB", null, Urgency.Normal,
            Body("Embezzlement \u202Ereversed\u202C of funds", new string('x', TextLimits.RequestLongText + 1))), Viewer.System("officer1"), default));
        Assert.Equal(["input.freeText", "input.offenceDescription"], refused.Errors.Select(e => e.Field).Order());
        // Arabic in a letter's text, with line breaks, is what the desk is for.
        var draft = await desk.DraftAsync(new RequestDraftInput("demo-case", "CARIN", "GB", null, Urgency.Normal,
            Body("اختلاس أموال عامة\nEmbezzlement of public funds", "第一段\n第二段")), Viewer.System("officer1"), default);
        Assert.Equal("reason", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() =>
            desk.WithdrawAsync(draft.Id, Viewer.System("officer1"), "dup\u0007licate", default))).Errors).Field);

        Assert.Equal("input.name", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() => harness.Get<NetworkDirectory>().SaveContactPointAsync(
            new ContactPoint("cp-test", "CARIN", "GB", "UK\0ARO", "aro@example.test", ["en"], "Europe/London", 6, true), "supervisor1", default))).Errors).Field);

        var accounts = harness.Get<AccountStore>();
        Assert.Equal("input.displayName", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() =>
            accounts.CreateUserAsync("officer9", "Officer \u202Enimda", [Role.Officer], "a long enough password", "admin", default))).Errors).Field);
        await accounts.CreateUserAsync("officer9", "Нұрлан Officer", [Role.Officer], "a long enough password", "admin", default);
        Assert.Equal("name", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() =>
            harness.Get<TokenStore>().CreateApiTokenAsync("officer9", "nightly\u001B[2Jexport", null, default))).Errors).Field);

        await harness.Get<GraphStore>().CreateNodeAsync(new NodeDraft(NodeKind.Person,
            Props(new { name = "Jennifer Hewitson Smith", birthDate = "1978-07-21" }), Typed, Id: "typed-jennifer"), Viewer.System("analyst1"), default);
        await harness.Get<InterchangeImporter>().ImportPathsAsync("bods", [Fixtures.Path("bods/0.4/bods-package.json")], new ImportOptions("importer1"), null, default);
        var merges = harness.Get<MergeSuggestions>();
        var suggestion = Assert.Single(await merges.ListAsync(Viewer.System("test"), MergeStatus.Open, 10, default));
        Assert.Equal("note", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() =>
            merges.DecideAsync(suggestion.Id, true, "same \u202Ephoto", Viewer.System("analyst1"), default))).Errors).Field);
        Assert.Single(await merges.ListAsync(Viewer.System("test"), MergeStatus.Open, 10, default));
    }

    [Fact]
    public async Task An_import_reports_each_record_with_refused_text_writes_the_rest_and_folds_layout_breaks()
    {
        await using var harness = await CoreHarness.StartAsync(kind);
        var file = WriteFtm(
            """{"id": "p-nul", "schema": "Person", "properties": {"name": ["Ivan\u0000Petrov"]}}""",
            """{"id": "p-rlo", "schema": "Person", "properties": {"name": ["Invoice \u202Efdp.exe"]}}""",
            """{"id": "p-tab", "schema": "Person", "properties": {"name": ["-\tMarat\r\nTulegenov"]}}""",
            """{"id": "p-ar", "schema": "Person", "properties": {"name": ["عبد الله بن محمد"]}}""");
        var importer = harness.Get<InterchangeImporter>();

        var report = await importer.ImportPathsAsync("ftm", [file], new ImportOptions("importer1"), null, default);

        Assert.True(report.Committed);
        Assert.Equal((2L, 2L), (report.NodesCreated, report.ProblemCount));
        Assert.Contains(report.Problems, p => p.Reason.Contains("name", StringComparison.Ordinal) && p.Reason.Contains("U+0000", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Reason.Contains("U+202E", StringComparison.Ordinal));
        var names = await harness.Get<Database>().ReadAsync(c => c.QueryAsync(null, "SELECT name FROM nodes ORDER BY name", r => r.GetString(0), default), default);
        Assert.Equal(["- Marat Tulegenov", "عبد الله بن محمد"], names);

        // Strict mode stops at the first such record and writes nothing.
        await using var strictHarness = await CoreHarness.StartAsync(kind);
        var strict = await strictHarness.Get<InterchangeImporter>().ImportPathsAsync("ftm", [file], new ImportOptions("importer1", Strict: true), null, default);
        Assert.False(strict.Committed);
        Assert.Contains("U+0000", strict.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, await CountNodesAsync(strictHarness.Get<Database>()));
    }

    private static JsonElement Props(object value) => JsonSerializer.SerializeToElement(value);

    private string WriteFtm(params string[] lines)
    {
        var path = _scratch["hygiene.ftm.json"];
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    private static Task<long> CountNodesAsync(IServiceProvider services) => CountNodesAsync(services.GetRequiredService<Database>());

    private static Task<long> CountNodesAsync(Database database) =>
        database.ReadAsync(c => c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM nodes", default), default);
}

public sealed class SqliteTextHygieneTests() : TextHygieneContract(StoreKind.Sqlite);

public sealed class PostgresTextHygieneTests() : TextHygieneContract(StoreKind.Postgres);
