using System.Globalization;
using AssetTrace.Analytics;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Requests.Consent;
using AssetTrace.Requests.Documents;
using AssetTrace.Roster.Deadlines;
using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Visibility;

namespace AssetTrace.Roster.Court;

/// <summary>
/// What happens when the clock runs out, and after: an entry whose deadline passed with assets
/// unexplained moves to "application to court" with the application drafted (PDF, kept with the
/// entry); with every asset explained it is closed. Then the authorised body records the court's steps.
/// </summary>
public sealed class RosterCourt(RosterStore store, RosterEvaluations evaluations, OwnershipAnalytics analytics, GraphQueries graph, ConsentLedger consent,
    TimeProvider clock, ILogger<RosterCourt> logger)
{
    private const int PathsPerAsset = 5;
    private static readonly Viewer Scheduler = Viewer.System("scheduler");

    /// <summary>Notes the coming deadline in the entry's history, while it still runs.</summary>
    public async Task RemindAsync(string id, CancellationToken ct)
    {
        var entry = await store.GetAsync(Scheduler, id, ct);
        if (entry?.DeadlineOn is { } deadline && RosterTransitions.DeadlineRuns.Contains(entry.Stage) && !LegalCalendar.Passed(deadline, clock))
        {
            await store.ChangeAsync(id, Scheduler, null, "reminder", string.Create(CultureInfo.InvariantCulture, $"the deadline is {deadline:yyyy-MM-dd}"),
                (e, _, _) => Task.FromResult(e), ct);
        }
    }

    /// <summary>
    /// Acts on a passed deadline once: from the second call on (a trigger fired twice, another server) the
    /// entry has moved on and nothing is written. Returns the entry as moved, or null when nothing was due.
    /// </summary>
    public async Task<RosterEntry?> DeadlinePassedAsync(string id, CancellationToken ct)
    {
        // An evaluation written between the read and the move makes the move a conflict: read again, a few times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryDeadlinePassedAsync(id, ct);
            }
            catch (ConflictException) when (attempt < 3)
            {
            }
        }
    }

    private async Task<RosterEntry?> TryDeadlinePassedAsync(string id, CancellationToken ct)
    {
        var entry = await store.GetAsync(Scheduler, id, ct);
        if (entry?.DeadlineOn is not { } deadline || !RosterTransitions.DeadlineRuns.Contains(entry.Stage) || !LegalCalendar.Passed(deadline, clock))
        {
            return null;
        }
        var unexplained = await evaluations.UnexplainedAsync(entry, ct);
        var application = unexplained.Count == 0 ? null : await ComposeAsync(entry, unexplained, ct);
        // The draft is kept as it stood when the deadline passed, in each language the application is rendered in
        // (Kazakh, Russian, English), all rendered before the transaction so that it only writes.
        var drafts = application is null ? [] : CourtApplicationTemplate.All.Select(t => (t.Language, Pdf: Render(application, t))).ToList();
        var moved = await store.ChangeAsync(id, Scheduler, entry.Stamp.Version, "deadline_passed",
            application is null
                ? string.Create(CultureInfo.InvariantCulture, $"deadline {deadline:yyyy-MM-dd} passed; the lawful origin of every asset was proven")
                : string.Create(CultureInfo.InvariantCulture, $"deadline {deadline:yyyy-MM-dd} passed with {unexplained.Count} asset(s) unexplained: {string.Join(", ", unexplained)}"),
            async (current, c, t) =>
            {
                var at = clock.GetUtcNow();
                foreach (var (language, pdf) in drafts)
                {
                    await RosterEvaluations.InsertDocumentAsync(c, t, current.Id, RosterEvaluations.CourtApplication,
                        DraftFileName(current, language), RosterEvaluations.PdfType, pdf, Scheduler.Name, at, ct);
                }
                return current with { Stage = application is null ? RosterStage.Closed : RosterStage.CourtApplication };
            }, ct);
        logger.LogInformation("Roster entry {Number}: deadline {Deadline} passed, now {Stage}", moved.Label, deadline, moved.Stage);
        return moved;
    }

    /// <summary>The name of the draft kept in one language when the deadline passed, e.g. court-application-ARC-2027-0001-kk.pdf.</summary>
    public static string DraftFileName(RosterEntry entry, string language) => $"court-application-{entry.Number ?? entry.Id}-{language}.pdf";

    /// <summary>The court application as it stands (for an entry past its deadline), for a viewer who may read the entry.</summary>
    public async Task<CourtApplication> ApplicationAsync(string id, Viewer viewer, CancellationToken ct)
    {
        RosterRoles.Require(viewer, "Reading the roster", RosterRoles.Read);
        var entry = await store.GetAsync(viewer, id, ct) ?? throw new NotFoundException("roster entry", id);
        return await ComposeAsync(entry, await evaluations.UnexplainedAsync(entry, ct), ct);
    }

    /// <summary>The court application as it stands, as PDF in kk, ru or en, for a viewer who may read the entry.</summary>
    public async Task<byte[]> PdfAsync(string id, string language, Viewer viewer, CancellationToken ct)
    {
        var template = CourtApplicationTemplate.For(language);
        return Render(await ApplicationAsync(id, viewer, ct), template);
    }

    /// <summary>Records a step of the court (filed, interim measures, decided, appealed, forfeited) or the entry's closing, with a note.</summary>
    public async Task<RosterEntry> RecordStepAsync(string id, RosterStage step, string note, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        RosterRoles.Require(actor, "Recording a court step", RosterRoles.AuthorisedBody);
        if (!RosterTransitions.Court.Contains(step))
        {
            throw new UserInputException("step", $"{step} is not a court step; use one of {string.Join(", ", RosterTransitions.Court)}.");
        }
        RosterDesk.RequireReason("note", note);
        var entry = await store.ChangeAsync(id, actor, expectedVersion, Codes.Of(step), note.Trim(), (e, _, _) => Task.FromResult(e with { Stage = step }), ct);
        return entry;
    }

    private async Task<CourtApplication> ComposeAsync(RosterEntry entry, IReadOnlyList<string> unexplained, CancellationToken ct)
    {
        // What a court document may carry: open facts and the entry's case's own, as for a letter.
        var inCase = Viewer.ForCase(entry.CaseId);
        var holdings = (await analytics.HoldingsAsync(inCase, entry.SubjectId, true, null, PathsPerAsset, ct)).ToDictionary(h => h.NodeId);
        var pathNodes = holdings.Values.SelectMany(h => h.Paths).SelectMany(p => p.NodeIds).Concat(unexplained).Append(entry.SubjectId).Distinct().ToList();
        var nodes = await graph.GetNodesAsync(inCase, pathNodes, ct);
        var edges = await graph.GetEdgesAsync(inCase, holdings.Values.SelectMany(h => h.Paths).SelectMany(p => p.EdgeIds).Distinct(), ct);
        var withheld = (await consent.WithheldAsync(nodes.Values, edges.Values, ct)).Select(w => $"{w.Entity}/{w.EntityId}").ToHashSet(StringComparer.Ordinal);
        string Name(string nodeId) => nodes.TryGetValue(nodeId, out var n) ? n.Name : nodeId;
        var assets = new List<CourtAsset>();
        foreach (var assetId in unexplained)
        {
            nodes.TryGetValue(assetId, out var node);
            var paths = holdings.TryGetValue(assetId, out var holding) ? holding.Paths : [];
            var usable = paths.Where(p => p.EdgeIds.All(e => edges.ContainsKey(e) && !withheld.Contains($"edge/{e}"))
                && p.NodeIds.All(n => nodes.ContainsKey(n) && !withheld.Contains($"node/{n}"))).ToList();
            assets.Add(new CourtAsset(assetId, node?.Kind ?? NodeKind.RealEstate, Name(assetId),
                node is null || withheld.Contains($"node/{assetId}") ? null : Source(node.Provenance),
                [.. usable.Select(p => new EvidencePath([.. p.NodeIds.Select(Name)], [.. p.EdgeIds.Select(e => $"{Codes.Of(edges[e].Kind)}: {Source(edges[e].Provenance)}")]))],
                paths.Count - usable.Count));
        }
        return new CourtApplication(entry.Id, entry.Number, entry.SubjectId, Name(entry.SubjectId), assets);
    }

    private static string Source(Provenance provenance) =>
        provenance.Reference is { Length: > 0 } reference ? $"{Codes.Of(provenance.Source)} ({reference})" : Codes.Of(provenance.Source);

    private static byte[] Render(CourtApplication application, CourtApplicationTemplate template)
    {
        var blocks = new List<LetterBlock>
        {
            new(BlockKind.Title, template.Title),
            new(BlockKind.Field, application.Number ?? application.EntryId, template.Number),
            new(BlockKind.Field, application.SubjectName, template.Person),
            new(BlockKind.Paragraph, template.Body),
        };
        foreach (var asset in application.Assets)
        {
            blocks.Add(new(BlockKind.Heading, asset.Name));
            blocks.Add(new(BlockKind.Field, asset.Source ?? template.Withheld, template.Source));
            blocks.AddRange(asset.Paths.Select(p => new LetterBlock(BlockKind.Item, $"{string.Join(" → ", p.NodeNames)} [{string.Join("; ", p.Sources)}]")));
            if (asset.WithheldPaths > 0)
            {
                blocks.Add(new(BlockKind.Paragraph, string.Format(CultureInfo.InvariantCulture, template.WithheldPaths, asset.WithheldPaths)));
            }
        }
        using var renderer = new PdfLetterRenderer();
        return renderer.Render(new Letter(template.Language, false, "court application", blocks), $"{template.Title} {application.Number}");
    }
}
