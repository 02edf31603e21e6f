using AssetTrace.Accounts;
using AssetTrace.Cases;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Requests;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using static AssetTrace.IntegrationTests.Requests.RequestSteps;

namespace AssetTrace.IntegrationTests.Requests;

/// <summary>
/// The turnaround the office reports, per jurisdiction and per network, worked out by hand over
/// requests sent at known times and answered now (on the fake clock), on both stores.
/// </summary>
public abstract class TurnaroundContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<string> AnsweredAfterAsync(double days, string network, string jurisdiction, bool complete = true, string caseId = "demo-case")
    {
        var sent = await SentAsync(_harness, _harness.Clock.GetUtcNow().AddDays(-days), network, jurisdiction, caseId);
        await AnswerAsync(_harness, sent.Id, complete);
        return sent.Id;
    }

    [Fact]
    public async Task Turnaround_is_the_median_and_average_days_to_the_first_answer_per_jurisdiction_and_network()
    {
        // GB: 2, 4 and 9 days (median 4, average 5) and one still open. CY: 1.5 days, in part only, so
        // also open; one withdrawn. FR through Interpol/StAR: 4 days. CH through Egmont: a quarter of a day.
        await AnsweredAfterAsync(2, "CARIN", "GB");
        await AnsweredAfterAsync(9, "CARIN", "GB");
        await AnsweredAfterAsync(4, "CARIN", "GB");
        await SentAsync(_harness, _harness.Clock.GetUtcNow().AddDays(-1), "CARIN", "GB");
        await AnsweredAfterAsync(1.5, "CARIN", "CY", complete: false);
        var withdrawn = await SentAsync(_harness, _harness.Clock.GetUtcNow().AddDays(-3), "CARIN", "CY");
        await _harness.Get<RequestDesk>().WithdrawAsync(withdrawn.Id, Officer, "sent to the wrong office", default);
        await DraftAsync(_harness, "CARIN", "DE");
        await AnsweredAfterAsync(4, "INTERPOL_STAR", "FR");
        await AnsweredAfterAsync(0.25, "EGMONT", "CH");

        var figures = await _harness.Get<RequestFigureReader>().ReadAsync(Viewer.System("test"), default);

        Assert.Equal(["CH", "CY", "DE", "FR", "GB"], figures.ByJurisdiction.Select(t => t.Key));
        Assert.Equal(new Turnaround("GB", 3, 4, 5, 1, 0), figures.ByJurisdiction.Single(t => t.Key == "GB"));
        Assert.Equal(new Turnaround("CY", 1, 1.5, 1.5, 1, 0), figures.ByJurisdiction.Single(t => t.Key == "CY"));
        Assert.Equal(new Turnaround("CH", 1, 0.25, 0.25, 0, 0), figures.ByJurisdiction.Single(t => t.Key == "CH"));
        Assert.Equal(new Turnaround("DE", 0, null, null, 0, 0), figures.ByJurisdiction.Single(t => t.Key == "DE"));
        // CARIN: 1.5, 2, 4 and 9 days: an even count, so the median is the mean of the middle two (3); the average 16.5 / 4.
        Assert.Equal(["CARIN", "EGMONT", "INTERPOL_STAR"], figures.ByNetwork.Select(t => t.Key));
        Assert.Equal(new Turnaround("CARIN", 4, 3, 4.125, 2, 0), figures.ByNetwork.Single(t => t.Key == "CARIN"));
        Assert.Equal(new Turnaround("INTERPOL_STAR", 1, 4, 4, 0, 0), figures.ByNetwork.Single(t => t.Key == "INTERPOL_STAR"));
        Assert.Equal((2, 0), (figures.Open, figures.Overdue));
    }

    [Fact]
    public async Task A_user_counts_only_the_requests_of_the_cases_they_work_on()
    {
        var cases = _harness.Get<CaseStore>();
        var other = await cases.CreateAsync(new CaseDraft("2026-ARC-0099", "Another team's case", "fraud", ["officer2"], null), Viewer.System("admin"), default);
        await AnsweredAfterAsync(2, "CARIN", "GB");
        await AnsweredAfterAsync(30, "CARIN", "GB", caseId: other.Id);
        await SentAsync(_harness, _harness.Clock.GetUtcNow(), "CARIN", "CY", other.Id);

        var mine = await _harness.Get<RequestFigureReader>().ReadAsync(Viewer.User("officer1", [Role.Officer], ["demo-case"]), default);
        var everyone = await _harness.Get<RequestFigureReader>().ReadAsync(Viewer.System("admin"), default);

        Assert.Equal([new Turnaround("GB", 1, 2, 2, 0, 0)], mine.ByJurisdiction);
        Assert.Equal(0, mine.Open);
        Assert.Equal(new Turnaround("GB", 2, 16, 16, 0, 0), everyone.ByJurisdiction.Single(t => t.Key == "GB"));
        Assert.Equal(1, everyone.Open);
    }
}

public sealed class SqliteTurnaroundTests() : TurnaroundContract(StoreKind.Sqlite);

public sealed class PostgresTurnaroundTests() : TurnaroundContract(StoreKind.Postgres);
