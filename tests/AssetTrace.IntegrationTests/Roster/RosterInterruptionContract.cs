using AssetTrace.Accounts;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Roster.Court;
using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Notice;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Roster;

/// <summary>
/// An inclusion decision and the deadline's move to "application to court" cut short at every point (#16),
/// on both stores: the work is cancelled at each read of the clock in turn (the fake clock moves a second at
/// each read and cancels the token when it reaches the cut), which covers the reads inside the transaction
/// after its first rows are written (the entry's stamp after the drafts, the history event, the audit entry).
/// Each cut attempt leaves the entry, its documents, its history and the audit log as they were; the rerun
/// that is not cut completes the act once, and a further run changes nothing.
/// </summary>
public abstract class RosterInterruptionContract(StoreKind kind) : IAsyncLifetime
{
    private static readonly Viewer Body = Viewer.User("aidos.supervisor", [Role.Supervisor], ["demo-case"]);
    private static readonly Viewer Member = Viewer.User("marat.commission", [Role.Commission], ["demo-case"]);

    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private sealed record Written(RosterStage Stage, int Version, string? Number, int Documents, int Events, long AuditEntries);

    [Fact]
    public async Task A_deadline_move_cut_short_anywhere_leaves_nothing_half_written_and_the_rerun_completes_it_once()
    {
        var entry = await ProposedAsync();
        entry = await _harness.Get<RosterDesk>().DecideAsync(entry.Id, new RosterVote(Today, 3, 0, 0, ["A", "B", "C"]), null, Member, default);
        _harness.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 22, 9, 0, 0, TimeSpan.Zero));
        entry = await _harness.Get<RosterNotices>().RecordDeliveryAsync(entry.Id, new DateOnly(2027, 2, 21), "by hand", null, Body, default);
        _harness.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 26, 9, 0, 0, TimeSpan.Zero));
        var court = _harness.Get<RosterCourt>();
        var before = await WrittenAsync(entry.Id);

        var cuts = await CutAtEachClockReadUntilDoneAsync(ct => court.DeadlinePassedAsync(entry.Id, ct), async () => Assert.Equal(before, await WrittenAsync(entry.Id)));

        Assert.True(cuts >= 4, $"only {cuts} cut(s): the move reads the clock at least for its drafts, stamp, event and audit entry");
        var done = await WrittenAsync(entry.Id);
        Assert.Equal(before with { Stage = RosterStage.CourtApplication, Version = before.Version + 1, Documents = 3, Events = before.Events + 1,
            AuditEntries = before.AuditEntries + 1 }, done);
        Assert.Null(await court.DeadlinePassedAsync(entry.Id, default));
        Assert.Equal(done, await WrittenAsync(entry.Id));
        Assert.Single(await _harness.Get<RosterDesk>().HistoryAsync(entry.Id, Viewer.System("test"), default), e => e.Event == "deadline_passed");
        Assert.True((await _harness.Get<AuditLog>().VerifyAsync(default)).Intact);
    }

    [Fact]
    public async Task An_inclusion_decision_cut_short_anywhere_leaves_nothing_and_loses_no_number()
    {
        var entry = await ProposedAsync();
        var desk = _harness.Get<RosterDesk>();
        var before = await WrittenAsync(entry.Id);
        var vote = new RosterVote(Today, 3, 0, 0, ["A", "B", "C"]);

        var cuts = await CutAtEachClockReadUntilDoneAsync(ct => desk.DecideAsync(entry.Id, vote, entry.Stamp.Version, Member, ct),
            async () => Assert.Equal(before, await WrittenAsync(entry.Id)));

        Assert.True(cuts >= 3, $"only {cuts} cut(s): the decision reads the clock at least for its stamp, event and audit entry");
        // The year's first number: none was taken by the attempts that were cut.
        Assert.Equal(before with { Stage = RosterStage.Included, Version = before.Version + 1, Number = $"ARC-{Today.Year}-0001", Events = before.Events + 1,
            AuditEntries = before.AuditEntries + 1 }, await WrittenAsync(entry.Id));
        await Assert.ThrowsAsync<ConflictException>(() => desk.DecideAsync(entry.Id, vote, entry.Stamp.Version, Member, default));
        Assert.True((await _harness.Get<AuditLog>().VerifyAsync(default)).Intact);
    }

    private DateOnly Today => DateOnly.FromDateTime(_harness.Clock.GetUtcNow().UtcDateTime);

    private Task<RosterEntry> ProposedAsync() => _harness.Get<RosterDesk>().ProposeAsync(new RosterProposal("demo-case", "demo-serik-akhmetov", null,
        ["assets_exceed_income"], "Assets abroad far beyond a vice-minister's declared salary."), Body, default);

    /// <summary>
    /// Runs <paramref name="act"/> with a token cancelled at its 1st, 2nd, 3rd … read of the clock, checking after
    /// each cancelled attempt that nothing was written, until an attempt is not cut; returns how many were.
    /// </summary>
    private async Task<int> CutAtEachClockReadUntilDoneAsync(Func<CancellationToken, Task> act, Func<Task> nothingWritten)
    {
        for (var cut = 1; cut <= 500; cut++)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(cut), _harness.Clock);
            _harness.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
            try
            {
                await act(cancel.Token);
                return cut - 1;
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                _harness.Clock.AutoAdvanceAmount = TimeSpan.Zero;
            }
            await nothingWritten();
        }
        throw new InvalidOperationException("the act was cut 500 times without completing");
    }

    private Task<Written> WrittenAsync(string id) => _harness.Get<Database>().ReadAsync(async c =>
    {
        var entry = (await _harness.Get<RosterStore>().GetAsync(Viewer.System("test"), id, default))!;
        var documents = await c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM roster_documents WHERE entry_id = @id", default, ("id", id));
        var events = await c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM roster_events WHERE entry_id = @id", default, ("id", id));
        var audit = await c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM audit_log", default);
        return new Written(entry.Stage, entry.Stamp.Version, entry.Number, (int)documents, (int)events, audit);
    }, default);
}

public sealed class SqliteRosterInterruptionTests() : RosterInterruptionContract(StoreKind.Sqlite);

public sealed class PostgresRosterInterruptionTests() : RosterInterruptionContract(StoreKind.Postgres);
