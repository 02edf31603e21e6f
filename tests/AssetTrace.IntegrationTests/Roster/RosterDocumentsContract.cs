using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Roster.Court;
using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Roster.Fund;
using AssetTrace.Roster.Notice;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using UglyToad.PdfPig;

namespace AssetTrace.IntegrationTests.Roster;

/// <summary>
/// The roster's documents and the inputs its console forms send (#16), on both stores with a fake clock: the
/// court application and the notice in three languages, and the attacks on declarations, court steps and returns.
/// </summary>
public abstract class RosterDocumentsContract(StoreKind kind) : IAsyncLifetime
{
    private const string Serik = "demo-serik-akhmetov";

    private static readonly Viewer Body = Viewer.User("aidos.supervisor", [Role.Supervisor], ["demo-case"]);
    private static readonly Viewer Member = Viewer.User("marat.commission", [Role.Commission], ["demo-case"]);
    private static readonly Viewer Analyst = Viewer.User("asel.analyst", [Role.Analyst], ["demo-case"]);
    private static readonly Viewer Outsider = Viewer.User("nurlan.supervisor", [Role.Supervisor, Role.Commission, Role.Analyst], ["other-case"]);

    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind, loadDemo: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_court_application_and_the_notice_are_read_back_in_Kazakh_Russian_and_English()
    {
        var entry = await NotifiedAsync();
        await _harness.Get<RosterEvaluations>().AddDeclarationAsync(entry.Id, "declaration.pdf", RosterEvaluations.PdfType, "%PDF-1.4 declaration"u8.ToArray(), null, Body, default);
        entry = await PastDeadlineAsync(entry);
        var court = _harness.Get<RosterCourt>();
        var application = await court.ApplicationAsync(entry.Id, Analyst, default);
        Assert.NotEmpty(application.Assets);

        foreach (var (language, title, criterion) in new[]
        {
            ("kk", "мемлекет кірісіне айналдыру туралы өтініш", "Активтер заңды табыстан асады"),
            ("ru", "Заявление об обращении в доход государства", "Активы превышают законные доходы"),
            ("en", "Application for the forfeiture", "Assets exceed lawful income"),
        })
        {
            var text = PdfText(await court.PdfAsync(entry.Id, language, Analyst, default));
            Assert.Contains(Squeeze(title), text, StringComparison.Ordinal);
            Assert.Contains(entry.Number!, text, StringComparison.Ordinal);
            Assert.All(application.Assets, asset => Assert.Contains(Squeeze(asset.Name), text, StringComparison.Ordinal));
            // The notice's grounds are named in the notice's own language, not in English.
            var notice = PdfText(await _harness.Get<RosterNotices>().PdfAsync(entry.Id, language, Analyst, default));
            Assert.Contains(Squeeze(criterion), notice, StringComparison.Ordinal);
            if (language != "en")
            {
                Assert.DoesNotContain(Squeeze("Assets exceed lawful income"), notice, StringComparison.Ordinal);
            }
        }
        var unknown = await Assert.ThrowsAsync<UserInputException>(() => court.PdfAsync(entry.Id, "de", Analyst, default));
        Assert.Equal("language", Assert.Single(unknown.Errors).Field);
        await Assert.ThrowsAsync<NotFoundException>(() => court.PdfAsync(entry.Id, "ru", Outsider, default));
        await Assert.ThrowsAsync<NotFoundException>(() => _harness.Get<RosterNotices>().PdfAsync(entry.Id, "ru", Outsider, default));
    }

