using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Visibility;

namespace AssetTrace.WebConsole.Timeline;

/// <summary>
/// The dated events around an entity (#13), newest first: when it and each of its facts began and
/// ended (business dates), each version of it (who changed what, when), and the requests sent about
/// it. Everything is read with the viewer, through the same stores as the API: a hidden fact or a
/// request of a case the viewer is not on is not there.
/// </summary>
public sealed class EntityTimeline(GraphQueries queries, RequestStore requests)
{
    /// <summary>How many of an entity's facts the timeline reads (a hub with thousands of links is shown in part).</summary>
    public const int MaxFacts = 500;

    private const int PageSize = 100;

    public async Task<List<TimelineEvent>> BuildAsync(Viewer viewer, string id, DateOnly? asOf, CancellationToken ct)
    {
        var node = await queries.GetNodeAsync(viewer, id, ct) ?? throw new NotFoundException("node", id);
        var events = new List<TimelineEvent>();
        var (nodeCase, nodeIntelligence) = (node.Provenance.CaseId, node.Provenance.Received.IsIntelligence);
        AddDay(events, node.ValidFrom, TimelineEventKind.EntityValidFrom, null, nodeCase, nodeIntelligence);
        AddDay(events, node.ValidTo, TimelineEventKind.EntityValidTo, null, nodeCase, nodeIntelligence);
        foreach (var change in await queries.NodeHistoryAsync(viewer, id, ct))
        {
            var kind = change.Kind switch
            {
                ChangeKind.Created => TimelineEventKind.Recorded,
                ChangeKind.Deleted => TimelineEventKind.Deleted,
                _ => TimelineEventKind.Changed,
            };
            var detail = change.Reason is { Length: > 0 } reason ? $"{change.By}: {reason}" : change.By;
            events.Add(new TimelineEvent(change.At, false, kind, null, null, detail, change.State.Provenance.CaseId, change.State.Provenance.Received.IsIntelligence));
        }
        foreach (var fact in await FactsAsync(viewer, id, ct))
        {
            var provenance = fact.Edge.Provenance;
            AddDay(events, fact.Edge.ValidFrom, TimelineEventKind.FactValidFrom, fact, provenance.CaseId, provenance.Received.IsIntelligence);
            AddDay(events, fact.Edge.ValidTo, TimelineEventKind.FactValidTo, fact, provenance.CaseId, provenance.Received.IsIntelligence);
        }
        if (MayReadRequests(viewer))
        {
            foreach (var request in await RequestsAboutAsync(viewer, id, ct))
            {
                var detail = $"{request.Number} · {request.Route.Network} · {request.Route.Jurisdiction}";
                void Add(DateTimeOffset? at, TimelineEventKind kind)
                {
                    if (at is { } when)
                    {
                        events.Add(new TimelineEvent(when, false, kind, null, request.Id, detail, request.Route.CaseId, false));
                    }
                }
                Add(request.Stamp.CreatedAt, TimelineEventKind.RequestDrafted);
                Add(request.Milestones.SentAt, TimelineEventKind.RequestSent);
                Add(request.Milestones.AnsweredAt, TimelineEventKind.RequestAnswered);
                Add(request.Milestones.ClosedAt, TimelineEventKind.RequestClosed);
            }
        }
        // On an as-of date the timeline ends that day: what came later had not happened yet.
        return [.. events
            .Where(e => asOf is null || e.Day <= asOf)
            .OrderByDescending(e => e.At)
            .ThenBy(e => e.Kind)];
    }

    /// <summary>Requests are the desk's: shown to those the API lets read them (officers, supervisors, admins).</summary>
    public static bool MayReadRequests(Viewer viewer) => viewer.Has(Role.Officer) || viewer.Has(Role.Supervisor);

    /// <summary>The requests that name the entity as a subject, of the cases the viewer may see; newest first.</summary>
    public async Task<List<NetworkRequest>> RequestsAboutAsync(Viewer viewer, string id, CancellationToken ct) =>
        MayReadRequests(viewer)
            ? [.. (await requests.ListAsync(viewer, null, null, ct)).Where(r => r.Body.SubjectIds.Contains(id, StringComparer.Ordinal))]
            : [];

    private async Task<List<Neighbour>> FactsAsync(Viewer viewer, string id, CancellationToken ct)
    {
        var facts = new List<Neighbour>();
        string? after = null;
        do
        {
            var page = await queries.NeighboursAsync(viewer, id, null, Direction.Both, null, PageSize, after, ct);
            facts.AddRange(page.Items);
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null && facts.Count < MaxFacts);
        return facts;
    }

    private static void AddDay(List<TimelineEvent> events, DateOnly? day, TimelineEventKind kind, Neighbour? fact, string? caseId, bool intelligence)
    {
        if (day is { } date)
        {
            events.Add(new TimelineEvent(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), true, kind, fact, null, null, caseId, intelligence));
        }
    }
}
