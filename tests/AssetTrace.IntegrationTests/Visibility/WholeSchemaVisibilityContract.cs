using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Visibility;

/// <summary>
/// Every query and mutation field of the schema, read from the schema itself, tried by an
/// outsider (every role but admin, on no case) against a case's restricted facts (#11). A field
/// must have a probe here: one added without a visibility rule fails <see cref="Every_field_of_the_schema_has_a_visibility_probe"/>.
/// A probe either names a restricted fact by id, and then the answer must be the very answer for
/// an id that does not exist ("absent"), or asks a question whose answer must hold none of the
/// restricted facts' names, ids, case or request ("no secrets").
/// </summary>
public abstract class WholeSchemaVisibilityContract(StoreKind kind) : IAsyncLifetime
{
    private const string Missing = "no-such-id-4711";
    private ServerHarness _server = null!;
    private RestrictedFixture _f = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerHarness.StartAsync(kind, loadDemo: false);
        _f = await RestrictedFixture.BuildAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A probe: {ID} is replaced by the restricted id and by <see cref="Missing"/> when <paramref name="Id"/> names one.</summary>
    private sealed record Probe(string Query, Func<RestrictedFixture, string>? Id = null);

    private static Probe Absent(string query, Func<RestrictedFixture, string> id) => new(query, id);

    private static Probe NoSecrets(string query) => new(query);