    [Fact]
    public async Task The_draft_kept_when_the_deadline_passes_is_in_Kazakh_Russian_and_English_and_lists_exactly_the_unexplained_assets()
    {
        var entry = await NotifiedAsync();
        var evaluations = _harness.Get<RosterEvaluations>();
        await evaluations.AddDeclarationAsync(entry.Id, "declaration.pdf", RosterEvaluations.PdfType, "%PDF-1.4 declaration"u8.ToArray(), null, Body, default);
        var explained = entry.AssetIds[0];
        await evaluations.EvaluateAsync(entry.Id, explained, AssetVerdict.Explained, "Bought from a declared salary; the bank statements match.", null, Body, default);
        var names = await _harness.Get<GraphQueries>().GetNodesAsync(Viewer.ForCase("demo-case"), entry.AssetIds, default);
        var unexplained = entry.AssetIds.Skip(1).ToList();
        Assert.NotEmpty(unexplained);

        entry = await PastDeadlineAsync(entry);

        var drafts = (await evaluations.DocumentsAsync(entry.Id, Analyst, default)).Where(d => d.Kind == RosterEvaluations.CourtApplication).ToList();
        Assert.Equal(3, drafts.Count);
        foreach (var (language, title) in new[]
        {
            ("kk", "мемлекет кірісіне айналдыру туралы өтініш"),
            ("ru", "Заявление об обращении в доход государства"),
            ("en", "Application for the forfeiture"),
        })
        {
            var draft = Assert.Single(drafts, d => d.FileName == $"court-application-{entry.Number}-{language}.pdf");
            var (kept, content) = await evaluations.DocumentAsync(draft.Id, Analyst, default);
            Assert.Equal((RosterEvaluations.PdfType, "scheduler"), (kept.ContentType, kept.AddedBy));
            var text = PdfText(content);
            Assert.Contains(Squeeze(title), text, StringComparison.Ordinal);
            Assert.Contains(entry.Number!, text, StringComparison.Ordinal);
            Assert.All(unexplained, asset => Assert.Contains(Squeeze(names[asset].Name), text, StringComparison.Ordinal));
            Assert.DoesNotContain(Squeeze(names[explained].Name), text, StringComparison.Ordinal);
        }
        // The other languages' words are not in a draft: each is written in its own.
        Assert.DoesNotContain(Squeeze("Application for the forfeiture"),
            PdfText((await evaluations.DocumentAsync(drafts.Single(d => d.FileName.EndsWith("-kk.pdf", StringComparison.Ordinal)).Id, Analyst, default)).Content),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declaration_is_a_PDF_of_bounded_size_and_anything_else_is_refused_with_nothing_written()
    {
        var entry = await NotifiedAsync();
        var evaluations = _harness.Get<RosterEvaluations>();

        var text = await Assert.ThrowsAsync<UserInputException>(() =>
            evaluations.AddDeclarationAsync(entry.Id, "declaration.html", "text/html", "<script>alert(1)</script>"u8.ToArray(), null, Body, default));
        Assert.Equal(["content", "contentType"], text.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        // The stated type alone does not make a PDF.
        var disguised = await Assert.ThrowsAsync<UserInputException>(() =>
            evaluations.AddDeclarationAsync(entry.Id, "declaration.pdf", RosterEvaluations.PdfType, "<html><script>alert(1)</script>"u8.ToArray(), null, Body, default));
        Assert.Equal("content", Assert.Single(disguised.Errors).Field);
        var huge = new byte[evaluations.MaxDocumentBytes + 1];
        "%PDF-1.4"u8.CopyTo(huge);
        var tooBig = await Assert.ThrowsAsync<UserInputException>(() => evaluations.AddDeclarationAsync(entry.Id, "huge.pdf", RosterEvaluations.PdfType, huge, null, Body, default));
        Assert.Equal("content", Assert.Single(tooBig.Errors).Field);
        Assert.Equal("content", Assert.Single(Assert.Throws<UserInputException>(() => evaluations.CheckSize(huge.Length)).Errors).Field);
        var folder = await Assert.ThrowsAsync<UserInputException>(() =>
            evaluations.AddDeclarationAsync(entry.Id, "../declaration.pdf", RosterEvaluations.PdfType, "%PDF-1.4 x"u8.ToArray(), null, Body, default));
        Assert.Equal("fileName", Assert.Single(folder.Errors).Field);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            evaluations.AddDeclarationAsync(entry.Id, "declaration.pdf", RosterEvaluations.PdfType, "%PDF-1.4 x"u8.ToArray(), null, Analyst, default));
        await Assert.ThrowsAsync<ConflictException>(() =>
            evaluations.AddDeclarationAsync(entry.Id, "declaration.pdf", RosterEvaluations.PdfType, "%PDF-1.4 x"u8.ToArray(), entry.Stamp.Version - 1, Body, default));

        Assert.Empty(await evaluations.DocumentsAsync(entry.Id, Analyst, default));
        Assert.Equal(RosterStage.Notified, (await _harness.Get<RosterDesk>().GetAsync(entry.Id, Analyst, default))!.Stage);
        var stored = await evaluations.AddDeclarationAsync(entry.Id, "declaration.pdf", RosterEvaluations.PdfType, "%PDF-1.4 x"u8.ToArray(), entry.Stamp.Version, Body, default);
        Assert.Equal(RosterEvaluations.PdfType, stored.ContentType);
    }

    [Fact]
    public async Task Court_steps_and_returns_are_the_authorised_bodys_on_the_version_read_with_sane_amounts_in_known_currencies()
    {
        var entry = await PastDeadlineAsync(await NotifiedAsync());
        var court = _harness.Get<RosterCourt>();

        await Assert.ThrowsAsync<ForbiddenException>(() => court.RecordStepAsync(entry.Id, RosterStage.Filed, "Filed with the Almaty court.", null, Analyst, default));
        await Assert.ThrowsAsync<ForbiddenException>(() => court.RecordStepAsync(entry.Id, RosterStage.Filed, "Filed with the Almaty court.", null, Member, default));
        await Assert.ThrowsAsync<NotFoundException>(() => court.RecordStepAsync(entry.Id, RosterStage.Filed, "Filed with the Almaty court.", null, Outsider, default));
        await Assert.ThrowsAsync<ConflictException>(() => court.RecordStepAsync(entry.Id, RosterStage.Filed, "Filed.", entry.Stamp.Version - 1, Body, default));
        // Forfeiture before the court was even asked is not a step the law allows.
        await Assert.ThrowsAsync<ConflictException>(() => court.RecordStepAsync(entry.Id, RosterStage.Forfeited, "Forfeited.", null, Body, default));
        var filed = await court.RecordStepAsync(entry.Id, RosterStage.Filed, "Filed with the Almaty court.", entry.Stamp.Version, Body, default);
        Assert.Equal(RosterStage.Filed, filed.Stage);
        // Two people acting on what they read at once: the second is told to reload, not applied on top.
        await Assert.ThrowsAsync<ConflictException>(() => court.RecordStepAsync(entry.Id, RosterStage.InterimMeasures, "Freezing order.", entry.Stamp.Version, Body, default));
        foreach (var step in new[] { RosterStage.Decided, RosterStage.Forfeited })
        {
            filed = await court.RecordStepAsync(entry.Id, step, $"court record for {step}", filed.Stamp.Version, Body, default);
        }

        var fund = _harness.Get<SpecialFund>();
        var asset = entry.AssetIds[0];
        foreach (var (amount, currency, field) in new[]
        {
            (-5m, "USD", "amount"), (0m, "USD", "amount"), (10_000_000_000_000m, "USD", "amount"), (1.001m, "USD", "amount"),
            (1_000m, "XYZ", "currency"), (1_000m, "usd", "currency"), (1_000m, "US", "currency"),
        })
        {
            var error = await Assert.ThrowsAsync<UserInputException>(() => fund.RecordAsync(entry.Id, asset, amount, currency, Today, null, null, null, Body, default));
            Assert.Equal(field, Assert.Single(error.Errors).Field);
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => fund.RecordAsync(entry.Id, asset, 1_000m, "USD", Today, null, null, null, Analyst, default));
        await Assert.ThrowsAsync<NotFoundException>(() => fund.RecordAsync(entry.Id, asset, 1_000m, "USD", Today, null, null, null, Outsider, default));
        await Assert.ThrowsAsync<ConflictException>(() => fund.RecordAsync(entry.Id, asset, 1_000m, "USD", Today, null, null, filed.Stamp.Version - 1, Body, default));
        Assert.Empty(await fund.ReturnsAsync(Analyst, entry.Id, default));

        // 21:00 UTC is 02:00 the next day in Almaty: a return made that morning is not in the future.
        _harness.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 26, 21, 0, 0, TimeSpan.Zero));
        var recorded = await fund.RecordAsync(entry.Id, asset, 1_250_000.50m, "EUR", new DateOnly(2027, 3, 27), null, null, filed.Stamp.Version, Body, default);
        Assert.Equal((1_250_000.50m, "EUR"), (recorded.Amount, recorded.Currency));
        Assert.Equal(0, (await fund.TotalsAsync(Analyst, default)).Unconverted);
        Assert.Empty(await fund.ReturnsAsync(Outsider, null, default));
    }

