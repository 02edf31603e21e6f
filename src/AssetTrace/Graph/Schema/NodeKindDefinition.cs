using AssetTrace.Graph.Model;

namespace AssetTrace.Graph.Schema;

/// <summary>A node kind as declared in graph-schema/nodes/*.json.</summary>
public sealed record NodeKindDefinition(
    NodeKind Kind,
    string Description,
    IReadOnlyDictionary<string, PropertyDefinition> Properties,
    string FileName);
