using AssetTrace.Audit;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Recovery.Figures;
using AssetTrace.Recovery.Steps;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using static AssetTrace.IntegrationTests.Recovery.RecoverySteps;
using static AssetTrace.Recovery.Steps.RecoveryStep;

namespace AssetTrace.IntegrationTests.Recovery;

/// <summary>
/// The steps of recovery on the demo case, on both stores: the allowed moves, the confiscation rule,
/// corrections, versions, the audit, the figures in USD, and what another case's user sees of it all.
/// </summary>
public abstract class RecoveryLedgerContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    private RecoveryLedger Ledger => _harness.Get<RecoveryLedger>();

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Moving_the_flat_through_the_steps_to_returned_shows_in_the_figures_by_year_and_country_in_usd()
    {
        await ThroughAsync(_harness, "demo-flat-london", Identified, Traced, LinkEstablished, Frozen, Confiscated);
        var returned = await Ledger.RecordAsync(Move(Returned, "2026-11-20", 4_500_000, "GBP", kind: JustificationKind.CourtDecision, reference: "Special Fund transfer act 77"),
            Analyst, default);

        Assert.Equal(Returned, returned.Step);
        Assert.Equal(6, returned.Version);
        Assert.Equal("GB", returned.Country);
        var figures = await _harness.Get<RecoveryFigureReader>().ReadAsync(Analyst, default);
        // 4.5M GBP at the latest rate on or before 2026-11-20 (1.3440 on 2025-12-31).
        var row = Assert.Single(figures.Rows, r => r.Step == Returned);
        Assert.Equal(new FigureRow(Returned, 2026, "GB", "corruption", DiscoveryChannel.NetworkRequest, 1, 6_048_000.00m, 0, 0), row);
        Assert.Equal([Identified, Traced, LinkEstablished, Frozen, Confiscated, Returned], figures.ByStep.Select(r => r.Step));
        Assert.Equal(4_200_000m * 1.3440m, figures.ByStep.Single(r => r.Step == Identified).ValueUsd);
        Assert.Contains("returned,2026,GB,corruption,network_request,1,6048000.00,0,0", FiguresCsv.Write(figures), StringComparison.Ordinal);
        var audit = await _harness.Get<AuditLog>().ListAsync("case/demo-case", null, 100, default);
        Assert.Equal(6, audit.Count(e => e.Action == "recovery.moved" && e.Entity == "case/demo-case" && e.Actor == "analyst1"));
    }

    [Fact]
    public async Task An_analyst_cannot_confiscate_without_a_freeze_unless_a_decision_covers_it_or_the_reason_is_recorded()
    {
        await ThroughAsync(_harness, "demo-flat-london", Identified, Traced, LinkEstablished);

        var refused = await Assert.ThrowsAsync<UserInputException>(() => Ledger.RecordAsync(Move(Confiscated, "2026-06-01"), Analyst, default));
        Assert.Equal("input.step", Assert.Single(refused.Errors).Field);
        Assert.Contains("never frozen or seized", refused.Message, StringComparison.Ordinal);
        Assert.Equal(LinkEstablished, (await Ledger.ForAssetAsync(Analyst, "demo-case", "demo-flat-london", default))!.Step);

        var covered = await Ledger.RecordAsync(Move(Confiscated, "2026-06-01", kind: JustificationKind.CourtDecision, reference: "Astana court 2-118/2026"), Analyst, default);
        Assert.Equal(Confiscated, covered.Step);

        await ThroughAsync(_harness, "demo-yacht-aurora", Identified, Traced, LinkEstablished);
        var recorded = await Ledger.RecordAsync(Move(Confiscated, "2026-06-01", node: "demo-yacht-aurora", unrestrained: "sold before a freeze could be ordered; value confiscated"),
            Analyst, default);
        Assert.Equal("sold before a freeze could be ordered; value confiscated", recorded.Moves[^1].UnrestrainedReason);
    }

    [Fact]
    public async Task Only_the_moves_of_the_table_are_allowed_and_an_asset_enters_only_when_identified_with_its_channel()
    {
        var skipped = await Assert.ThrowsAsync<UserInputException>(() => Ledger.RecordAsync(Move(Traced, "2026-02-01"), Analyst, default));
        Assert.Contains("may move to identified, not traced", skipped.Message, StringComparison.Ordinal);
        await ThroughAsync(_harness, "demo-flat-london", Identified);
        await Assert.ThrowsAsync<UserInputException>(() => Ledger.RecordAsync(Move(Returned, "2026-03-01"), Analyst, default));
        var notAsset = await Assert.ThrowsAsync<UserInputException>(() => Ledger.RecordAsync(Move(Identified, "2026-03-01", node: "demo-serik-akhmetov"), Analyst, default));
        Assert.Equal("input.nodeId", Assert.Single(notAsset.Errors).Field);
        var future = await Assert.ThrowsAsync<UserInputException>(() => Ledger.RecordAsync(Move(Traced, "2027-01-01"), Analyst, default));
        Assert.Equal("input.onDate", Assert.Single(future.Errors).Field);
        var noChannel = Move(Identified, "2026-02-01", node: "demo-yacht-aurora") with { Channel = null };
        Assert.Equal("input.channel", Assert.Single((await Assert.ThrowsAsync<UserInputException>(() => Ledger.RecordAsync(noChannel, Analyst, default))).Errors).Field);
    }

    [Fact]
    public async Task A_move_on_a_stale_version_is_a_conflict_and_writes_nothing()
    {
        var identified = await ThroughAsync(_harness, "demo-flat-london", Identified);
        await Ledger.RecordAsync(Move(Traced, "2026-03-01", expectedVersion: identified.Version), Analyst, default);

        await Assert.ThrowsAsync<ConflictException>(() => Ledger.RecordAsync(Move(LinkEstablished, "2026-04-01", expectedVersion: identified.Version), Analyst, default));
        var asset = await Ledger.ForAssetAsync(Analyst, "demo-case", "demo-flat-london", default);
        Assert.Equal((Traced, 2, 2), (asset!.Step, asset.Version, asset.Moves.Count));
    }

    [Fact]
    public async Task A_correction_reverses_the_latest_move_keeps_it_on_record_and_the_figures_no_longer_count_it()
    {
        var frozen = await ThroughAsync(_harness, "demo-flat-london", Identified, Traced, LinkEstablished, Frozen);
        var earlier = frozen.Moves[1].Id;
        var wrongEarlier = await Assert.ThrowsAsync<UserInputException>(() =>
            Ledger.CorrectAsync("demo-case", "demo-flat-london", earlier, "typed the wrong asset", frozen.Version, Analyst, default));
        Assert.Contains("only the latest standing move", wrongEarlier.Message, StringComparison.Ordinal);

        var corrected = await Ledger.CorrectAsync("demo-case", "demo-flat-london", frozen.Moves[^1].Id, "the freeze order named the yacht, not the flat", frozen.Version, Analyst, default);

        Assert.Equal(LinkEstablished, corrected.Step);
        Assert.Equal(5, corrected.Moves.Count);
        Assert.Equal(frozen.Moves[^1].Id, corrected.Moves[^1].Corrects);
        Assert.DoesNotContain(Frozen, (await _harness.Get<RecoveryFigureReader>().ReadAsync(Analyst, default)).ByStep.Select(r => r.Step));
        // The table allows the freeze again from where the asset stands.
        Assert.Equal(Frozen, (await Ledger.RecordAsync(Move(Frozen, "2026-07-01"), Analyst, default)).Step);
    }

    [Fact]
    public async Task A_user_of_another_case_sees_nothing_of_its_steps_not_even_in_the_figures_and_cannot_record_any()
    {
        await ThroughAsync(_harness, "demo-flat-london", Identified, Traced);
        var other = await _harness.Get<CaseStore>().CreateAsync(new CaseDraft("2026-ARC-0099", "Another team's case", "fraud", ["analyst2"], null), Viewer.System("admin"), default);
        var outsider = Viewer.User("analyst2", [AssetTrace.Accounts.Role.Analyst, AssetTrace.Accounts.Role.Officer, AssetTrace.Accounts.Role.Supervisor], [other.Id]);

        await Assert.ThrowsAsync<NotFoundException>(() => Ledger.ForCaseAsync(outsider, "demo-case", default));
        await Assert.ThrowsAsync<NotFoundException>(() => Ledger.ForAssetAsync(outsider, "demo-case", "demo-flat-london", default));
        await Assert.ThrowsAsync<NotFoundException>(() => Ledger.RecordAsync(Move(LinkEstablished, "2026-04-01"), outsider, default));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            Ledger.CorrectAsync("demo-case", "demo-flat-london", "any", "reason", null, outsider, default));
        var figures = await _harness.Get<RecoveryFigureReader>().ReadAsync(outsider, default);
        Assert.Equal((0, 0, 1), (figures.Rows.Count, figures.ByStep.Count, figures.Cases));
        // A request of another case is no justification here either.
        var theirs = await Requests.RequestSteps.DraftAsync(_harness, caseId: other.Id);
        var refused = await Assert.ThrowsAsync<UserInputException>(() =>
            Ledger.RecordAsync(Move(LinkEstablished, "2026-04-01", kind: JustificationKind.Request, reference: theirs.Id), Viewer.System("admin"), default));
        Assert.Equal("input.justifications[0].reference", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public async Task An_asset_restricted_to_another_case_afterwards_is_left_out_of_this_case_name_moves_and_figures()
    {
        await ThroughAsync(_harness, "demo-flat-london", Identified, Traced);
        var admin = Viewer.System("admin");
        var other = await _harness.Get<CaseStore>().CreateAsync(new CaseDraft("2026-ARC-0098", "A sealed case", "corruption", ["insider"], null), admin, default);
        var insider = Viewer.User("insider", [AssetTrace.Accounts.Role.Analyst], ["demo-case", other.Id]);
        await _harness.Get<GraphStore>().UpdateNodeAsync(new Patch("demo-flat-london", "sealed by the other case's court order",
            Provenance: new ProvenanceDraft(SourceKind.ManualEntry, null, null, UsageRestriction.Evidence, other.Id)), insider, default);
        var supervisor = Viewer.User("supervisor1", [AssetTrace.Accounts.Role.Supervisor], ["demo-case"]);

        Assert.DoesNotContain(await Ledger.ForCaseAsync(supervisor, "demo-case", default), a => a.NodeId == "demo-flat-london");
        Assert.Null(await Ledger.ForAssetAsync(supervisor, "demo-case", "demo-flat-london", default));
        var figures = await _harness.Get<RecoveryFigureReader>().ReadAsync(supervisor, default);
        Assert.Empty(figures.ByStep);
        // Whoever is on both cases still sees the asset as recorded.
        var both = Assert.Single(await Ledger.ForCaseAsync(insider, "demo-case", default), a => a.NodeId == "demo-flat-london");
        Assert.Equal((Traced, 2), (both.Step, both.Moves.Count));
        Assert.NotEmpty((await _harness.Get<RecoveryFigureReader>().ReadAsync(insider, default)).ByStep);
    }

    [Fact]
    public async Task Supervisors_totals_say_how_many_restricted_items_they_include()
    {
        // The CH account came through Egmont: a fact restricted to the demo case.
        await ThroughAsync(_harness, "demo-account-ch", Identified);
        await ThroughAsync(_harness, "demo-flat-london", Identified);
        var supervisor = Viewer.User("supervisor1", [AssetTrace.Accounts.Role.Supervisor], ["demo-case"]);

        var figures = await _harness.Get<RecoveryFigureReader>().ReadAsync(supervisor, default);

        var identified = Assert.Single(figures.ByStep);
        Assert.Equal((2, 1), (identified.Assets, identified.Restricted));
        Assert.Equal(1, figures.Restricted);
    }
}

public sealed class SqliteRecoveryLedgerTests() : RecoveryLedgerContract(StoreKind.Sqlite);

public sealed class PostgresRecoveryLedgerTests() : RecoveryLedgerContract(StoreKind.Postgres);
