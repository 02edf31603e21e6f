using System.Text.Json;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;

namespace AssetTrace.Recovery.Assistant.Rules;

/// <summary>
/// Bank accounts abroad held by a person of the case, their companies or their close circle: one
/// finding per country, for the FIUs (Egmont) of that country to be asked about them.
/// </summary>
public sealed class ForeignAccounts : IRuleKind
{
    public sealed class Settings
    {
        public List<string> SubjectRoles { get; set; } = ["suspect"];
        public List<string> HomeCountries { get; set; } = ["KZ"];
        public bool WithConnected { get; set; } = true;
    }

    public string Kind => "foreign_accounts";

    public IReadOnlyList<string> SubjectRoles { get; } = ["subject", "account", "holder"];

    public IEnumerable<string> Check(JsonElement settings) => RuleSettings.Problems<Settings>(settings, _ => []);

    public IEnumerable<Finding> Find(GraphSnapshot graph, CaseFacts facts, JsonElement settings)
    {
        var s = RuleSettings.Read<Settings>(settings);
        foreach (var subject in CaseSubjects.Persons(graph, facts, s.SubjectRoles))
        {
            var accounts = HoldingsFinder.Find(graph, subject.Id, s.WithConnected, facts.Today, 0)
                .Where(h => h.Kind == NodeKind.BankAccount)
                .Select(h => graph.Find(h.NodeId)).OfType<SnapshotNode>()
                .Where(a => a.Country is not null && !s.HomeCountries.Contains(a.Country));
            foreach (var country in accounts.GroupBy(a => a.Country!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var held = country.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
                var holds = held.SelectMany(a => a.In.Where(e => e.Kind == EdgeKind.HoldsAccount && e.IsValidOn(facts.Today))).ToList();
                var holders = holds.Select(e => e.Source).Distinct().ToList();
                yield return new Finding(
                    new Dictionary<string, string>
                    {
                        ["subjectName"] = subject.Name, ["country"] = country.Key,
                        ["accounts"] = string.Join(", ", held.Select(a => a.Name)), ["holders"] = string.Join(", ", holders.Select(h => h.Name)),
                    },
                    new Dictionary<string, IReadOnlyList<string>>
                    {
                        ["subject"] = [subject.Id], ["account"] = [.. held.Select(a => a.Id)], ["holder"] = [.. holders.Select(h => h.Id)],
                    },
                    [.. held.Select(CaseSubjects.Node), .. holds.Select(CaseSubjects.Edge)]);
            }
        }
    }
}
