using System.Security.Cryptography;
using System.Text;
using AssetTrace.Analytics.Engine;

namespace AssetTrace.Recovery.Assistant;

/// <summary>
/// Runs a playbook's rules on the snapshot and the case and turns what they find into
/// recommendations, filling each action's texts and route from the finding. A rule that fails
/// while it runs is reported with its file and line; the others still run.
/// </summary>
public static class PlaybookEvaluator
{
    /// <param name="contacts">The (network, jurisdiction) pairs the directory has an active contact point for.</param>
    public static (List<Recommendation> Recommendations, List<PlaybookProblem> Problems) Evaluate(
        GraphSnapshot graph, CaseFacts facts, Playbook playbook, IReadOnlySet<(string Network, string Jurisdiction)> contacts)
    {
        var recommendations = new Dictionary<string, Recommendation>(StringComparer.Ordinal);
        var problems = new List<PlaybookProblem>();
        foreach (var rule in playbook.Rules)
        {
            List<Finding> findings;
            try
            {
                findings = [.. RuleKinds.Find(rule.Kind)!.Find(graph, facts, rule.Settings)];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                problems.Add(new PlaybookProblem(playbook.File, rule.Line, $"rule '{rule.Id}' failed while it ran: {e.Message}"));
                continue;
            }
            foreach (var finding in findings)
            {
                foreach (var action in rule.Actions)
                {
                    var recommendation = Make(playbook, rule, action, finding, contacts);
                    recommendations.TryAdd(recommendation.Key, recommendation);
                }
            }
        }
        return ([.. recommendations.Values], problems);
    }

    private static Recommendation Make(Playbook playbook, PlaybookRule rule, RuleAction action, Finding finding, IReadOnlySet<(string, string)> contacts)
    {
        var jurisdiction = action.Jurisdiction is null ? null : Fill(action.Jurisdiction, finding);
        var network = action.Network is null ? null : Fill(action.Network, finding);
        var subjects = action.Subjects.SelectMany(role => finding.Subjects.GetValueOrDefault(role) ?? []).Distinct(StringComparer.Ordinal).ToList();
        string? problem = null;
        if (action.Draft == ActionDraft.Request && (jurisdiction is null || !contacts.Contains((network!, jurisdiction))))
        {
            problem = $"the directory has no active contact point of {network} in {jurisdiction}: add one to draft this request.";
        }
        var about = $"{jurisdiction}|{string.Join('+', subjects)}|{finding.RequestId}";
        var key = $"{rule.Id}/{action.Id}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(about)))[..16]}";
        return new Recommendation(key, playbook.CrimeType, rule.Id, action.Id, action.Draft,
            new LocalText(Fill(action.Title.En, finding), Fill(action.Title.Ru, finding)), new LocalText(Fill(action.Why.En, finding), Fill(action.Why.Ru, finding)),
            finding.Facts, network, jurisdiction, subjects, action.Questions, action.LegalBasis, finding.RequestId, problem, null);
    }

    /// <summary>Replaces each {name} the finding has a value for; other braces stay as written.</summary>
    internal static string Fill(string template, Finding finding)
    {
        var text = template;
        foreach (var (name, value) in finding.Values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return text;
    }
}