    private static readonly Dictionary<string, Probe> Probes = new()
    {
        // Graph reads.
        ["Query.node"] = Absent("""{ node(id: "{ID}") { id name provenance { caseId } } }""", f => f.HiddenPerson),
        ["Query.edge"] = Absent("""{ edge(id: "{ID}") { id share { low } } }""", f => f.HiddenOwns),
        ["Query.search"] = NoSecrets("""{ search(query: "Nightjar Holder") { totalCount nodes { id name } } }"""),
        ["Query.screen"] = NoSecrets("""{ screen(names: [{ name: "Nightjar Holder" }, { name: "Visible Owner" }]) { matchCount rows { matches { nodeId name matchedName holdings { nodeId name } connectedPersons { personId name } } } } }"""),
        ["Query.shortestPaths"] = Absent("""{ shortestPaths(from: "{ID}", to: "OPEN_FLAT") { nodes { id name } edges { id } } }""", f => f.HiddenPerson),
        ["Query.neighbourhood"] = NoSecrets("""{ neighbourhood(id: "OPEN_COMPANY", hops: 3) { nodes { id name } edges { id sourceId targetId } } }"""),
        ["Query.nodeHistory"] = Absent("""{ nodeHistory(id: "{ID}") { version state { name } } }""", f => f.HiddenPerson),
        ["Query.edgeHistory"] = Absent("""{ edgeHistory(id: "{ID}") { version state { id } } }""", f => f.HiddenOwns),
        // Cases.
        ["Query.cases"] = NoSecrets("""{ cases { id number title team subjects { node { id } } } }"""),
        ["Query.case"] = Absent("""{ case(id: "{ID}") { id number title } }""", f => f.CaseId),
        // Analytics: figures over what the outsider may see only.
        ["Query.owners"] = NoSecrets("""{ owners(id: "OPEN_FLAT") { nodeId name lowPercent highPercent paths { nodes { id name } } } }"""),
        ["Query.beneficialOwners"] = NoSecrets("""{ beneficialOwners(id: "OPEN_FLAT", thresholdPercent: 1) { personId name lowPercent highPercent paths { nodes { id name } } } }"""),
        ["Query.holdings"] = Absent("""{ holdings(id: "{ID}", withConnected: true) { nodeId name } }""", f => f.HiddenPerson),
        ["Query.connectedPersons"] = NoSecrets("""{ connectedPersons(id: "OPEN_OWNER", hops: 3) { personId name } }"""),
        ["Query.wealth"] = Absent("""{ wealth(id: "{ID}") { own { highUsd } withConnected { highUsd } } }""", f => f.HiddenPerson),
        ["Query.redFlags"] = Absent("""{ redFlags(id: "OPEN_COMPANY", caseId: "{ID}") { kind description } }""", f => f.CaseId),
        // The request desk.
        ["Query.requests"] = NoSecrets("""{ requests { id number subjects { id } } }"""),
        ["Query.request"] = Absent("""{ request(id: "{ID}") { id number } }""", f => f.RequestId),
        ["Query.requestLetters"] = Absent("""{ requestLetters(id: "{ID}") { subject text } }""", f => f.RequestId),
        ["Query.requestMail"] = Absent("""{ requestMail(requestId: "{ID}") { matchedBy } }""", f => f.RequestId),
        ["Query.holdingPen"] = NoSecrets("""{ holdingPen { requestId matchedBy } }"""),
        ["Query.requestFigures"] = NoSecrets("""{ requestFigures { open overdue byNetwork { key open } byJurisdiction { key open } } }"""),
        ["Query.networks"] = NoSecrets("""{ networks { code } }"""),
        ["Query.contactPoints"] = NoSecrets("""{ contactPoints(network: "CARIN") { id email } }"""),
        // Accounts and audit.
        ["Query.me"] = NoSecrets("""{ me { username roles } }"""),
        ["Query.users"] = NoSecrets("""{ users { username } }"""),
        ["Query.apiTokens"] = NoSecrets("""{ apiTokens { name } }"""),
        ["Query.auditLog"] = NoSecrets("""{ auditLog(first: 100) { entity action before after reason } }"""),
        ["Query.auditVerification"] = NoSecrets("""{ auditVerification { intact } }"""),
        ["Query.auditCheckpoint"] = NoSecrets("""{ auditCheckpoint { seq exported } }"""),
        // The open-source watch: leads belong to a case (WatchApiContract probes them on a real lead); sources and runs hold no case.
        ["Query.watchSources"] = NoSecrets("""{ watchSources { name latestRun { errors } } }"""),
        ["Query.watchRuns"] = NoSecrets("""{ watchRuns { id errors } }"""),
        ["Query.leads"] = NoSecrets("""{ leads { id caseId matchedText node { id name } values { text } } }"""),
        ["Mutation.acceptLead"] = NoSecrets("""mutation { acceptLead(id: "no-such-lead") { id facts } }"""),
        ["Mutation.dismissLead"] = NoSecrets("""mutation { dismissLead(id: "no-such-lead", reason: "probe") { id } }"""),
        ["Mutation.startWatchSource"] = NoSecrets("""mutation { startWatchSource(name: "no-such-source") { name } }"""),
        ["Mutation.pauseWatchSource"] = NoSecrets("""mutation { pauseWatchSource(name: "no-such-source") { name } }"""),
        ["Mutation.resumeWatchSource"] = NoSecrets("""mutation { resumeWatchSource(name: "no-such-source") { name } }"""),
        ["Query.mergeSuggestions"] = NoSecrets("""{ mergeSuggestions { id node { id } candidate { id } } }"""),

        // Graph writes: a restricted fact cannot be changed, linked to or used by one who may not see it.
        ["Mutation.createNode"] = Absent("""mutation { createNode(input: { kind: PERSON, properties: { name: "Probe" }, provenance: { source: NETWORK_ANSWER, restriction: INTELLIGENCE_ONLY, caseId: "{ID}" } }) { id } }""", f => f.CaseId),
        ["Mutation.updateNode"] = Absent("""mutation { updateNode(input: { id: "{ID}", reason: "probe", properties: { name: "Renamed" } }) { id } }""", f => f.HiddenPerson),
        ["Mutation.deleteNode"] = Absent("""mutation { deleteNode(input: { id: "{ID}", reason: "probe" }) { id } }""", f => f.HiddenPerson),
        ["Mutation.createEdge"] = Absent("""mutation { createEdge(input: { kind: OWNS, sourceId: "{ID}", targetId: "OPEN_FLAT", properties: { share: 5 }, provenance: { source: MANUAL_ENTRY, restriction: EVIDENCE } }) { id } }""", f => f.HiddenPerson),
        ["Mutation.updateEdge"] = Absent("""mutation { updateEdge(input: { id: "{ID}", reason: "probe", provenance: { source: OFFICIAL_REGISTRY, restriction: EVIDENCE } }) { id } }""", f => f.HiddenOwns),
        ["Mutation.deleteEdge"] = Absent("""mutation { deleteEdge(input: { id: "{ID}", reason: "probe" }) { id } }""", f => f.HiddenOwns),
        ["Mutation.createCase"] = NoSecrets("""mutation { createCase(input: { number: "PROBE-1", title: "Probe", crimeType: "corruption" }) { id subjects { node { id } } } }"""),
        ["Mutation.updateCase"] = Absent("""mutation { updateCase(input: { id: "{ID}", reason: "probe", title: "Taken" }) { id } }""", f => f.CaseId),
        ["Mutation.addCaseSubject"] = Absent("""mutation { addCaseSubject(caseId: "{ID}", nodeId: "OPEN_FLAT", role: "asset") { id } }""", f => f.CaseId),
        ["Mutation.removeCaseSubject"] = Absent("""mutation { removeCaseSubject(caseId: "{ID}", nodeId: "OPEN_FLAT", reason: "probe") { id } }""", f => f.CaseId),
        ["Mutation.importFile"] = NoSecrets("""mutation { importFile(format: "no-such-format", fileName: "x.json", content: "[]") { committed } }"""),
        ["Mutation.decideMergeSuggestion"] = NoSecrets("""mutation { decideMergeSuggestion(id: "no-such-suggestion", accept: false, note: "probe") { id } }"""),
        // Accounts.
        ["Mutation.createUser"] = NoSecrets("""mutation { createUser(input: { username: "probe", roles: [ADMIN], password: "a long enough password" }) { id } }"""),
        ["Mutation.setEmail"] = NoSecrets("""mutation { setEmail(username: "no-such-user", email: "probe@example.org") { username email } }"""),
        ["Mutation.createApiToken"] = NoSecrets("""mutation { createApiToken(name: "probe") { name } }"""),
        ["Mutation.revokeApiToken"] = NoSecrets("""mutation { revokeApiToken(id: "no-such-token", reason: "probe") }"""),
        ["Mutation.changePassword"] = NoSecrets("""mutation { changePassword(currentPassword: "not the password", newPassword: "another long password") { username } }"""),
        ["Mutation.disableUser"] = NoSecrets("""mutation { disableUser(username: "insider", reason: "probe") { username } }"""),
        ["Mutation.enableUser"] = NoSecrets("""mutation { enableUser(username: "insider", reason: "probe") { username } }"""),
        ["Mutation.resetPassword"] = NoSecrets("""mutation { resetPassword(username: "insider", reason: "probe") { user { username } } }"""),
        ["Mutation.setUserRoles"] = NoSecrets("""mutation { setUserRoles(username: "outsider", roles: [ADMIN], reason: "probe") { username } }"""),
        // The request desk.
        ["Mutation.draftRequest"] = Absent("""mutation { draftRequest(input: { caseId: "{ID}", network: "CARIN", jurisdiction: "GB", body: { subjectIds: ["OPEN_COMPANY"], questions: ["company_register"], legalBasis: "probe", languages: ["en"] } }) { id } }""", f => f.CaseId),
        ["Mutation.draftMlaFromRequest"] = Absent("""mutation { draftMlaFromRequest(id: "{ID}") { id } }""", f => f.RequestId),
        ["Mutation.updateRequestDraft"] = Absent("""mutation { updateRequestDraft(id: "{ID}", body: { subjectIds: ["OPEN_COMPANY"], questions: ["company_register"], legalBasis: "probe", languages: ["en"] }) { id } }""", f => f.RequestId),
        ["Mutation.approveRequest"] = Absent("""mutation { approveRequest(id: "{ID}") { id } }""", f => f.RequestId),
        ["Mutation.sendRequest"] = Absent("""mutation { sendRequest(id: "{ID}") { id } }""", f => f.RequestId),
        ["Mutation.acknowledgeRequest"] = Absent("""mutation { acknowledgeRequest(id: "{ID}") { id } }""", f => f.RequestId),
        ["Mutation.recordAnswer"] = Absent("""mutation { recordAnswer(id: "{ID}", complete: true) { id } }""", f => f.RequestId),
        ["Mutation.closeRequest"] = Absent("""mutation { closeRequest(id: "{ID}") { id } }""", f => f.RequestId),
        ["Mutation.withdrawRequest"] = Absent("""mutation { withdrawRequest(id: "{ID}", reason: "probe") { id } }""", f => f.RequestId),
        ["Mutation.recordConsent"] = Absent("""mutation { recordConsent(requestId: "{ID}", provider: "UK FIU", reference: "probe", grantedOn: "2026-01-01") { id } }""", f => f.RequestId),
        ["Mutation.assignMail"] = Absent("""mutation { assignMail(inboundId: "1", requestId: "{ID}") { matchedBy } }""", f => f.RequestId),
        // The roster (#16): lists and figures over what the outsider may see; a proposal in the restricted case; the case's entry.
        ["Query.rosterEntry"] = Absent("""{ rosterEntry(id: "{ID}") { id subjectId } }""", f => f.RosterEntryId),
        ["Query.rosterCourtApplication"] = Absent("""{ rosterCourtApplication(id: "{ID}") { subjectName assets { name } } }""", f => f.RosterEntryId),
        ["Query.rosterNoticePdf"] = Absent("""{ rosterNoticePdf(id: "{ID}", language: "en") }""", f => f.RosterEntryId),
        ["Query.rosterCourtApplicationPdf"] = Absent("""{ rosterCourtApplicationPdf(id: "{ID}", language: "kk") }""", f => f.RosterEntryId),
        ["Query.rosterDocumentContent"] = Absent("""{ rosterDocumentContent(id: "{ID}") }""", f => f.RosterDocumentId),
        ["Mutation.decideRosterEntry"] = Absent("""mutation { decideRosterEntry(id: "{ID}", meetingOn: "2026-01-01", votesFor: 1, votesAgainst: 0, abstained: 0, members: ["A"]) { id } }""", f => f.RosterEntryId),
        ["Mutation.requestRosterExclusion"] = Absent("""mutation { requestRosterExclusion(id: "{ID}", reason: "probe") { id } }""", f => f.RosterEntryId),
        ["Mutation.approveRosterExclusion"] = Absent("""mutation { approveRosterExclusion(id: "{ID}") { id } }""", f => f.RosterEntryId),
        ["Mutation.recordRosterNotice"] = Absent("""mutation { recordRosterNotice(id: "{ID}", deliveredOn: "2026-01-01", method: "probe") { id } }""", f => f.RosterEntryId),
        ["Mutation.extendRosterDeadline"] = Absent("""mutation { extendRosterDeadline(id: "{ID}", months: 2, reason: "probe") { id } }""", f => f.RosterEntryId),
        ["Mutation.addRosterDeclaration"] = Absent("""mutation { addRosterDeclaration(id: "{ID}", fileName: "probe.pdf", contentType: "application/pdf", contentBase64: "JVBERi0xLjQgcHJvYmU=") { id } }""", f => f.RosterEntryId),
        ["Mutation.evaluateRosterAsset"] = Absent("""mutation { evaluateRosterAsset(id: "{ID}", assetId: "OPEN_FLAT", verdict: EXPLAINED, reason: "probe") { seq } }""", f => f.RosterEntryId),
        ["Mutation.recordRosterCourtStep"] = Absent("""mutation { recordRosterCourtStep(id: "{ID}", step: FILED, note: "probe") { id } }""", f => f.RosterEntryId),
        ["Mutation.recordFundReturn"] = Absent("""mutation { recordFundReturn(entryId: "{ID}", assetId: "OPEN_FLAT", amount: 1, currency: "USD", returnedOn: "2026-01-01") { id } }""", f => f.RosterEntryId),
        ["Query.rosterCandidates"] = NoSecrets("""{ rosterCandidates { personId name assets { nodeId name } } }"""),
        ["Query.rosterEntries"] = NoSecrets("""{ rosterEntries { id subjectId caseId } }"""),
        ["Query.rosterCriteria"] = NoSecrets("""{ rosterCriteria { code } }"""),
        ["Query.specialFund"] = NoSecrets("""{ specialFund { usd byCountry { key } } }"""),
        ["Query.specialFundReturns"] = NoSecrets("""{ specialFundReturns { id assetId } }"""),
        ["Mutation.proposeRosterEntry"] = Absent("""mutation { proposeRosterEntry(caseId: "{ID}", subjectId: "OPEN_OWNER", criteria: ["public_office"], statement: "probe") { id } }""", f => f.CaseId),
        // Recovery (#17): a case's steps and recommendations are the case's; the figures count only the cases one sees.
        ["Query.caseAssets"] = Absent("""{ caseAssets(caseId: "{ID}") { nodeId name moves { id } } }""", f => f.CaseId),
        ["Query.recoveryFigures"] = NoSecrets("""{ recoveryFigures { cases restricted rows { country crimeType assets } csv } }"""),
        ["Query.recommendations"] = Absent("""{ recommendations(caseId: "{ID}") { crimeType recommendations { key why { en } } } }""", f => f.CaseId),
        ["Mutation.recordAssetMove"] = Absent("""mutation { recordAssetMove(input: { caseId: "{ID}", nodeId: "OPEN_FLAT", step: IDENTIFIED, onDate: "2026-01-01", channel: REGISTRY, justifications: [{ kind: DOCUMENT, reference: "probe" }] }) { step } }""", f => f.CaseId),
        ["Mutation.correctAssetMove"] = Absent("""mutation { correctAssetMove(caseId: "{ID}", nodeId: "OPEN_FLAT", moveId: "probe", reason: "probe") { step } }""", f => f.CaseId),
        ["Mutation.acceptRecommendation"] = Absent("""mutation { acceptRecommendation(caseId: "{ID}", key: "probe") { status } }""", f => f.CaseId),
        ["Mutation.dismissRecommendation"] = Absent("""mutation { dismissRecommendation(caseId: "{ID}", key: "probe", reason: "probe") { status } }""", f => f.CaseId),
        ["Query.recoveryTasks"] = Absent("""{ recoveryTasks(caseId: "{ID}") { id title { en } } }""", f => f.CaseId),
        ["Mutation.completeRecoveryTask"] = Absent("""mutation { completeRecoveryTask(caseId: "{ID}", id: "probe", note: "probe") { id } }""", f => f.CaseId),
        ["Mutation.saveContactPoint"] = NoSecrets("""mutation { saveContactPoint(input: { network: "CARIN", jurisdiction: "GB", name: "Probe", email: "not an address", languages: ["en"], timeZone: "Europe/London" }) { id } }"""),
    };

