using System.Globalization;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Wealth;
using AssetTrace.Graph.Model;

namespace AssetTrace.Recovery.Assistant.Rules;

/// <summary>What several rules share: the case's persons in given roles, node links, values in USD.</summary>
internal static class CaseSubjects
{
    /// <summary>The persons of the case in one of the roles, as the snapshot has them (hidden or deleted ones are not there).</summary>
    public static IEnumerable<SnapshotNode> Persons(GraphSnapshot graph, CaseFacts facts, IReadOnlyList<string> roles) =>
        facts.Case.Subjects.Where(s => roles.Contains(s.Role, StringComparer.Ordinal))
            .Select(s => graph.Find(s.NodeId)).OfType<SnapshotNode>().Where(n => n.Kind == NodeKind.Person).Distinct();

    public static FactLink Node(SnapshotNode node) => new("node", node.Id, node.Name);

    public static FactLink Edge(SnapshotEdge edge) => new("edge", edge.Id, $"{edge.Source.Name} {Codes.Of(edge.Kind)} {edge.Target.Name}");

    /// <summary>A node's own value in USD at the rate of its valuation date (today when undated); null when unknown.</summary>
    public static decimal? ValueUsd(SnapshotNode node, RateTable rates, DateOnly today) =>
        node is { Value: { } value, ValueCurrency: { } currency } && rates.RateOn(currency, node.ValueDate ?? today) is { } rate ? value * rate.UsdPerUnit : null;

    public static string Usd(decimal amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);
}