    [Fact]
    public async Task The_deadline_is_extended_by_the_authorised_body_with_a_reason_to_at_most_three_months_from_delivery()
    {
        var entry = await NotifiedAsync();
        var notices = _harness.Get<RosterNotices>();

        foreach (var (months, reason, field) in new[] { (4, "More time asked for.", "months"), (1, "More time asked for.", "months"), (3, " ", "reason") })
        {
            var error = await Assert.ThrowsAsync<UserInputException>(() => notices.ExtendAsync(entry.Id, months, reason, null, Body, default));
            Assert.Equal(field, Assert.Single(error.Errors).Field);
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => notices.ExtendAsync(entry.Id, 2, "More time asked for.", null, Analyst, default));
        await Assert.ThrowsAsync<ForbiddenException>(() => notices.ExtendAsync(entry.Id, 2, "More time asked for.", null, Member, default));
        await Assert.ThrowsAsync<NotFoundException>(() => notices.ExtendAsync(entry.Id, 2, "More time asked for.", null, Outsider, default));
        await Assert.ThrowsAsync<ConflictException>(() => notices.ExtendAsync(entry.Id, 2, "More time asked for.", entry.Stamp.Version - 1, Body, default));
        Assert.Equal(new DateOnly(2027, 3, 25), (await _harness.Get<RosterDesk>().GetAsync(entry.Id, Analyst, default))!.DeadlineOn);

        // Delivered on 21 February: three calendar months end on Friday 21 May 2027, a working day.
        var extended = await notices.ExtendAsync(entry.Id, 3, "Documents requested from abroad.", entry.Stamp.Version, Body, default);
        Assert.Equal((3, new DateOnly(2027, 5, 21), "Documents requested from abroad."), (extended.Notice!.Months, extended.DeadlineOn!.Value, extended.Notice.ExtensionReason));
        var again = await Assert.ThrowsAsync<UserInputException>(() => notices.ExtendAsync(entry.Id, 3, "Again.", null, Body, default));
        Assert.Equal("months", Assert.Single(again.Errors).Field);
        // The old deadline no longer moves the entry; the new one does.
        _harness.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 26, 9, 0, 0, TimeSpan.Zero));
        Assert.Null(await _harness.Get<RosterCourt>().DeadlinePassedAsync(entry.Id, default));
        Assert.Contains("deadline_extended", (await _harness.Get<RosterDesk>().HistoryAsync(entry.Id, Analyst, default)).Select(e => e.Event));
    }

    [Fact]
    public async Task A_meeting_cannot_be_dated_before_the_proposal_by_the_day_in_Almaty()
    {
        // 20:00 UTC on 28 November is 01:00 on 29 November in Almaty, the day the proposal is made there.
        _harness.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero));
        var desk = _harness.Get<RosterDesk>();
        var entry = await desk.ProposeAsync(new RosterProposal("demo-case", Serik, null, ["public_office"], "Assets far beyond his salary."), Body, default);
        var vote = new RosterVote(new DateOnly(2026, 11, 28), 3, 0, 0, ["Member A", "Member B", "Member C"]);

        var error = await Assert.ThrowsAsync<UserInputException>(() => desk.DecideAsync(entry.Id, vote, null, Member, default));

        Assert.Equal("vote.meetingOn", Assert.Single(error.Errors).Field);
        Assert.Equal(RosterStage.Included, (await desk.DecideAsync(entry.Id, vote with { MeetingOn = new DateOnly(2026, 11, 29) }, null, Member, default)).Stage);
    }

    private DateOnly Today => DateOnly.FromDateTime(_harness.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Serik proposed, included and notified: delivered on 21 February 2027, his deadline is 25 March 2027.</summary>
    private async Task<RosterEntry> NotifiedAsync()
    {
        var desk = _harness.Get<RosterDesk>();
        var entry = await desk.ProposeAsync(new RosterProposal("demo-case", Serik, null, ["assets_exceed_income", "public_office"],
            "Assets abroad far beyond a vice-minister's declared salary."), Body, default);
        entry = await desk.DecideAsync(entry.Id, new RosterVote(Today, 3, 0, 0, ["Member A", "Member B", "Member C"]), null, Member, default);
        _harness.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 22, 9, 0, 0, TimeSpan.Zero));
        return await _harness.Get<RosterNotices>().RecordDeliveryAsync(entry.Id, new DateOnly(2027, 2, 21), "by hand", null, Body, default);
    }

    /// <summary>The clock passes the deadline with every asset unexplained: the entry moves to the application to court.</summary>
    private async Task<RosterEntry> PastDeadlineAsync(RosterEntry entry)
    {
        _harness.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 26, 9, 0, 0, TimeSpan.Zero));
        var moved = await _harness.Get<RosterCourt>().DeadlinePassedAsync(entry.Id, default);
        Assert.Equal(RosterStage.CourtApplication, moved!.Stage);
        return moved;
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    /// <summary>The PDF's text has no reliable spaces or line ends: compare without whitespace.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

public sealed class SqliteRosterDocumentsTests() : RosterDocumentsContract(StoreKind.Sqlite);

public sealed class PostgresRosterDocumentsTests() : RosterDocumentsContract(StoreKind.Postgres);