    [Fact]
    public async Task Every_field_of_the_schema_has_a_visibility_probe()
    {
        var schema = await _server.DataAsync("{ __schema { queryType { fields { name } } mutationType { fields { name } } } }");
        var fields = schema["__schema"]!["queryType"]!["fields"]!.AsArray().Select(f => "Query." + f!["name"]!.GetValue<string>())
            .Concat(schema["__schema"]!["mutationType"]!["fields"]!.AsArray().Select(f => "Mutation." + f!["name"]!.GetValue<string>()))
            .Order(StringComparer.Ordinal).ToList();

        var unprobed = fields.Except(Probes.Keys).ToList();
        Assert.True(unprobed.Count == 0, $"Fields without a visibility rule and probe in {nameof(WholeSchemaVisibilityContract)}: {string.Join(", ", unprobed)}");
        var stale = Probes.Keys.Except(fields).ToList();
        Assert.True(stale.Count == 0, $"Probes for fields the schema no longer has: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task The_fixture_is_there_for_the_case_team_and_its_named_supervisor()
    {
        // Without this the outsider's probes could pass on an empty graph.
        foreach (var token in new[] { _f.InsiderToken, _f.SupervisorToken })
        {
            var seen = await _f.DataAsAsync(token, $$"""
                { node(id: "{{_f.HiddenPerson}}") { name } case(id: "{{_f.CaseId}}") { number }
                  beneficialOwners(id: "{{_f.OpenFlat}}", thresholdPercent: 1) { name lowPercent } }
                """);
            Assert.Equal(RestrictedFixture.HiddenName, seen["node"]!["name"]!.GetValue<string>());
            Assert.Equal(RestrictedFixture.CaseNumber, seen["case"]!["number"]!.GetValue<string>());
            var owners = seen["beneficialOwners"]!.AsArray().ToDictionary(o => o!["name"]!.GetValue<string>(), o => o!["lowPercent"]!.GetValue<double>());
            Assert.Equal(30, owners[RestrictedFixture.HiddenName], 6);
            Assert.Equal(70, owners["Visible Owner"], 6);
        }
        var requests = await _f.DataAsAsync(_f.InsiderToken, "{ requests { number } }");
        Assert.Contains(_f.RequestNumber, requests.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_field_shows_an_outsider_anything_of_the_case()
    {
        var failures = new List<string>();
        foreach (var (field, probe) in Probes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var query = probe.Query.Replace("OPEN_FLAT", _f.OpenFlat, StringComparison.Ordinal)
                .Replace("OPEN_COMPANY", _f.OpenCompany, StringComparison.Ordinal).Replace("OPEN_OWNER", _f.OpenOwner, StringComparison.Ordinal);
            if (probe.Id is { } id)
            {
                var secret = id(_f);
                var onSecret = (await _f.AsAsync(_f.OutsiderToken, query.Replace("{ID}", secret, StringComparison.Ordinal))).Replace(secret, "{ID}", StringComparison.Ordinal);
                var onMissing = (await _f.AsAsync(_f.OutsiderToken, query.Replace("{ID}", Missing, StringComparison.Ordinal))).Replace(Missing, "{ID}", StringComparison.Ordinal);
                if (onSecret != onMissing)
                {
                    failures.Add($"{field}: the answer for a restricted id differs from the answer for none:\n  restricted: {onSecret}\n  missing:    {onMissing}");
                }
                CheckSecrets(field, onSecret.Replace("{ID}", "", StringComparison.Ordinal), failures);
            }
            else
            {
                CheckSecrets(field, await _f.AsAsync(_f.OutsiderToken, query), failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private void CheckSecrets(string field, string answer, List<string> failures)
    {
        // A probe the server could not even validate would prove nothing.
        if (answer.StartsWith("HTTP 400", StringComparison.Ordinal))
        {
            failures.Add($"{field}: the probe is not a valid request: {answer}");
        }
        foreach (var secret in _f.Secrets.Where(s => answer.Contains(s, StringComparison.Ordinal)))
        {
            failures.Add($"{field}: an outsider's answer names '{secret}': {answer}");
        }
    }
}

public sealed class SqliteWholeSchemaVisibilityTests() : WholeSchemaVisibilityContract(StoreKind.Sqlite);

public sealed class PostgresWholeSchemaVisibilityTests() : WholeSchemaVisibilityContract(StoreKind.Postgres);
