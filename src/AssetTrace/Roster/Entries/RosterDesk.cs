using System.Globalization;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Roster.Candidates;
using AssetTrace.Roster.Deadlines;
using AssetTrace.Visibility;

namespace AssetTrace.Roster.Entries;

/// <summary>
/// Inclusion and exclusion: the authorised body proposes with grounds, the Commission decides at a
/// dated meeting; an exclusion asked for by one person takes effect when a second approves it.
/// Roles and four eyes are checked here, so the API and the console cannot differ.
/// </summary>
public sealed class RosterDesk(RosterStore store, CaseStore cases, GraphQueries graph, RosterCandidates candidates, RosterReferenceData referenceData, TimeProvider clock)
{
    public async Task<RosterEntry> ProposeAsync(RosterProposal input, Viewer actor, CancellationToken ct)
    {
        RosterRoles.Require(actor, "Proposing a person for the roster", RosterRoles.AuthorisedBody);
        var errors = new List<FieldError>();
        if (await cases.GetAsync(actor, input.CaseId, ct) is null)
        {
            throw new UserInputException("input.caseId", $"no case with id '{input.CaseId}' that you work on exists.");
        }
        // What the entry may name: open facts and this case's own, never another case's.
        var inCase = Viewer.ForCase(input.CaseId);
        var connectedIds = input.ConnectedPersonIds?.Distinct(StringComparer.Ordinal).ToList();
        if (connectedIds is { Count: > RosterLimits.ConnectedPersons })
        {
            errors.Add(new FieldError("input.connectedPersonIds", $"attach at most {RosterLimits.ConnectedPersons} connected persons, got {connectedIds.Count}."));
            connectedIds = [];
        }
        var persons = await graph.GetNodesAsync(inCase, (connectedIds ?? []).Append(input.SubjectId), ct);
        if (!persons.TryGetValue(input.SubjectId, out var subject) || subject.Kind != NodeKind.Person)
        {
            errors.Add(new FieldError("input.subjectId", $"no person with id '{input.SubjectId}' exists in this case."));
        }
        errors.AddRange((connectedIds ?? []).Where(id => !persons.TryGetValue(id, out var p) || p.Kind != NodeKind.Person || id == input.SubjectId)
            .Select(id => new FieldError("input.connectedPersonIds", id == input.SubjectId
                ? $"'{id}' is the subject; attach other persons."
                : $"no person with id '{id}' exists in this case.")));
        errors.AddRange(GroundsProblems(input.Criteria, input.Statement));
        var today = LegalCalendar.Today(clock);
        var figure = subject is null ? null : await candidates.FigureAsync(inCase, input.SubjectId, today, ct);
        if (figure is { } f && f.Wealth.WithConnected.HighUsd < f.ThresholdUsd)
        {
            errors.Add(new FieldError("input.subjectId", string.Create(CultureInfo.InvariantCulture,
                $"the assets of '{input.SubjectId}' with connected persons come to at most {f.Wealth.WithConnected.HighUsd:N0} USD, below the roster threshold of {f.ThresholdUsd:N0} USD.")));
        }
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
        var open = (await store.ListAsync(Viewer.System("roster"), input.CaseId, null, ct))
            .FirstOrDefault(e => e.SubjectId == input.SubjectId && e.Stage is not (RosterStage.Rejected or RosterStage.Excluded or RosterStage.Closed));
        if (open is not null)
        {
            throw new ConflictException($"'{input.SubjectId}' already has roster entry {open.Label} in this case ({open.Stage}).");
        }
        var (wealth, threshold) = figure!.Value;
        var now = clock.GetUtcNow();
        var entry = new RosterEntry(Guid.CreateVersion7().ToString(), null, input.CaseId, input.SubjectId,
            connectedIds ?? [.. wealth.ConnectedPersonIds], [.. wealth.WithConnected.Items.Select(i => i.NodeId)],
            new RosterFigure(wealth.WithConnected.LowUsd, wealth.WithConnected.HighUsd, threshold, today),
            new RosterGrounds([.. input.Criteria.Distinct(StringComparer.Ordinal)], input.Statement.Trim()),
            RosterStage.Proposed, null, null, null, new Stamp(1, now, actor.Name, now, actor.Name));
        return await store.CreateAsync(entry, string.Join(", ", entry.Grounds.Criteria), ct);
    }

