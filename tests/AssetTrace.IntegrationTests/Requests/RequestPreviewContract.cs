using AssetTrace.Common;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Requests;
using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Requests;

/// <summary>
/// The composer's preview (#13) on both stores: before saving, the letters read exactly as the
/// saved draft's will, the checklist finds the same gaps, and nothing is written; it refuses what
/// drafting refuses.
/// </summary>
public abstract class RequestPreviewContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_preview_reads_as_the_saved_draft_finds_the_same_gaps_and_writes_nothing()
    {
        var desk = _harness.Get<RequestDesk>();
        var officer = Viewer.User("officer1", [AssetTrace.Accounts.Role.Officer], ["demo-case"]);
        // A formal request to GB: the state's checklist asks for statements this draft lacks.
        var input = new RequestDraftInput("demo-case", "MLA", "GB", null, Urgency.Normal, new RequestBody(
            ["demo-serik-akhmetov", "demo-flat-london"], ["real_estate"], null, "UNCAC art. 46", "Embezzlement of public funds", null,
            "Confidential", null, ["en", "ru"], new Dictionary<string, string> { ["dual_criminality"] = "Embezzlement is an offence in both states." }));
        var written = await CountsAsync();

        var preview = await desk.PreviewAsync(input, "REQ-PREVIEW", officer, default);

        Assert.Equal(written, await CountsAsync());
        Assert.Equal(["link_asset_offence", "confidentiality_statement"], preview.Gaps.Select(g => g.Item));
        var draft = await desk.DraftAsync(input, officer, default);
        Assert.Equal((await desk.ChecklistAsync(draft.Id, officer, default)).Select(g => g.Item), preview.Gaps.Select(g => g.Item));
        var saved = await _harness.Get<RequestDocuments>().RenderAsync(draft, default);
        Assert.Equal(saved.Select(l => l.Text), preview.Letters.Select(l => l.ToText().Replace("REQ-PREVIEW", draft.Number, StringComparison.Ordinal)));
        Assert.Contains("Серік Ахметов (Serik Akhmetov)", saved[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preview_refuses_a_case_the_officer_is_not_on_and_a_subject_of_another_case()
    {
        var desk = _harness.Get<RequestDesk>();
        RequestDraftInput Input(string caseId, string subject) => new(caseId, "CARIN", "GB", null, Urgency.Normal, new RequestBody(
            [subject], ["real_estate"], null, "CARIN", "", null, "Confidential", null, ["en"], new Dictionary<string, string>()));

        var outsider = await Assert.ThrowsAsync<UserInputException>(() =>
            desk.PreviewAsync(Input("demo-case", "demo-serik-akhmetov"), "REQ-X", Viewer.User("elsewhere", [AssetTrace.Accounts.Role.Officer], []), default));
        Assert.Contains(outsider.Errors, e => e.Field == "input.caseId");

        // A node restricted to the demo case may not be named in another case's letter, even by someone on both cases.
        var other = await _harness.Get<AssetTrace.Cases.CaseStore>().CreateAsync(
            new AssetTrace.Cases.CaseDraft("2026-ARC-0099", "Another case", "corruption", ["officer1"], null), Viewer.System("admin"), default);
        var both = Viewer.User("officer1", [AssetTrace.Accounts.Role.Officer], ["demo-case", other.Id]);
        var crossed = await Assert.ThrowsAsync<UserInputException>(() => desk.PreviewAsync(Input(other.Id, "demo-steppe-horizon"), "REQ-X", both, default));
        Assert.Contains(crossed.Errors, e => e.Field == "input.subjectIds");
    }

    private async Task<(long Requests, long Audit)> CountsAsync() =>
        await _harness.Get<Database>().ReadAsync(async c => (
            (await c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM requests", default))!,
            (await c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM audit_log", default))!), default);
}

public sealed class SqliteRequestPreviewTests() : RequestPreviewContract(StoreKind.Sqlite);

public sealed class PostgresRequestPreviewTests() : RequestPreviewContract(StoreKind.Postgres);
