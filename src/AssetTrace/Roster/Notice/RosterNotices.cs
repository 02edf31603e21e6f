using System.Globalization;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Store;
using AssetTrace.Requests.Documents;
using AssetTrace.Roster.Deadlines;
using AssetTrace.Roster.Entries;
using AssetTrace.Visibility;

namespace AssetTrace.Roster.Notice;

/// <summary>
/// The notice to an included person: composed from the entry in Kazakh, Russian or English, rendered
/// as PDF with the letters' renderer, its delivery recorded by the authorised body, which starts the
/// deadline (one calendar month, extendable to three with a reason; see <see cref="LegalCalendar"/>).
/// </summary>
public sealed class RosterNotices(RosterStore store, CaseStore cases, GraphQueries graph, RosterReferenceData referenceData, RosterClock rosterClock, TimeProvider clock)
{
    public const int DefaultMonths = 1;

    public const int MaxMonths = 3;

    public async Task<RosterEntry> RecordDeliveryAsync(string id, DateOnly deliveredOn, string method, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        RosterRoles.Require(actor, "Recording a notice's delivery", RosterRoles.AuthorisedBody);
        if (string.IsNullOrWhiteSpace(method))
        {
            throw new UserInputException("method", "say how the notice was delivered (by hand, registered mail and its number, …).");
        }
        TextHygiene.Require("method", method, TextKind.Line, RosterLimits.Method);
        if (deliveredOn > LegalCalendar.Today(clock))
        {
            throw new UserInputException("deliveredOn", $"{deliveredOn:yyyy-MM-dd} is in the future: record the delivery once it happened.");
        }
        var deadline = referenceData.Calendar.Deadline(deliveredOn, DefaultMonths);
        var entry = await store.ChangeAsync(id, actor, expectedVersion, "notified",
            string.Create(CultureInfo.InvariantCulture, $"delivered on {deliveredOn:yyyy-MM-dd} ({method.Trim()}); deadline {deadline:yyyy-MM-dd}"), (entry, _, _) =>
            {
                if (entry.Decision is { } decision && deliveredOn < decision.MeetingOn)
                {
                    throw new UserInputException("deliveredOn", $"{deliveredOn:yyyy-MM-dd} is before the Commission's decision of {decision.MeetingOn:yyyy-MM-dd}.");
                }
                return Task.FromResult(entry with
                {
                    Stage = RosterStage.Notified,
                    Notice = new RosterNotice(deliveredOn, actor.Name, method.Trim(), DefaultMonths, deadline, null),
                });
            }, ct);
        await rosterClock.ScheduleAsync(entry, ct);
        return entry;
    }

    /// <summary>Extends the deadline to <paramref name="months"/> from delivery (at most three), with a reason.</summary>
    public async Task<RosterEntry> ExtendAsync(string id, int months, string reason, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        RosterRoles.Require(actor, "Extending a roster deadline", RosterRoles.AuthorisedBody);
        RosterDesk.RequireReason("reason", reason);
        var entry = await store.ChangeAsync(id, actor, expectedVersion, "deadline_extended", reason, (entry, _, _) =>
        {
            if (entry.Notice is not { } notice || !RosterTransitions.DeadlineRuns.Contains(entry.Stage))
            {
                throw new ConflictException($"Roster entry {entry.Label} is {entry.Stage}: only a running deadline can be extended.");
            }
            if (months <= notice.Months || months > MaxMonths)
            {
                throw new UserInputException("months", $"the deadline runs {notice.Months} month(s) from delivery; extend it to more, and at most {MaxMonths}.");
            }
            return Task.FromResult(entry with
            {
                Notice = notice with { Months = months, DeadlineOn = referenceData.Calendar.Deadline(notice.DeliveredOn, months), ExtensionReason = reason.Trim() },
            });
        }, ct);
        await rosterClock.ScheduleAsync(entry, ct);
        return entry;
    }

    /// <summary>The notice of an included entry in one language, pre-filled from the entry.</summary>
    public async Task<Letter> ComposeAsync(string id, string language, Viewer viewer, CancellationToken ct)
    {
        RosterRoles.Require(viewer, "Reading the roster", RosterRoles.Read);
        var template = NoticeTemplate.For(language);
        var entry = await store.GetAsync(viewer, id, ct) ?? throw new NotFoundException("roster entry", id);
        if (entry.Number is null || entry.Decision is null)
        {
            throw new ConflictException($"Roster entry {entry.Label} is {entry.Stage}: a notice goes only to a person the Commission included.");
        }
        var @case = await cases.GetAsync(Viewer.System("roster"), entry.CaseId, ct);
        // The notice names what the case may name: open facts and its own, never another case's.
        var nodes = await graph.GetNodesAsync(Viewer.ForCase(entry.CaseId), entry.AssetIds.Concat(entry.ConnectedPersonIds).Append(entry.SubjectId), ct);
        string Name(string nodeId) => nodes.TryGetValue(nodeId, out var node) ? node.Name : nodeId;
        var deadline = entry.Notice is { } notice ? notice.DeadlineOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : template.DeadlineFromDelivery;
        var decision = entry.Decision;
        var blocks = new List<LetterBlock>
        {
            new(BlockKind.Title, template.Title),
            new(BlockKind.Field, entry.Number, template.Number),
            new(BlockKind.Field, Name(entry.SubjectId), template.To),
            new(BlockKind.Field, @case?.Number ?? entry.CaseId, template.Case),
            new(BlockKind.Field, string.Format(CultureInfo.InvariantCulture, template.DecisionText,
                decision.MeetingOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), decision.For, decision.Against, decision.Abstained), template.Decision),
        };
        if (entry.Notice is { } delivered)
        {
            blocks.Add(new(BlockKind.Field, delivered.DeliveredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), template.DeliveredOn));
        }
        blocks.Add(new(BlockKind.Field, deadline, template.Deadline));
        blocks.Add(new(BlockKind.Paragraph, string.Format(CultureInfo.InvariantCulture, template.Body, deadline)));
        blocks.Add(new(BlockKind.Heading, template.Assets));
        blocks.AddRange(entry.AssetIds.Where(nodes.ContainsKey).Select(a => new LetterBlock(BlockKind.Item, Name(a))));
        if (entry.ConnectedPersonIds.Count > 0)
        {
            blocks.Add(new(BlockKind.Heading, template.Connected));
            blocks.AddRange(entry.ConnectedPersonIds.Where(nodes.ContainsKey).Select(p => new LetterBlock(BlockKind.Item, Name(p))));
        }
        blocks.Add(new(BlockKind.Heading, template.Grounds));
        blocks.AddRange(entry.Grounds.Criteria.Select(code => new LetterBlock(BlockKind.Item, referenceData.Criteria.FirstOrDefault(c => c.Code == code)?.TitleIn(template.Language) ?? code)));
        blocks.Add(new(BlockKind.Paragraph, entry.Grounds.Statement));
        return new Letter(template.Language, false, $"{template.Title} {entry.Number}", blocks);
    }

    public async Task<byte[]> PdfAsync(string id, string language, Viewer viewer, CancellationToken ct)
    {
        var letter = await ComposeAsync(id, language, viewer, ct);
        using var renderer = new PdfLetterRenderer();
        return renderer.Render(letter, letter.Subject);
    }
}
