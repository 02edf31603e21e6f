using AssetTrace.Accounts;
using AssetTrace.Cases;
using AssetTrace.Graph.Store;
using AssetTrace.Recovery.Assistant;
using AssetTrace.Recovery.Steps;
using AssetTrace.Recovery.Tasks;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Visibility;
using Microsoft.AspNetCore.Components;

namespace AssetTrace.WebConsole.Components.Pages.Recovery;

/// <summary>
/// A case's assets by step with the requests about each, a form to record the next move, the
/// assistant's recommendations beside them and the case's tasks (#17). Everything is read through the same services as
/// the API, for the signed-in user: a case they do not work on is not found.
/// </summary>
public partial class RecoveryCasePage
{
    [Parameter]
    public string CaseId { get; set; } = "";

    [Inject]
    private CaseStore Cases { get; set; } = default!;

    [Inject]
    private RecoveryLedger Ledger { get; set; } = default!;

    [Inject]
    private RecoveryAssistant Assistant { get; set; } = default!;

    [Inject]
    private GraphQueries Graph { get; set; } = default!;

    [Inject]
    private RecoveryTasks Tasks { get; set; } = default!;

    private Case? _case;
    private Viewer? _viewer;
    private List<AssetRecovery> _assets = [];
    private List<(string Id, string Name)> _candidates = [];
    private Dictionary<string, List<NetworkRequest>> _requests = [];
    private AssistantAnswer? _answer;
    private List<RecoveryTask> _tasks = [];

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        var loaded = await ReadAsync(async (viewer, ct) =>
        {
            var @case = await Cases.GetAsync(viewer, CaseId, ct) ?? throw new Common.NotFoundException("case", CaseId);
            var assets = await Ledger.ForCaseAsync(viewer, CaseId, ct);
            var requests = new Dictionary<string, List<NetworkRequest>>(StringComparer.Ordinal);
            if (viewer.Has(Role.Officer) || viewer.Has(Role.Supervisor))
            {
                foreach (var asset in assets)
                {
                    requests[asset.NodeId] = await Ledger.RequestsAboutAsync(viewer, CaseId, asset.NodeId, ct);
                }
            }
            // The case's subjects that are assets may enter the road; those on it already are in the table.
            var subjects = await Graph.GetNodesAsync(Viewer.ForCase(CaseId), @case.Subjects.Select(s => s.NodeId), ct);
            var candidates = subjects.Values.Where(n => MoveChecks.AssetKinds.Contains(n.Kind)).Select(n => (n.Id, n.Name))
                .Concat(assets.Select(a => (Id: a.NodeId, a.Name))).DistinctBy(n => n.Id).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
            return (viewer, @case, assets, requests, candidates, await Assistant.RecommendAsync(viewer, CaseId, ct), await Tasks.ForCaseAsync(viewer, CaseId, ct));
        });
        if (loaded.@case is not null)
        {
            (_viewer, _case, _assets, _requests, _candidates, _answer, _tasks) = loaded;
        }
    }
}
