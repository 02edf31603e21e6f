using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Visibility;

/// <summary>
/// The trust findings of #11 as a new user and an attacker met them on the demo case, through the
/// real HTTP API, on both stores: relabelling intelligence to get it into an MLA letter, four eyes
/// sidestepped by editing, request-desk reads without a role, and figures that counted a hidden share.
/// </summary>
public abstract class TrustFindingsContract(StoreKind kind) : IAsyncLifetime
{
    private const string Password = "a long enough password";
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> UserAsync(string name, string roles)
    {
        await _server.DataAsync($$"""mutation { createUser(input: { username: "{{name}}", roles: [{{roles}}], password: "{{Password}}" }) { id } }""");
        return await _server.SignInFirstTimeAsync(name, Password, $"{name}'s own password");
    }

    /// <summary>Puts users on the demo case: its team, or its named supervisors.</summary>
    private Task<JsonObject> OnDemoCaseAsync(string[] team, string[] supervisors) =>
        _server.DataAsync($$"""
            mutation { updateCase(input: { id: "demo-case", reason: "staffing", team: [{{string.Join(", ", team.Select(t => $"\"{t}\""))}}],
              supervisors: [{{string.Join(", ", supervisors.Select(t => $"\"{t}\""))}}] }) { id } }
            """);

    private static string Code(JsonObject body) => body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    private const string Relabel = """
        mutation { updateEdge(input: { id: "demo-e-serik-owns-steppe", reason: "tidy up",
          provenance: { source: OFFICIAL_REGISTRY, reference: "BVI register", restriction: EVIDENCE } }) { id provenance { source restriction receivedSource receivedRestriction caseId } } }
        """;

