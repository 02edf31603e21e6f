using System.Globalization;
using System.Text.Json;
using AssetTrace.Analytics.Connections;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;

namespace AssetTrace.Recovery.Assistant.Rules;

/// <summary>
/// A relative or close associate of a person of the case came into assets worth at least a threshold
/// (USD) in the years before the case: a connected-person analysis is due. Counted are holdings and
/// accounts they acquired since then (the link's start), directly or through a company, valued at
/// each asset's own valuation date.
/// </summary>
public sealed class RelativesSuddenWealth : IRuleKind
{
    public sealed class Settings
    {
        public List<string> SubjectRoles { get; set; } = ["suspect"];
        public int YearsBeforeCase { get; set; } = 10;
        public decimal MinUsd { get; set; } = 1_000_000;
    }

    public string Kind => "relatives_sudden_wealth";

    public IReadOnlyList<string> SubjectRoles { get; } = ["subject", "relative"];

    public IEnumerable<string> Check(JsonElement settings) => RuleSettings.Problems<Settings>(settings, s =>
        s.YearsBeforeCase is < 1 or > 50 ? ["settings.yearsBeforeCase: between 1 and 50."] : s.MinUsd <= 0 ? ["settings.minUsd: above 0."] : []);

    public IEnumerable<Finding> Find(GraphSnapshot graph, CaseFacts facts, JsonElement settings)
    {
        var s = RuleSettings.Read<Settings>(settings);
        var since = facts.Case.OpenedOn.AddYears(-s.YearsBeforeCase);
        foreach (var subject in CaseSubjects.Persons(graph, facts, s.SubjectRoles))
        {
            foreach (var relative in ConnectedPersonsFinder.CloseCircle(subject, facts.Today).OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                var acquired = relative.Out
                    .Where(e => e.Kind is EdgeKind.Owns or EdgeKind.HoldsAccount && e.IsValidOn(facts.Today) && e.ValidFrom is { } from && from >= since)
                    .ToList();
                var total = acquired.Sum(e => Worth(graph, e, facts));
                if (total < s.MinUsd)
                {
                    continue;
                }
                yield return new Finding(
                    new Dictionary<string, string>
                    {
                        ["subjectName"] = subject.Name, ["relativeName"] = relative.Name, ["usd"] = CaseSubjects.Usd(total),
                        ["since"] = acquired.Min(e => e.ValidFrom!.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    },
                    new Dictionary<string, IReadOnlyList<string>> { ["subject"] = [subject.Id], ["relative"] = [relative.Id] },
                    [CaseSubjects.Node(relative), .. acquired.Select(CaseSubjects.Edge)]);
            }
        }
    }

    /// <summary>What an acquired link is worth in USD: the asset's value, or the company's holdings' values, times the share held.</summary>
    private static decimal Worth(GraphSnapshot graph, SnapshotEdge edge, CaseFacts facts)
    {
        var share = edge.Kind == EdgeKind.HoldsAccount ? 1m : (decimal)(edge.ShareLow ?? edge.ShareHigh ?? 0);
        var target = edge.Target;
        if (target.Kind != NodeKind.Company)
        {
            return share * (CaseSubjects.ValueUsd(target, facts.Rates, facts.Today) ?? 0);
        }
        return share * HoldingsFinder.Find(graph, target.Id, false, facts.Today, 0)
            .Select(h => (Node: graph.Find(h.NodeId), h.LowPercent))
            .Where(h => h.Node is not null)
            .Sum(h => (decimal)h.LowPercent / 100 * (CaseSubjects.ValueUsd(h.Node!, facts.Rates, facts.Today) ?? 0));
    }
}
