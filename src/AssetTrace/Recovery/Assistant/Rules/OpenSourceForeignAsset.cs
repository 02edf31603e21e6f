using System.Text.Json;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;

namespace AssetTrace.Recovery.Assistant.Rules;

/// <summary>
/// An asset abroad that came into the case from an open source (a lead the analyst accepted: the asset,
/// or the link to it): open sources are leads, not evidence, so the asset's state is asked to confirm it
/// through the network that reaches it. An asset a request of the case already asks that state about is
/// left out.
/// </summary>
public sealed class OpenSourceForeignAsset : IRuleKind
{
    public sealed class Settings
    {
        public List<string> SubjectRoles { get; set; } = ["suspect"];
        public List<string> AssetKinds { get; set; } = ["RealEstate"];
        public List<string> HomeCountries { get; set; } = ["KZ"];
        public bool WithConnected { get; set; } = true;

        /// <summary>The network that reaches each state; a state not listed is reached through <see cref="DefaultNetwork"/>.</summary>
        public Dictionary<string, List<string>> Networks { get; set; } = [];
        public string DefaultNetwork { get; set; } = "CARIN";
    }

    public string Kind => "open_source_foreign_asset";

    public IReadOnlyList<string> SubjectRoles { get; } = ["subject", "asset"];

    public IEnumerable<string> Check(JsonElement settings) => RuleSettings.Problems<Settings>(settings, s =>
        s.AssetKinds.Where(k => !Codes.TryParseNodeKind(k, out _)).Select(k => $"settings.assetKinds: '{k}' is not a node kind.")
            .Concat(s.Networks.Values.SelectMany(countries => countries.Distinct()).GroupBy(c => c).Where(g => g.Count() > 1)
                .Select(g => $"settings.networks: '{g.Key}' is listed under more than one network.")));

    public IEnumerable<Finding> Find(GraphSnapshot graph, CaseFacts facts, JsonElement settings)
    {
        var s = RuleSettings.Read<Settings>(settings);
        var sources = facts.OpenSource;
        if (sources.Count == 0)
        {
            yield break;
        }
        var asked = facts.Requests.SelectMany(r => r.Body.SubjectIds.Select(id => (id, r.Route.Jurisdiction))).ToHashSet();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subject in CaseSubjects.Persons(graph, facts, s.SubjectRoles))
        {
            foreach (var holding in HoldingsFinder.Find(graph, subject.Id, s.WithConnected, facts.Today, 1))
            {
                if (!s.AssetKinds.Contains(Codes.Of(holding.Kind)) || graph.Find(holding.NodeId) is not { Country: { } country } asset
                    || s.HomeCountries.Contains(country) || asked.Contains((asset.Id, country)) || !seen.Add(asset.Id))
                {
                    continue;
                }
                var path = holding.Paths.Count > 0 ? holding.Paths[0] : null;
                var edges = (path?.EdgeIds ?? []).Select(graph.FindEdge).OfType<SnapshotEdge>().ToList();
                var source = sources.GetValueOrDefault(asset.Id) ?? edges.Select(e => sources.GetValueOrDefault(e.Id)).FirstOrDefault(f => f is not null);
                if (source is null)
                {
                    continue;
                }
                var network = s.Networks.FirstOrDefault(n => n.Value.Contains(country)).Key ?? s.DefaultNetwork;
                yield return new Finding(
                    new Dictionary<string, string>
                    {
                        ["subjectName"] = subject.Name, ["assetName"] = asset.Name, ["assetCountry"] = country, ["network"] = network,
                        ["source"] = source.Source, ["acceptedBy"] = source.AcceptedBy,
                    },
                    new Dictionary<string, IReadOnlyList<string>> { ["subject"] = [subject.Id], ["asset"] = [asset.Id] },
                    [CaseSubjects.Node(asset), .. edges.Select(CaseSubjects.Edge), new FactLink("lead", source.LeadId, source.Source)]);
            }
        }
    }
}