    [Fact]
    public async Task An_officer_cannot_relabel_network_intelligence_and_a_supervisors_relabel_still_keeps_it_out_of_an_MLA_letter()
    {
        var officer = await UserAsync("officer1", "OFFICER");
        var supervisor = await UserAsync("supervisor1", "SUPERVISOR");
        await OnDemoCaseAsync(["admin", "officer1"], ["supervisor1"]);

        var (_, refused) = await _server.GraphQLAsync(Relabel, token: officer);
        Assert.Equal("FORBIDDEN", Code(refused));
        Assert.Contains("supervisor", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var relabelled = await _server.DataAsync(Relabel, token: supervisor);
        var provenance = relabelled["updateEdge"]!["provenance"]!;
        Assert.Equal(("OFFICIAL_REGISTRY", "EVIDENCE"), (provenance["source"]!.GetValue<string>(), provenance["restriction"]!.GetValue<string>()));
        Assert.Equal(("NETWORK_ANSWER", "INTELLIGENCE_ONLY"), (provenance["receivedSource"]!.GetValue<string>(), provenance["receivedRestriction"]!.GetValue<string>()));
        Assert.Equal("demo-case", provenance["caseId"]!.GetValue<string>());

        var audit = await _server.DataAsync("""{ auditLog(entity: "edge/demo-e-serik-owns-steppe") { action actor reason } }""");
        Assert.Contains(audit["auditLog"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "provenance.changed"
            && e["actor"]!.GetValue<string>() == "supervisor1" && e["reason"]!.GetValue<string>() == "tidy up");

        var mla = await _server.DataAsync("""
            mutation { draftRequest(input: { caseId: "demo-case", network: "MLA", jurisdiction: "GB",
              body: { subjectIds: ["demo-serik-akhmetov"], questions: ["company_register"], legalBasis: "UNCAC art. 46", offenceDescription: "Embezzlement", languages: ["en"] } }) { id } }
            """, token: officer);
        var letters = await _server.DataAsync($$"""{ requestLetters(id: "{{mla["draftRequest"]!["id"]!.GetValue<string>()}}") { text withheld { entityId } } }""", token: officer);
        var letter = letters["requestLetters"]![0]!;
        Assert.Contains(letter["withheld"]!.AsArray(), w => w!["entityId"]!.GetValue<string>() == "demo-e-serik-owns-steppe");
        Assert.DoesNotContain("Steppe Horizon", letter["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_who_wrote_a_version_of_a_request_approves_it_whatever_their_roles()
    {
        var officer = await UserAsync("officer1", "OFFICER");
        var both = await UserAsync("both", "OFFICER, SUPERVISOR");
        var supervisor = await UserAsync("supervisor1", "SUPERVISOR");
        await OnDemoCaseAsync(["admin", "officer1", "both"], ["supervisor1"]);
        const string Body = """body: { subjectIds: ["demo-serik-akhmetov", "demo-flat-london"], questions: ["real_estate"], legalBasis: "CARIN informal cooperation", offenceDescription: "Embezzlement", languages: ["en"] }""";

        async Task<string> DraftAsync(string token) =>
            (await _server.DataAsync($$"""mutation { draftRequest(input: { caseId: "demo-case", network: "CARIN", jurisdiction: "GB", {{Body}} }) { id } }""", token: token))
                ["draftRequest"]!["id"]!.GetValue<string>();
        async Task<JsonObject> ApproveAsync(string id, string? token) => (await _server.GraphQLAsync($$"""mutation { approveRequest(id: "{{id}}") { status approvedBy } }""", token: token)).Body;
        Task EditAsync(string id, string? token) => _server.DataAsync($$"""mutation { updateRequestDraft(id: "{{id}}", {{Body}}) { id } }""", token: token);

        // An admin (the harness's signed-in user) who edited an officer's draft.
        var edited = await DraftAsync(officer);
        await EditAsync(edited, null);
        Assert.Equal("FORBIDDEN", Code(await ApproveAsync(edited, null)));

        // One person holding both roles, drafting and then approving.
        var own = await DraftAsync(both);
        Assert.Equal("FORBIDDEN", Code(await ApproveAsync(own, both)));

        // An officer who edited someone else's draft and also supervises.
        var other = await DraftAsync(officer);
        await EditAsync(other, both);
        Assert.Equal("FORBIDDEN", Code(await ApproveAsync(other, both)));

        // The officer who drafted, without the role, is refused for the role.
        Assert.Equal("FORBIDDEN", Code(await ApproveAsync(other, officer)));

        // A supervisor who wrote nothing approves; so does an admin who wrote nothing.
        var approved = await ApproveAsync(other, supervisor);
        Assert.Equal("supervisor1", approved["data"]!["approveRequest"]!["approvedBy"]!.GetValue<string>());
        var byAdmin = await ApproveAsync(own, null);
        Assert.Equal("tester", byAdmin["data"]!["approveRequest"]!["approvedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_request_desk_is_read_only_by_officers_and_supervisors_of_the_case()
    {
        var officer = await UserAsync("officer1", "OFFICER");
        var analyst = await UserAsync("analyst1", "ANALYST");
        var commission = await UserAsync("commissioner", "COMMISSION");
        var stranger = await UserAsync("officer2", "OFFICER");
        await OnDemoCaseAsync(["admin", "officer1", "analyst1", "commissioner"], []);
        var draft = await _server.DataAsync("""
            mutation { draftRequest(input: { caseId: "demo-case", network: "CARIN", jurisdiction: "GB",
              body: { subjectIds: ["demo-serik-akhmetov"], questions: ["real_estate"], legalBasis: "CARIN", languages: ["en"] } }) { id } }
            """, token: officer);
        var id = draft["draftRequest"]!["id"]!.GetValue<string>();
        var reads = new[]
        {
            "{ requests { id } }", $$"""{ request(id: "{{id}}") { id } }""", $$"""{ requestLetters(id: "{{id}}") { subject } }""",
            "{ holdingPen { matchedBy } }", $$"""{ requestMail(requestId: "{{id}}") { matchedBy } }""", "{ requestFigures { open } }",
        };
        foreach (var read in reads)
        {
            foreach (var token in new[] { analyst, commission })
            {
                var (_, body) = await _server.GraphQLAsync(read, token: token);
                Assert.True(body["errors"] is not null && Code(body) == "FORBIDDEN", $"{read}: {body.ToJsonString()}");
            }
            await _server.DataAsync(read, token: officer);
        }
        // An officer who is not on the case sees no request of it.
        var theirs = await _server.DataAsync("{ requests { id } requestFigures { byNetwork { key } } }", token: stranger);
        Assert.Empty(theirs["requests"]!.AsArray());
        Assert.Empty(theirs["requestFigures"]!["byNetwork"]!.AsArray());
    }

    [Fact]
    public async Task Case_subject_roles_request_notes_and_consents_refuse_control_characters_naming_the_field()
    {
        var officer = await UserAsync("officer1", "OFFICER, ANALYST");
        await OnDemoCaseAsync(["admin", "officer1"], []);
        var draft = await _server.DataAsync("""
            mutation { draftRequest(input: { caseId: "demo-case", network: "CARIN", jurisdiction: "GB",
              body: { subjectIds: ["demo-serik-akhmetov"], questions: ["real_estate"], legalBasis: "CARIN", languages: ["en"] } }) { id } }
            """, token: officer);
        var id = draft["draftRequest"]!["id"]!.GetValue<string>();
        var attempts = new (string Query, string Field)[]
        {
            ("""mutation { addCaseSubject(caseId: "demo-case", nodeId: "demo-account-kz", role: "asset\u0000") { id } }""", "role"),
            ("""mutation { removeCaseSubject(caseId: "demo-case", nodeId: "demo-serik-akhmetov", reason: "gone \u202E") { id } }""", "reason"),
            ($$"""mutation { closeRequest(id: "{{id}}", note: "done\u0007") { id } }""", "note"),
            ($$"""mutation { recordConsent(requestId: "{{id}}", provider: "UK FIU", reference: "ref \u202E 1", grantedOn: "2026-01-01") { id } }""", "input.reference"),
        };
        foreach (var (query, field) in attempts)
        {
            var (_, body) = await _server.GraphQLAsync(query, token: officer);
            Assert.True(body["errors"] is not null && Code(body) == "BAD_USER_INPUT", $"{query}: {body.ToJsonString()}");
            Assert.Equal(field, body["errors"]![0]!["extensions"]!["data"]!["field"]!.GetValue<string>());
        }
        var subjects = await _server.DataAsync("""{ case(id: "demo-case") { subjects { node { id } } } }""");
        Assert.DoesNotContain("demo-account-kz", subjects.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outsiders_figures_leave_a_hidden_holders_share_and_wealth_out()
    {
        var commission = await UserAsync("commissioner", "COMMISSION");
        const string Query = """
            { holdings(id: "demo-serik-akhmetov") { nodeId }
              wealth(id: "demo-serik-akhmetov") { own { highUsd } withConnected { highUsd } }
              connectedPersons(id: "demo-serik-akhmetov", hops: 2) { personId } }
            """;
        var outsider = await _server.DataAsync(Query, token: commission);
        var admin = await _server.DataAsync(Query);

        // Serik holds Steppe Horizon (and through it the flat) by a CARIN answer restricted to the case.
        Assert.Contains(admin["holdings"]!.AsArray(), h => h!["nodeId"]!.GetValue<string>() == "demo-flat-london");
        Assert.Empty(outsider["holdings"]!.AsArray());
        Assert.True(admin["wealth"]!["own"]!["highUsd"]!.GetValue<double>() > 0);
        Assert.Equal(0, outsider["wealth"]!["own"]!["highUsd"]!.GetValue<double>());
        // Marcus Pellow, his nominee, came from a network answer too.
        Assert.Contains(admin["connectedPersons"]!.AsArray(), p => p!["personId"]!.GetValue<string>() == "demo-marcus-pellow");
        Assert.DoesNotContain(outsider["connectedPersons"]!.AsArray(), p => p!["personId"]!.GetValue<string>() == "demo-marcus-pellow");
    }
}

public sealed class SqliteTrustFindingsTests() : TrustFindingsContract(StoreKind.Sqlite);

public sealed class PostgresTrustFindingsTests() : TrustFindingsContract(StoreKind.Postgres);