    /// <summary>
    /// Records the Commission's decision. Four eyes: the member who records it did not propose the
    /// entry. A majority of the votes cast for inclusion includes the person and gives the entry its number.
    /// </summary>
    public async Task<RosterEntry> DecideAsync(string id, RosterVote vote, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        RosterRoles.Require(actor, "Recording the Commission's decision", RosterRoles.Commission);
        var today = LegalCalendar.Today(clock);
        return await store.ChangeAsync(id, actor, expectedVersion, "decided", null, async (entry, c, t) =>
        {
            if (string.Equals(entry.Stamp.CreatedBy, actor.Name, StringComparison.Ordinal))
            {
                throw new ForbiddenException($"{actor.Name} proposed {entry.Label} and cannot record the decision on it too: another Commission member must.");
            }
            var errors = VoteProblems(vote, LegalCalendar.DayOf(entry.Stamp.CreatedAt), today);
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }
            var included = vote.For * 2 > vote.For + vote.Against + vote.Abstained;
            var decision = new RosterDecision(vote.MeetingOn, vote.For, vote.Against, vote.Abstained, [.. vote.Members], included, actor.Name, clock.GetUtcNow());
            return entry with
            {
                Number = included ? await RosterStore.NextNumberAsync(c, t, vote.MeetingOn.Year, ct) : null,
                Stage = included ? RosterStage.Included : RosterStage.Rejected,
                Decision = decision,
            };
        }, ct);
    }

    /// <summary>The authorised body asks for an entry to leave the roster; it stays as it is until another person approves.</summary>
    public async Task<RosterEntry> RequestExclusionAsync(string id, string reason, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        RosterRoles.Require(actor, "Asking for an exclusion from the roster", RosterRoles.AuthorisedBody);
        RequireReason("reason", reason);
        return await store.ChangeAsync(id, actor, expectedVersion, "exclusion_requested", reason, (entry, _, _) =>
        {
            if (!RosterTransitions.From(entry.Stage).Contains(RosterStage.Excluded))
            {
                throw new ConflictException($"Roster entry {entry.Label} is {entry.Stage}: it can no longer be excluded.");
            }
            if (entry.Exclusion is { ApprovedBy: null } pending)
            {
                throw new ConflictException($"{pending.RequestedBy} already asked to exclude {entry.Label}; it waits for approval.");
            }
            return Task.FromResult(entry with { Exclusion = new RosterExclusion(reason.Trim(), actor.Name, clock.GetUtcNow(), null, null) });
        }, ct);
    }

    /// <summary>Four eyes: a Commission member other than the one who asked approves, and the entry is excluded.</summary>
    public async Task<RosterEntry> ApproveExclusionAsync(string id, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        RosterRoles.Require(actor, "Approving an exclusion from the roster", RosterRoles.Commission);
        return await store.ChangeAsync(id, actor, expectedVersion, "excluded", null, (entry, _, _) =>
        {
            if (entry.Exclusion is not { ApprovedBy: null } pending)
            {
                throw new ConflictException($"No one has asked to exclude {entry.Label}: the authorised body asks first, with a reason.");
            }
            if (string.Equals(pending.RequestedBy, actor.Name, StringComparison.Ordinal))
            {
                throw new ForbiddenException($"{actor.Name} asked for the exclusion of {entry.Label} and cannot approve it too: another Commission member must.");
            }
            return Task.FromResult(entry with
            {
                Stage = RosterStage.Excluded,
                Exclusion = pending with { ApprovedBy = actor.Name, ApprovedAt = clock.GetUtcNow() },
            });
        }, ct);
    }

    /// <summary>An entry for a viewer who may read the roster and sees its case; null otherwise.</summary>
    public async Task<RosterEntry?> GetAsync(string id, Viewer viewer, CancellationToken ct)
    {
        RosterRoles.Require(viewer, "Reading the roster", RosterRoles.Read);
        return await store.GetAsync(viewer, id, ct);
    }

    public async Task<List<RosterEntry>> ListAsync(Viewer viewer, string? caseId, RosterStage? stage, CancellationToken ct)
    {
        RosterRoles.Require(viewer, "Reading the roster", RosterRoles.Read);
        return await store.ListAsync(viewer, caseId, stage, ct);
    }

    public async Task<List<RosterEvent>> HistoryAsync(string id, Viewer viewer, CancellationToken ct)
    {
        RosterRoles.Require(viewer, "Reading the roster", RosterRoles.Read);
        return await store.EventsAsync(viewer, id, ct);
    }

    internal static void RequireReason(string field, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UserInputException(field, "say why: the reason is kept in the entry's history and the audit log.");
        }
        TextHygiene.Require(field, reason, TextKind.FreeText, RosterLimits.Reason);
    }

    private List<FieldError> GroundsProblems(IReadOnlyList<string> criteria, string statement)
    {
        var errors = new List<FieldError>();
        if (criteria.Count == 0)
        {
            errors.Add(new FieldError("input.criteria", $"tick at least one reasonable-doubt criterion: {string.Join(", ", referenceData.Criteria.Select(c => c.Code))}."));
        }
        errors.AddRange(criteria.Where(code => referenceData.Criteria.All(c => c.Code != code)).Distinct(StringComparer.Ordinal)
            .Select(code => new FieldError("input.criteria", $"'{Shorten(code)}' is not a reasonable-doubt criterion; use one of {string.Join(", ", referenceData.Criteria.Select(c => c.Code))}.")));
        if (string.IsNullOrWhiteSpace(statement))
        {
            errors.Add(new FieldError("input.statement", "state the grounds: what raises the doubt about the assets' origin."));
        }
        TextHygiene.Check("input.statement", statement, TextKind.FreeText, RosterLimits.Grounds, errors);
        return errors;
    }

    private static List<FieldError> VoteProblems(RosterVote vote, DateOnly proposedOn, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (vote.MeetingOn > today)
        {
            errors.Add(new FieldError("vote.meetingOn", $"{vote.MeetingOn:yyyy-MM-dd} is in the future: record a decision after the meeting."));
        }
        if (vote.MeetingOn < proposedOn)
        {
            errors.Add(new FieldError("vote.meetingOn", $"{vote.MeetingOn:yyyy-MM-dd} is before the proposal of {proposedOn:yyyy-MM-dd}."));
        }
        if (vote.For < 0 || vote.Against < 0 || vote.Abstained < 0)
        {
            errors.Add(new FieldError("vote", "the counts of votes cannot be negative."));
        }
        var members = vote.Members.Select(m => m.Trim()).ToList();
        if (members.Count is 0 or > RosterLimits.Members)
        {
            errors.Add(new FieldError("vote.members", $"name the members who voted (1 to {RosterLimits.Members})."));
        }
        else if (members.Distinct(StringComparer.Ordinal).Count() != members.Count)
        {
            errors.Add(new FieldError("vote.members", "a member is named twice."));
        }
        foreach (var member in members)
        {
            TextHygiene.Check("vote.members", member, TextKind.Line, TextLimits.DisplayName, errors);
        }
        if (members.Count > 0 && vote.For + vote.Against + vote.Abstained != members.Count)
        {
            errors.Add(new FieldError("vote", $"{vote.For} for, {vote.Against} against and {vote.Abstained} abstaining make {vote.For + vote.Against + vote.Abstained} votes, but {members.Count} members are named."));
        }
        return errors;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
