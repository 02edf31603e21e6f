using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Roster.Entries;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Visibility;

/// <summary>
/// A case with restricted facts, built through the API as users would: an insider on the case
/// team records an intelligence-only person (an Egmont answer) who holds 30% of an open company
/// and is family of its open 70% owner, and drafts a CARIN request about them. The outsider holds
/// every role but admin and is on no case: to them none of it may exist.
/// </summary>
public sealed class RestrictedFixture
{
    public const string Password = "a long enough password";
    public const string CaseNumber = "SECRET-CASE-7731";
    public const string CaseTitle = "Operation Nightjar";
    public const string HiddenName = "Nightjar Hidden Holder";

    private RestrictedFixture(ServerHarness server) => Server = server;

    public ServerHarness Server { get; }

    public string CaseId { get; private set; } = "";

    public string HiddenPerson { get; private set; } = "";

    public string HiddenOwns { get; private set; } = "";

    public string HiddenFamily { get; private set; } = "";

    public string RequestId { get; private set; } = "";

    public string RequestNumber { get; private set; } = "";

    public string RosterEntryId { get; private set; } = "";

    public string RosterDocumentId { get; private set; } = "";

    public string OpenCompany { get; private set; } = "";

    public string OpenOwner { get; private set; } = "";

    public string OpenFlat { get; private set; } = "";

    public string InsiderToken { get; private set; } = "";

    public string OutsiderToken { get; private set; } = "";

    public string SupervisorToken { get; private set; } = "";

    /// <summary>Strings that must never reach the outsider: the restricted facts' names, ids, the case and the request.</summary>
    public IReadOnlyList<string> Secrets => [HiddenName, CaseNumber, CaseTitle, CaseId, HiddenPerson, HiddenOwns, HiddenFamily, RequestId, RequestNumber, RosterEntryId];

    public static async Task<RestrictedFixture> BuildAsync(ServerHarness server)
    {
        var f = new RestrictedFixture(server);
        await f.BuildAsync();
        return f;
    }

