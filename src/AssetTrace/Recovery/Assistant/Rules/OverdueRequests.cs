using System.Globalization;
using System.Text.Json;
using AssetTrace.Analytics.Engine;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.Recovery.Assistant.Rules;

/// <summary>A request of the case is overdue by its network's norm (the due date set when it was sent): a reminder is due.</summary>
public sealed class OverdueRequests : IRuleKind
{
    public sealed class Settings
    {
    }

    public string Kind => "request_overdue";

    public IReadOnlyList<string> SubjectRoles { get; } = [];

    public IEnumerable<string> Check(JsonElement settings) => RuleSettings.Problems<Settings>(settings, _ => []);

    public IEnumerable<Finding> Find(GraphSnapshot graph, CaseFacts facts, JsonElement settings) =>
        facts.Requests
            .Where(r => RequestTransitions.AwaitingAnswer.Contains(r.Progress.Status)
                && (r.Progress.Overdue || (r.Progress.DueAt is { } due && DateOnly.FromDateTime(due.UtcDateTime) < facts.Today)))
            .OrderBy(r => r.Number, StringComparer.Ordinal)
            .Select(r => new Finding(
                new Dictionary<string, string>
                {
                    ["number"] = r.Number, ["network"] = r.Route.Network, ["jurisdiction"] = r.Route.Jurisdiction,
                    ["due"] = r.Progress.DueAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                },
                new Dictionary<string, IReadOnlyList<string>>(),
                [new FactLink("request", r.Id, r.Number)],
                r.Id));
}
