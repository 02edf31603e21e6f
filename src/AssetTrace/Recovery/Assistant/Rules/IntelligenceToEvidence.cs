using System.Text.Json;
using AssetTrace.Analytics.Engine;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.Recovery.Assistant.Rules;

/// <summary>
/// An informal request of the case was answered and the provider's consent is recorded
/// (Requests/Consent): its intelligence should become evidence through the formal MLA request,
/// unless one following it was drafted already. Without consent nothing is recommended yet.
/// </summary>
public sealed class IntelligenceToEvidence : IRuleKind
{
    public sealed class Settings
    {
    }

    private static readonly RequestStatus[] Answered = [RequestStatus.PartlyAnswered, RequestStatus.Answered, RequestStatus.Closed];

    public string Kind => "intelligence_to_evidence";

    public IReadOnlyList<string> SubjectRoles { get; } = [];

    public IEnumerable<string> Check(JsonElement settings) => RuleSettings.Problems<Settings>(settings, _ => []);

    public IEnumerable<Finding> Find(GraphSnapshot graph, CaseFacts facts, JsonElement settings)
    {
        var followed = facts.Requests.Where(r => r.Route.Network == NetworkInfo.Mla).Select(r => r.Body.FreeText ?? "").ToList();
        return facts.Requests
            .Where(r => r.Route.Network != NetworkInfo.Mla && Answered.Contains(r.Progress.Status) && facts.ConsentedRequests.Contains(r.Id)
                // RequestDesk.DraftMlaFromAsync opens the MLA request's text with these words.
                && !followed.Any(text => text.StartsWith($"Follows informal request {r.Number} ", StringComparison.Ordinal)))
            .OrderBy(r => r.Number, StringComparer.Ordinal)
            .Select(r => new Finding(
                new Dictionary<string, string> { ["number"] = r.Number, ["network"] = r.Route.Network, ["jurisdiction"] = r.Route.Jurisdiction },
                new Dictionary<string, IReadOnlyList<string>>(),
                [new FactLink("request", r.Id, r.Number)],
                r.Id));
    }
}