    private async Task BuildAsync()
    {
        await CreateUserAsync("insider", "ANALYST, OFFICER");
        await CreateUserAsync("outsider", "ANALYST, OFFICER, COMMISSION, SUPERVISOR");
        await CreateUserAsync("casesupervisor", "SUPERVISOR");
        // Passwords an admin gives are one-time: each user chooses their own at first sign-in.
        InsiderToken = await Server.SignInFirstTimeAsync("insider", Password, "insider's own password");
        OutsiderToken = await Server.SignInFirstTimeAsync("outsider", Password, "outsider's own password");
        SupervisorToken = await Server.SignInFirstTimeAsync("casesupervisor", Password, "supervisor's own password");

        OpenOwner = await NodeAsync("PERSON", """{ name: "Visible Owner" }""", "OFFICIAL_REGISTRY", "EVIDENCE", null);
        OpenCompany = await NodeAsync("COMPANY", """{ name: "Open Holdings Ltd", jurisdiction: "GB" }""", "OFFICIAL_REGISTRY", "EVIDENCE", null);
        OpenFlat = await NodeAsync("REAL_ESTATE", """{ name: "Open Flat, 1 Example Road", country: "GB", value: 2000000, valueCurrency: "GBP", valueDate: "2025-12-31" }""", "OFFICIAL_REGISTRY", "EVIDENCE", null);
        await EdgeAsync("OWNS", OpenOwner, OpenCompany, "{ share: 70 }", "OFFICIAL_REGISTRY", "EVIDENCE", null);
        await EdgeAsync("OWNS", OpenCompany, OpenFlat, "{ share: 100 }", "OFFICIAL_REGISTRY", "EVIDENCE", null);

        var created = await Server.DataAsync($$"""
            mutation { createCase(input: { number: "{{CaseNumber}}", title: "{{CaseTitle}}", crimeType: "corruption", team: ["insider"], supervisors: ["casesupervisor"] }) { id } }
            """, token: InsiderToken);
        CaseId = created["createCase"]!["id"]!.GetValue<string>();

        HiddenPerson = await NodeAsync("PERSON", $$"""{ name: "{{HiddenName}}" }""", "NETWORK_ANSWER", "INTELLIGENCE_ONLY", CaseId);
        HiddenOwns = await EdgeAsync("OWNS", HiddenPerson, OpenCompany, "{ share: 30 }", "NETWORK_ANSWER", "INTELLIGENCE_ONLY", CaseId);
        HiddenFamily = await EdgeAsync("FAMILY_OF", HiddenPerson, OpenOwner, """{ relationship: "sibling" }""", "NETWORK_ANSWER", "INTELLIGENCE_ONLY", CaseId);
        await Server.DataAsync($$"""mutation { addCaseSubject(caseId: "{{CaseId}}", nodeId: "{{HiddenPerson}}", role: "suspect") { id } }""", token: InsiderToken);

        var request = await Server.DataAsync($$"""
            mutation { draftRequest(input: { caseId: "{{CaseId}}", network: "CARIN", jurisdiction: "GB",
              body: { subjectIds: ["{{HiddenPerson}}", "{{OpenCompany}}"], questions: ["company_register"], legalBasis: "CARIN informal cooperation",
                      offenceDescription: "Bribery", languages: ["en"] } }) { id number } }
            """, token: InsiderToken);
        RequestId = request["draftRequest"]!["id"]!.GetValue<string>();
        RequestNumber = request["draftRequest"]!["number"]!.GetValue<string>();
        // A roster entry of the case (#16), written straight to the store: its subject needs no figure over the threshold
        // to probe who may see it; and a document of it.
        var now = DateTimeOffset.UtcNow;
        RosterEntryId = Guid.CreateVersion7().ToString();
        await Server.Services.GetRequiredService<RosterStore>().CreateAsync(new RosterEntry(RosterEntryId, null, CaseId, HiddenPerson, [], [OpenFlat],
            new RosterFigure(0, 0, 100_000_000, DateOnly.FromDateTime(now.UtcDateTime)), new RosterGrounds(["public_office"], "fixture"), RosterStage.Proposed,
            null, null, null, new Stamp(1, now, "insider", now, "insider")), null, default);
        RosterDocumentId = Guid.CreateVersion7().ToString();
        await Server.Services.GetRequiredService<Database>().WriteAsync((c, t) => c.ExecuteAsync(t, """
            INSERT INTO roster_documents (id, entry_id, kind, file_name, content_type, content, size, sha256, added_at, added_by)
            VALUES (@id, @entry, 'declaration', 'fixture.txt', 'text/plain', @content, 1, 'x', @at, 'insider')
            """, default, ("id", RosterDocumentId), ("entry", RosterEntryId), ("content", new byte[] { 1 }), ("at", now)), default);
    }

    private Task<JsonObject> CreateUserAsync(string name, string roles) =>
        Server.DataAsync($$"""mutation { createUser(input: { username: "{{name}}", roles: [{{roles}}], password: "{{Password}}" }) { id } }""");

    private async Task<string> NodeAsync(string kind, string properties, string source, string restriction, string? caseId)
    {
        var data = await Server.DataAsync($$"""
            mutation { createNode(input: { kind: {{kind}}, properties: {{properties}},
              provenance: { source: {{source}}, reference: "fixture", restriction: {{restriction}}{{(caseId is null ? "" : $", caseId: \"{caseId}\"")}} } }) { id } }
            """, token: caseId is null ? null : InsiderToken);
        return data["createNode"]!["id"]!.GetValue<string>();
    }

    private async Task<string> EdgeAsync(string kind, string from, string to, string properties, string source, string restriction, string? caseId)
    {
        var data = await Server.DataAsync($$"""
            mutation { createEdge(input: { kind: {{kind}}, sourceId: "{{from}}", targetId: "{{to}}", properties: {{properties}},
              provenance: { source: {{source}}, reference: "fixture", restriction: {{restriction}}{{(caseId is null ? "" : $", caseId: \"{caseId}\"")}} } }) { id } }
            """, token: caseId is null ? null : InsiderToken);
        return data["createEdge"]!["id"]!.GetValue<string>();
    }

    /// <summary>Runs a query as a user and returns the whole response body as text.</summary>
    public async Task<string> AsAsync(string token, string query)
    {
        var (status, body) = await Server.GraphQLAsync(query, token: token);
        return $"HTTP {status} {body.ToJsonString()}";
    }

    public async Task<JsonObject> DataAsAsync(string token, string query) => await Server.DataAsync(query, token: token);
}
