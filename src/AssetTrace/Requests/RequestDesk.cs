using System.Globalization;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Mail;
using AssetTrace.Requests.Deadlines;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Requests;

/// <summary>What an officer supplies to draft a request.</summary>
public sealed record RequestDraftInput(string CaseId, string Network, string Jurisdiction, string? ContactPointId, Urgency Urgency, RequestBody Body);

/// <summary>A draft as it would be saved: its letters and what its checklist still lacks.</summary>
public sealed record DraftPreview(IReadOnlyList<Letter> Letters, IReadOnlyList<ChecklistGap> Gaps);

/// <summary>
/// The request desk: drafting, four-eyes approval against the requested state's checklist,
/// sending through the outbox, answers and their facts, closing. Roles are checked by the API;
/// the rules of the process are checked here, and a request exists only for those who may see its
/// case (<see cref="Viewer.Sees"/>).
/// </summary>
public sealed class RequestDesk(
    RequestStore requests, NetworkDirectory directory, RequestCatalogue catalogue, CaseStore cases, GraphQueries graph,
    GraphStore graphStore, RequestDocuments documents, MailOutbox outbox, RequestDeadlines deadlines, TimeProvider clock)
{
    private static readonly Viewer Mail = Viewer.System("mail");

    /// <param name="alongside">Written in the draft's transaction (see <see cref="RequestStore.CreateDraftAsync"/>).</param>
    public async Task<NetworkRequest> DraftAsync(RequestDraftInput input, Viewer actor, CancellationToken ct, DraftAlongside? alongside = null)
    {
        var contact = await CheckAsync(input, actor, ct);
        return await requests.CreateDraftAsync(new RequestRoute(input.CaseId, input.Network, input.Jurisdiction, contact.Id), input.Urgency, input.Body, actor.Name, ct, alongside);
    }

    /// <summary>
    /// Drafts the formal MLA request that follows an informal one: same case, requested state,
    /// subjects, questions and languages, addressed to that state's central authority. The
    /// consent ledger decides later which facts its letter may carry.
    /// </summary>
    public async Task<NetworkRequest> DraftMlaFromAsync(string id, Viewer actor, CancellationToken ct, DraftAlongside? alongside = null)
    {
        var source = await RequireAsync(id, actor, ct);
        if (source.Route.Network == NetworkInfo.Mla)
        {
            throw new UserInputException("id", $"{source.Number} is already a formal MLA request.");
        }
        var body = source.Body with { FreeText = $"Follows informal request {source.Number} ({source.Route.Network}). {source.Body.FreeText}".Trim() };
        return await DraftAsync(new RequestDraftInput(source.Route.CaseId, NetworkInfo.Mla, source.Route.Jurisdiction, null, source.Progress.Urgency, body), actor, ct, alongside);
    }

    public async Task<NetworkRequest> UpdateDraftAsync(string id, RequestBody body, Urgency urgency, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        var current = await RequireAsync(id, actor, ct);
        var route = current.Route;
        await CheckAsync(new RequestDraftInput(route.CaseId, route.Network, route.Jurisdiction, route.ContactPointId, urgency, body), actor, ct);
        return await requests.UpdateDraftAsync(id, body, urgency, expectedVersion, actor.Name, ct);
    }

    /// <summary>What the requested state requires that the draft lacks; empty when it may be approved.</summary>
    public async Task<List<ChecklistGap>> ChecklistAsync(string id, Viewer viewer, CancellationToken ct)
    {
        var request = await RequireAsync(id, viewer, ct);
        var network = await directory.NetworkAsync(request.Route.Network, "network", ct);
        var subjects = await graph.GetNodesAsync(Viewer.ForCase(request.Route.CaseId), request.Body.SubjectIds, ct);
        return RequestChecklist.Gaps(request, network, catalogue, subjects);
    }

    /// <summary>
    /// The letters and checklist of a draft before it is saved (#13): the same checks as
    /// <see cref="DraftAsync"/>, the same composer as the PDFs, nothing written.
    /// </summary>
    /// <param name="number">The number the letters carry: the draft's own once saved.</param>
    public async Task<DraftPreview> PreviewAsync(RequestDraftInput input, string number, Viewer actor, CancellationToken ct)
    {
        var contact = await CheckAsync(input, actor, ct);
        var now = clock.GetUtcNow();
        var request = new NetworkRequest("preview", number, new RequestRoute(input.CaseId, input.Network, input.Jurisdiction, contact.Id), input.Body,
            new RequestProgress(RequestStatus.Draft, input.Urgency, null, false, null), RequestMilestones.None, "", new Stamp(0, now, actor.Name, now, actor.Name));
        var network = await directory.NetworkAsync(input.Network, "input.network", ct);
        var subjects = await graph.GetNodesAsync(Viewer.ForCase(input.CaseId), input.Body.SubjectIds, ct);
        return new DraftPreview(await documents.ComposeAsync(request, ct), RequestChecklist.Gaps(request, network, catalogue, subjects));
    }

    /// <summary>
    /// Four eyes: a supervisor who wrote no version of the request (neither drafted nor edited it;
    /// admins included), and nothing the checklist finds missing.
    /// </summary>
    public async Task<NetworkRequest> ApproveAsync(string id, int? expectedVersion, Viewer approver, CancellationToken ct)
    {
        var request = await RequireAsync(id, approver, ct);
        var authors = (await requests.EventsAsync(id, ct)).Where(e => e.Event is "created" or "edited").Select(e => e.Actor).Append(request.Stamp.CreatedBy);
        if (authors.Contains(approver.Name, StringComparer.Ordinal))
        {
            throw new ForbiddenException($"{approver.Name} wrote a version of {request.Number} and cannot approve it too: a supervisor who did not draft or edit it must.");
        }
        var gaps = await ChecklistAsync(id, approver, ct);
        if (gaps.Count > 0)
        {
            throw new UserInputException([.. gaps.Select(g => new FieldError($"checklist.{g.Item}", $"{g.Problem} ({g.Requirement})"))]);
        }
        var now = clock.GetUtcNow();
        return await requests.MoveAsync(id, new RequestMove(RequestStatus.Approved, approver)
        {
            // The checks above judged the version read: an edit since (even the approver's own,
            // which would make them an author) turns the approval into a conflict to reload.
            ExpectedVersion = expectedVersion ?? request.Stamp.Version,
            Change = r => r with { Milestones = r.Milestones with { ApprovedBy = approver.Name, ApprovedAt = now } },
        }, ct);
    }

    /// <summary>
    /// Renders the letters and queues the mail in the same transaction as the move to Queued; the
    /// request becomes Sent only when the SMTP server has accepted it (<see cref="RequestMailEvents"/>).
    /// </summary>
    public async Task<NetworkRequest> SendAsync(string id, Viewer actor, CancellationToken ct)
    {
        var request = await RequireAsync(id, actor, ct);
        RequestTransitions.Check(request.Progress.Status, RequestStatus.Queued, request.Number);
        var contact = await directory.ContactPointAsync(request.Route.ContactPointId, ct) ?? throw new NotFoundException("contact point", request.Route.ContactPointId);
        var letters = await documents.RenderAsync(request, ct);
        var main = letters[0];
        var body = string.Join("\n\n----------------------------------------\n\n", letters.Select(l => l.Text));
        var mail = new OutgoingMail(request.Id, [contact.Email], [], main.Subject, body, null,
            [.. letters.Select(l => new MailAttachment(l.FileName(request.Number), "application/pdf", l.Pdf))]);
        return await requests.MoveAsync(id, new RequestMove(RequestStatus.Queued, actor)
        {
            // The letters were rendered from the version read; the mail must not carry an older text.
            ExpectedVersion = request.Stamp.Version,
            Detail = $"to {contact.Email}",
            AlsoInTransaction = async (c, t, _) => await outbox.EnqueueAsync(c, t, mail, ct),
        }, ct);
    }

    /// <summary>The SMTP server accepted the mail: the clock for the answer starts now.</summary>
    public async Task MarkSentAsync(string id, string messageId, DateTimeOffset at, CancellationToken ct)
    {
        var request = await RequireAsync(id, Mail, ct);
        var network = await directory.NetworkAsync(request.Route.Network, "network", ct);
        var sent = await requests.MoveIfAsync(id, [RequestStatus.Queued], new RequestMove(RequestStatus.Sent, Mail)
        {
            Detail = messageId,
            Change = r => r with
            {
                Progress = r.Progress with { DueAt = at + network.DueWithin(r.Progress.Urgency) },
                Milestones = r.Milestones with { SentAt = at },
            },
        }, ct);
        if (sent is not null)
        {
            await deadlines.ScheduleAsync(sent, at, ct);
        }
        // else told twice: the first time counted.
    }

    public async Task MarkDeliveryFailedAsync(string id, string reason, CancellationToken ct)
    {
        // Only mail on its way can fail; a bounce told twice, or one that comes after a reply, changes nothing.
        var failed = await requests.MoveIfAsync(id, [RequestStatus.Queued, RequestStatus.Sent], new RequestMove(RequestStatus.DeliveryFailed, Mail)
        {
            Detail = reason,
            Change = r => r with { Progress = r.Progress with { FailureReason = reason } },
        }, ct);
        if (failed is not null)
        {
            await deadlines.CancelAsync(id, ct);
        }
    }

    public async Task<NetworkRequest> AcknowledgeAsync(string id, Viewer actor, string? note, CancellationToken ct)
    {
        TextHygiene.Require("note", note, TextKind.FreeText, TextLimits.Note);
        return await requests.MoveAsync(id, new RequestMove(RequestStatus.Acknowledged, actor)
        {
            Detail = note,
            Change = r => r with { Milestones = r.Milestones with { AcknowledgedAt = r.Milestones.AcknowledgedAt ?? clock.GetUtcNow() } },
        }, ct);
    }

    /// <summary>
    /// Records an answer (partial or full) and what it establishes, as nodes and edges with the
    /// request as provenance and the network's restriction — all in one transaction. What an answer
    /// establishes is restricted to the request's case: need-to-know by default, lifted only by a supervisor.
    /// </summary>
    public async Task<NetworkRequest> RecordAnswerAsync(string id, bool complete, string? note, IReadOnlyList<NodeDraft> nodes, IReadOnlyList<EdgeDraft> edges,
        Viewer actor, CancellationToken ct)
    {
        TextHygiene.Require("note", note, TextKind.FreeText, TextLimits.Note);
        var request = await RequireAsync(id, actor, ct);
        var network = await directory.NetworkAsync(request.Route.Network, "network", ct);
        var to = complete ? RequestStatus.Answered : RequestStatus.PartlyAnswered;
        RequestTransitions.Check(request.Progress.Status, to, request.Number);
        var provenance = new ProvenanceDraft(network.IsFormal ? SourceKind.MlaAnswer : SourceKind.NetworkAnswer,
            $"{request.Number} ({network.Code}, {request.Route.Jurisdiction})", clock.GetUtcNow(), network.Restriction, request.Route.CaseId);
        NetworkRequest? moved = null;
        await graphStore.CreateManyAsync(
            [.. nodes.Select(n => n with { Provenance = provenance })],
            [.. edges.Select(e => e with { Provenance = provenance })],
            actor,
            async (c, t, writtenNodes, writtenEdges) =>
            {
                var now = clock.GetUtcNow();
                foreach (var (entity, entityId) in writtenNodes.Select(n => ("node", n.Id)).Concat(writtenEdges.Select(e => ("edge", e.Id))))
                {
                    await c.ExecuteAsync(t, "INSERT INTO request_facts (request_id, entity, entity_id, recorded_at, recorded_by) VALUES (@r, @e, @id, @at, @by)", ct,
                        ("r", id), ("e", entity), ("id", entityId), ("at", now), ("by", actor.Name));
                }
                var detail = string.Create(CultureInfo.InvariantCulture, $"{writtenNodes.Count} nodes and {writtenEdges.Count} edges recorded{(note is null ? "" : ": " + note)}");
                moved = await requests.MoveAsync(c, t, id, new RequestMove(to, actor)
                {
                    Detail = detail,
                    Change = r => r with
                    {
                        Progress = r.Progress with { Overdue = false },
                        Milestones = r.Milestones with { AnsweredAt = r.Milestones.AnsweredAt ?? now, AcknowledgedAt = r.Milestones.AcknowledgedAt ?? now },
                    },
                }, ct);
            }, ct);
        if (complete)
        {
            await deadlines.CancelAsync(id, ct);
        }
        return moved!;
    }

    public async Task<NetworkRequest> CloseAsync(string id, Viewer actor, string? note, CancellationToken ct)
    {
        TextHygiene.Require("note", note, TextKind.FreeText, TextLimits.Note);
        var closed = await requests.MoveAsync(id, new RequestMove(RequestStatus.Closed, actor) { Detail = note, Change = Ended }, ct);
        await deadlines.CancelAsync(id, ct);
        return closed;
    }

    public async Task<NetworkRequest> WithdrawAsync(string id, Viewer actor, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UserInputException("reason", "say why the request is withdrawn.");
        }
        RequestTextRules.CheckReason(reason);
        var withdrawn = await requests.MoveAsync(id, new RequestMove(RequestStatus.Withdrawn, actor) { Detail = reason, Change = Ended }, ct);
        await deadlines.CancelAsync(id, ct);
        return withdrawn;
    }

    private NetworkRequest Ended(NetworkRequest request) => request with { Milestones = request.Milestones with { ClosedAt = clock.GetUtcNow() } };

    private async Task<NetworkRequest> RequireAsync(string id, Viewer viewer, CancellationToken ct) =>
        await requests.GetAsync(viewer, id, ct) ?? throw new NotFoundException("request", id);

    private async Task<ContactPoint> CheckAsync(RequestDraftInput input, Viewer actor, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (await cases.GetAsync(actor, input.CaseId, ct) is null)
        {
            errors.Add(new FieldError("input.caseId", $"no case with id '{input.CaseId}' that you work on exists."));
        }
        await directory.NetworkAsync(input.Network, "input.network", ct);
        var contacts = await directory.ContactPointsAsync(input.Network, input.Jurisdiction, ct);
        var contact = input.ContactPointId is null ? contacts.FirstOrDefault() : contacts.FirstOrDefault(c => c.Id == input.ContactPointId);
        if (contact is null)
        {
            errors.Add(new FieldError(input.ContactPointId is null ? "input.jurisdiction" : "input.contactPointId",
                $"the directory has no {(input.ContactPointId is null ? "" : "such ")}contact point of {input.Network} in {input.Jurisdiction}."));
        }
        // Subjects the letter may name: open, or restricted to this very case (never another case's), and visible to the officer.
        var subjects = actor.Sees(input.CaseId) ? await graph.GetNodesAsync(Viewer.ForCase(input.CaseId), input.Body.SubjectIds, ct) : new Dictionary<string, Node>();
        errors.AddRange(input.Body.SubjectIds.Where(s => !subjects.ContainsKey(s)).Select(s => new FieldError("input.subjectIds", $"no node with id '{s}' exists.")));
        errors.AddRange(input.Body.Questions.Where(q => !catalogue.Questions.Contains(q))
            .Select(q => new FieldError("input.questions", $"'{q}' is not in the question catalogue; use one of {string.Join(", ", catalogue.Questions.Codes)}.")));
        // A statement the catalogue does not know would have no heading in the letters: refused here, not when they are rendered.
        var statements = RequestChecklist.StatementItems(catalogue).ToList();
        errors.AddRange(input.Body.Statements.Keys.Where(item => !statements.Contains(item, StringComparer.Ordinal))
            .Select(item => new FieldError("input.statements", $"'{item}' is not a checklist statement; use one of {string.Join(", ", statements)}.")));
        errors.AddRange(RequestTextRules.Problems(input.Body));
        if (input.Body.Languages.Count == 0)
        {
            errors.Add(new FieldError("input.languages", "give at least one language for the letter."));
        }
        errors.AddRange(input.Body.Languages.Where(l => !LetterTemplates.Languages.Contains(l))
            .Select(l => new FieldError("input.languages", $"'{l}' is not one of the letter languages: {string.Join(", ", LetterTemplates.Languages)}.")));
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
        return contact!;
    }
}
