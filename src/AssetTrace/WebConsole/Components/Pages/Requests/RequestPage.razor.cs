using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Mail;
using AssetTrace.Requests;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;
using Microsoft.AspNetCore.Components;

namespace AssetTrace.WebConsole.Components.Pages.Requests;

/// <summary>
/// One request (#13): where it goes and stands, its letters as they would be sent now (with their
/// PDFs), its checklist while a draft, the thread of sent mail and answers, its timeline, and the
/// actions the user's role allows from its status. A request of a case the user is not on is
/// "not found", as for one that does not exist.
/// </summary>
public sealed partial class RequestPage
{
    private NetworkRequest? _request;
    private Case? _case;
    private ContactPoint? _contact;
    private IReadOnlyDictionary<string, Node> _subjects = new Dictionary<string, Node>();
    private List<ChecklistGap>? _gaps;
    private List<Letter> _letters = [];
    private IReadOnlyList<OutboxEntry> _sent = [];
    private List<ThreadedMail> _received = [];
    private List<RequestEvent> _events = [];
    private IReadOnlyList<DeskAction> _offered = [];
    private string? _done;

    [Parameter]
    public string Id { get; set; } = "";

    [Inject]
    private RequestStore Requests { get; set; } = default!;

    [Inject]
    private RequestDesk Service { get; set; } = default!;

    [Inject]
    private RequestDocuments Documents { get; set; } = default!;

    [Inject]
    private HoldingPen Pen { get; set; } = default!;

    [Inject]
    private MailOutbox Outbox { get; set; } = default!;

    [Inject]
    private CaseStore Cases { get; set; } = default!;

    [Inject]
    private NetworkDirectory Directory { get; set; } = default!;

    [Inject]
    private GraphQueries Graph { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _done = null;
        await LoadAsync();
    }

    private async Task DoneAsync(string message)
    {
        await LoadAsync();
        _done = Failure is null ? message : null;
    }

    private async Task LoadAsync()
    {
        var loaded = await ReadAsync(async (viewer, ct) =>
        {
            DeskRoles.Require(viewer, DeskAction.Read);
            // Everything below is read only once the viewer may see the request's case.
            var request = await Requests.GetAsync(viewer, Id, ct) ?? throw new NotFoundException("request", Id);
            var events = await Requests.EventsAsync(request.Id, ct);
            return new Loaded(
                request,
                await Cases.GetAsync(viewer, request.Route.CaseId, ct),
                await Directory.ContactPointAsync(request.Route.ContactPointId, ct),
                await Graph.GetNodesAsync(viewer, request.Body.SubjectIds, ct),
                request.Progress.Status == RequestStatus.Draft ? await Service.ChecklistAsync(request.Id, viewer, ct) : null,
                await Documents.ComposeAsync(request, ct),
                await Outbox.ForRequestAsync(request.Id, ct),
                await Pen.ForRequestAsync(viewer, request.Id, ct),
                events,
                DeskRoles.Offered(request, viewer, DeskRoles.Authors(request, events)));
        });
        if (loaded is null)
        {
            _request = null;
            return;
        }
        (_request, _case, _contact, _subjects, _gaps, _letters, _sent, _received, _events, _offered) = loaded;
    }

    private sealed record Loaded(
        NetworkRequest Request, Case? Case, ContactPoint? Contact, IReadOnlyDictionary<string, Node> Subjects, List<ChecklistGap>? Gaps,
        List<Letter> Letters, IReadOnlyList<OutboxEntry> Sent, List<ThreadedMail> Received, List<RequestEvent> Events, IReadOnlyList<DeskAction> Offered);
}
