using AssetTrace.Graph.Model;

namespace AssetTrace.Graph.Schema;

/// <summary>An edge kind as declared in graph-schema/edges/*.json: which node kinds it may join.</summary>
public sealed record EdgeKindDefinition(
    EdgeKind Kind,
    string Description,
    IReadOnlySet<NodeKind> From,
    IReadOnlySet<NodeKind> To,
    IReadOnlyDictionary<string, PropertyDefinition> Properties,
    string FileName);
