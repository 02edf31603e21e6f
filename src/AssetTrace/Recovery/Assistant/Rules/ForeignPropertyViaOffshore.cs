using System.Text.Json;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Graph.Model;

namespace AssetTrace.Recovery.Assistant.Rules;

/// <summary>
/// A person of the case holds an asset abroad through a company in a secrecy jurisdiction (a flat in
/// London through a BVI company): the asset's state is asked for its land registry and owners, the
/// company's register through the network that reaches it, the accounts through the FIUs.
/// </summary>
public sealed class ForeignPropertyViaOffshore : IRuleKind
{
    public sealed class Settings
    {
        public List<string> SubjectRoles { get; set; } = ["suspect"];
        public List<string> AssetKinds { get; set; } = ["RealEstate"];
        public List<string> HomeCountries { get; set; } = ["KZ"];
        public List<string> ThroughJurisdictions { get; set; } = [];
    }

    public string Kind => "foreign_property_via_offshore";

    public IReadOnlyList<string> SubjectRoles { get; } = ["subject", "asset", "company"];

    public IEnumerable<string> Check(JsonElement settings) => RuleSettings.Problems<Settings>(settings, s =>
        s.ThroughJurisdictions.Count == 0 ? ["settings.throughJurisdictions: name at least one jurisdiction (e.g. VG)."] :
        s.AssetKinds.Where(k => !Codes.TryParseNodeKind(k, out _)).Select(k => $"settings.assetKinds: '{k}' is not a node kind."));

    public IEnumerable<Finding> Find(GraphSnapshot graph, CaseFacts facts, JsonElement settings)
    {
        var s = RuleSettings.Read<Settings>(settings);
        foreach (var subject in CaseSubjects.Persons(graph, facts, s.SubjectRoles))
        {
            foreach (var holding in HoldingsFinder.Find(graph, subject.Id, false, facts.Today, 5))
            {
                if (!s.AssetKinds.Contains(Codes.Of(holding.Kind)) || graph.Find(holding.NodeId) is not { } asset
                    || asset.Country is null || s.HomeCountries.Contains(asset.Country))
                {
                    continue;
                }
                foreach (var path in holding.Paths)
                {
                    var company = path.NodeIds.Select(graph.Find).OfType<SnapshotNode>()
                        .FirstOrDefault(n => n.Kind == NodeKind.Company && n.Country is { } c && s.ThroughJurisdictions.Contains(c));
                    if (company is null)
                    {
                        continue;
                    }
                    yield return new Finding(
                        new Dictionary<string, string>
                        {
                            ["subjectName"] = subject.Name, ["assetName"] = asset.Name, ["assetCountry"] = asset.Country,
                            ["companyName"] = company.Name, ["companyCountry"] = company.Country!,
                        },
                        new Dictionary<string, IReadOnlyList<string>> { ["subject"] = [subject.Id], ["asset"] = [asset.Id], ["company"] = [company.Id] },
                        [.. path.NodeIds.Select(graph.Find).OfType<SnapshotNode>().Select(CaseSubjects.Node),
                            .. path.EdgeIds.Select(graph.FindEdge).OfType<SnapshotEdge>().Select(CaseSubjects.Edge)]);
                    break;
                }
            }
        }
    }
}
