using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Matching;
using AssetTrace.Requests;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Visibility;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AssetTrace.WebConsole.Components.Pages.Requests;

/// <summary>
/// The request composer (#13): the case, network, requested state and its contact point, the
/// subjects (found by the name matcher, as the search page and the API's <c>search</c> find them, #14), questions and basis, and the
/// letters in each chosen language with the state's checklist, recomposed by the desk itself
/// (<see cref="RequestDesk.PreviewAsync"/>) whenever a field changes, before anything is saved.
/// </summary>
public sealed partial class ComposerPage
{
    private const int SearchResults = 10;
    private DraftForm _form = new();
    private NetworkRequest? _existing;
    private List<Case> _cases = [];
    private List<NetworkInfo> _networks = [];
    private List<ContactPoint> _contacts = [];
    private List<Node>? _found;
    private string _subjectQuery = "";
    private DraftPreview? _preview;
    private IReadOnlyList<FieldError> _problems = [];
    private bool _ready;

    [Parameter]
    public string? Id { get; set; }

    [Inject]
    private RequestDesk Service { get; set; } = default!;

    [Inject]
    private HoldingPen Pen { get; set; } = default!;

    [Inject]
    private RequestStore Requests { get; set; } = default!;

    [Inject]
    private CaseStore Cases { get; set; } = default!;

    [Inject]
    private NetworkDirectory Directory { get; set; } = default!;

    [Inject]
    private GraphQueries Graph { get; set; } = default!;

    [Inject]
    private NameSearch Search { get; set; } = default!;

    [Inject]
    private RequestCatalogue Catalogue { get; set; } = default!;

    [Inject]
    private LetterTemplates Templates { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _ready = false;
        var loaded = await ReadAsync(async (viewer, ct) =>
        {
            DeskRoles.Require(viewer, Id is null ? DeskAction.Draft : DeskAction.Edit);
            var cases = await Cases.ListAsync(viewer, CaseStatus.Open, ct);
            var networks = await Directory.NetworksAsync(ct);
            if (Id is null)
            {
                return (cases, networks, (NetworkRequest?)null, new DraftForm { CaseId = cases.FirstOrDefault()?.Id ?? "", Network = networks.FirstOrDefault()?.Code ?? "" });
            }
            var request = await Requests.GetAsync(viewer, Id, ct) ?? throw new NotFoundException("request", Id);
            if (request.Progress.Status != RequestStatus.Draft)
            {
                throw new ConflictException($"{request.Number} is {request.Progress.Status}: only a draft can be edited.");
            }
            var names = await Graph.GetNodesAsync(Viewer.ForCase(request.Route.CaseId), request.Body.SubjectIds, ct);
            return (cases, networks, request, DraftForm.Of(request, names.ToDictionary(n => n.Key, n => n.Value.Name)));
        });
        if (loaded is var (cases, networks, existing, form) && form is not null)
        {
            (_cases, _networks, _existing, _form) = (cases, networks, existing, form);
            if (_form.Languages.Count == 0)
            {
                _form.Languages.Add("en");
            }
            _ready = true;
            await RouteChangedAsync();
        }
    }

    /// <summary>The network or state changed: the contact points follow, then the letters.</summary>
    private async Task RouteChangedAsync()
    {
        var contacts = await ReadAsync((_, ct) => Directory.ContactPointsAsync(_form.Network, null, ct));
        _contacts = contacts ?? [];
        if (!_contacts.Any(c => c.Jurisdiction == _form.Jurisdiction))
        {
            _form.Jurisdiction = _contacts.FirstOrDefault()?.Jurisdiction ?? "";
        }
        if (!_contacts.Any(c => c.Id == _form.ContactPointId && c.Jurisdiction == _form.Jurisdiction))
        {
            _form.ContactPointId = _contacts.FirstOrDefault(c => c.Jurisdiction == _form.Jurisdiction)?.Id ?? "";
        }
        await PreviewAsync();
    }

    /// <summary>Composes the letters and checks the checklist as the desk would on saving; what it refuses is listed, not thrown.</summary>
    private async Task PreviewAsync()
    {
        var result = await ReadAsync(async (viewer, ct) =>
        {
            try
            {
                return (await Service.PreviewAsync(_form.Input(), _existing?.Number ?? Desk.UnsavedNumber, viewer, ct), (IReadOnlyList<FieldError>)[]);
            }
            catch (UserInputException e)
            {
                return ((DraftPreview?)null, e.Errors);
            }
        });
        if (Failure is null)
        {
            (_preview, _problems) = result;
        }
    }

    /// <summary>
    /// Subjects the letter may name: found by the matcher under the officer's sight (another script, romanisation or a
    /// typo finds them, #14), and open or of this very case (the desk refuses any other).
    /// </summary>
    private async Task SearchAsync()
    {
        if (string.IsNullOrWhiteSpace(_subjectQuery))
        {
            return;
        }
        _found = await ReadAsync(async (viewer, ct) =>
        {
            var page = await Search.SearchAsync(viewer, _subjectQuery.Trim(), null, null, SearchResults, null, ct);
            var nameable = await Graph.GetNodesAsync(Viewer.ForCase(_form.CaseId), page.Results.Select(r => r.Node.Id), ct);
            return page.Nodes.Where(n => nameable.ContainsKey(n.Id)).ToList();
        });
    }

    private async Task SearchOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SearchAsync();
        }
    }

    private async Task AddSubjectAsync(Node node)
    {
        if (!_form.Subjects.Any(s => s.Id == node.Id))
        {
            _form.Subjects.Add((node.Id, node.Name));
        }
        await PreviewAsync();
    }

    private async Task RemoveSubjectAsync(string id)
    {
        _form.Subjects.RemoveAll(s => s.Id == id);
        await PreviewAsync();
    }

    private async Task ToggleQuestionAsync(string code, bool on)
    {
        if (on)
        {
            _form.Questions.Add(code);
        }
        else
        {
            _form.Questions.Remove(code);
        }
        await PreviewAsync();
    }

    private async Task ToggleLanguageAsync(string language, bool on)
    {
        _form.Toggle(language, on);
        await PreviewAsync();
    }

    private async Task StatementAsync(string item, string? text)
    {
        _form.Statements[item] = text ?? "";
        await PreviewAsync();
    }

    /// <summary>The statements the requested state's law asks of a formal request (an informal one needs none).</summary>
    private IEnumerable<string> StatementItems()
    {
        if (_networks.FirstOrDefault(n => n.Code == _form.Network) is not { IsFormal: true })
        {
            return [];
        }
        var required = Catalogue.RequirementsOf(_form.Jurisdiction);
        return RequestChecklist.StatementItems(Catalogue).Where(required.Contains);
    }

    private async Task SaveAsync()
    {
        var actions = new RequestActions(Service, Pen);
        var saved = await ReadAsync((viewer, ct) => _existing is null
            ? actions.DraftAsync(_form.Input(), viewer, ct)
            : actions.UpdateDraftAsync(_existing.Id, _form.Body(), _form.Urgency, _existing.Stamp.Version, viewer, ct));
        if (saved is not null)
        {
            Navigation.NavigateTo($"/requests/{saved.Id}");
        }
    }
}
